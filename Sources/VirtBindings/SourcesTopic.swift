import VirtCore
import VirtLang

/// `help sources`: where each of VirtLab's defaults comes from. docs/sources.md
/// is this text (`virtlab help sources > docs/sources.md`; a test keeps them equal).
enum SourcesTopic {
    static let text: String = [intro, cpu, costTable, migration, power, storage, distributed, other].joined(separator: "\n\n")

    static let intro = """
        # Where VirtLab's numbers come from

        Every default of the simulator is either a figure from a publication or an
        estimate. Estimates are marked as such, with their reasoning; so are figures
        recalled from a source but not checked against it ("unconfirmed"). Lessons
        ask you to trust the orderings (what beats what, and why) more than the
        exact numbers. Every default can be changed (`hypervisor set`, `vm set`,
        `host add power=`, `vm migrate bandwidth=`), so a lesson can show what
        depends on it.
        """

    static let cpu = """
        ## Executing guest code

        - Popek and Goldberg, "Formal Requirements for Virtualizable Third
          Generation Architectures", CACM 17(7), 1974: trap-and-emulate works when
          every sensitive instruction is privileged.
        - Robin and Irvine, "Analysis of the Intel Pentium's Ability to Support a
          Secure Virtual Machine Monitor", USENIX Security 2000: 17 x86
          instructions are sensitive but unprivileged. In a ring-1 guest kernel
          POPF leaves the interrupt flag unchanged without a fault, PUSHF and SMSW
          expose the real flags and CR0, SGDT the VMM's descriptor table. VirtLab's
          `trap` hypervisor counts each as a violation.
        - Adams and Agesen, "A Comparison of Software and Hardware Techniques for
          x86 Virtualization", ASPLOS 2006: VMware's binary translator turns
          cli, sti, popf and pushf in guest kernel code into inline updates of the
          virtual flags, at about native cost, and calls out to the VMM only for
          what cannot be done in place; traced page-table writes and hidden page
          faults are its expensive part, and system calls need VMM intervention.
          First-generation VT-x and AMD-V had no MMU virtualization, so shadow
          paging exited on every page-table write, address-space switch and guest
          page fault, and the software VMM often won (forkwait: native 6.0 s,
          software VMM 36.9 s, hardware VMM 106.4 s; unconfirmed).
        - Barham et al., "Xen and the Art of Virtualization", SOSP 2003: guest
          kernels in ring 1 on 32-bit x86, hypercalls as a software trap, batched
          page-table updates (multicall), an event-masking flag in the shared-info
          page instead of cli/sti, and split device drivers (a ring of requests
          shared with a driver domain, one event-channel notification per batch).
          Linux's Xen paravirt operations read CR0 and the descriptor tables from
          the guest's own copies, without a hypercall.
        - Intel SDM volume 3C, "VMX non-root operation": in non-root mode the guest
          kernel runs at CPL 0; cli, sti, popf, pushf act on the guest's own flags;
          smsw reads CR0 through the read shadow; sgdt returns the guest's GDTR
          unless descriptor-table exiting is enabled (off by default); hlt and I/O
          exit under the usual controls. AMD-V behaves alike (VMRUN, #VMEXIT).
        - Nested paging (Intel EPT, AMD NPT) removes the shadow-paging exits; a TLB
          miss then walks two dimensions of page tables, up to 24 memory references
          instead of 4. VMware measured up to 48 % gains on MMU-heavy benchmarks.
        - VM exit round trip: about 2,400 cycles on the first VT-x processors
          (Prescott), about 500-1,000 on Nehalem and Sandy Bridge (unconfirmed).

        The mechanisms, not per-workload tuning, give the published orderings:
        binary translation beats shadow paging on forkwait, nested paging beats
        shadow paging on forkwait, hardware assistance beats binary translation
        on syscall-heavy, and compute runs within 10 % of native under every
        correct technique (the test suite checks each).
        """

    /// The cost table, generated from `CostKey`: key, default, meaning and source.
    static var costTable: String {
        let width = CostKey.allCases.map(\.rawValue.count).max() ?? 0
        return (["## The cost table (hypervisor costs HOST)", "",
                 "Cycles per event unless marked a factor or a count. Each row: key, default, what it is — its source or \"estimate\"."]
            + CostKey.allCases.map { "- \($0.rawValue.padded(width))  \(NumberFormat.format($0.defaultValue))  \($0.source)" })
            .joined(separator: "\n")
    }

    static let migration = """
        ## Live migration (vm migrate)

        - Clark et al., "Live Migration of Virtual Machines", NSDI 2005: iterative
          pre-copy, then stop-and-copy. Measured downtimes: 210 ms for a SPECweb
          server, 60 ms for a Quake 3 server; a memory-hammering program
          (MMuncher) about 3.5 s (unconfirmed).
        - Xen's save loop stops when fewer than 50 pages remain, after 29
          iterations, or once 3 times the memory has been sent; its rate adapts
          (100 to 500 Mbit/s).
        - VirtLab's model: 4 KiB pages; every round at a fixed bandwidth (default
          1 Gbps, an estimate of a plain data-centre link); stop under
          `stop-pages` (50, as Xen), after `max-rounds` (30, the first copy
          included) or once 3 times the memory is sent; resume takes 10 ms
          (estimate). A VM dirties `dirty-rate` pages per second within its
          writable working set `wws`. Pre-copy converges only when the dirty rate
          is below the bandwidth.
        - Hines, Deshpande and Gopalan, "Post-Copy Live Migration of Virtual
          Machines", 2009: the CPU state moves first and the VM resumes on the
          destination at once; each page crosses once, on demand or by pre-paging;
          losing either host during the move loses the VM.
        """

    static let power = """
        ## Consolidation and energy

        - Linear power model P(u) = idle + (max - idle) * u, as CloudSim's
          PowerModelLinear; VirtLab's default of 100 W idle and 250 W at full load
          is an estimate for a two-socket server.
        - SPECpower_ssj2008 results shipped with CloudSim, watts at 0, 10, ..., 100 %
          utilization, interpolated linearly: HP ProLiant ML110 G4 (Xeon 3040)
          86, 89.4, 92.6, 96, 99.5, 102, 106, 108, 112, 114, 117; HP ProLiant ML110
          G5 (Xeon 3075) 93.7, 97, 101, 105, 110, 116, 121, 125, 129, 133, 135.
        - First-fit decreasing uses at most 11/9 of the optimal number of bins
          plus 6/9 (Dosa, 2007); no packing uses fewer hosts than the total demand
          divided by a host's capacity, rounded up.
        """

    static let storage = """
        ## Storage

        - Linux md (drivers/md/raid5.c, `raid5_compute_sector`): with --chunk=4K
          one chunk is one 4 KiB block; the default left-symmetric layout puts
          RAID 5 parity of stripe s of n disks on disk n-1-(s mod n) and data chunk
          i on (P+1+i) mod n; RAID 6 puts Q on (P+1) mod n and data chunk i on
          (P+2+i) mod n. RAID 10 is md's near-2 layout. `disk read` shows the
          member blocks, counted from md's data offset.
        - H. P. Anvin, "The mathematics of RAID-6" (Linux lib/raid6): GF(2^8) with
          polynomial 0x11d and generator {02}; P = XOR of the data chunks,
          Q = sum of g^i D_i; two lost data chunks are solved from P and Q, and a
          single rotten chunk is located by the ratio of the Q and P syndromes.
        - Rebuild rate: md's `speed_limit_max` default, 200,000 KiB/s (about
          200 MB/s); md resyncs the whole member, so a rebuild takes member size /
          rate.
        - Patterson, Gibson and Katz, "A Case for Redundant Arrays of Inexpensive
          Disks (RAID)", SIGMOD 1988: MTTDL of a single-failure group
          MTTF^2 / (N (N-1) MTTR). Chen, Lee, Gibson, Katz and Patterson, "RAID:
          High-Performance, Reliable Secondary Storage", ACM Computing Surveys
          1994: the two-failure extension MTTF^3 / (N (N-1) (N-2) MTTR^2) for
          RAID 6. Mirrors and RAID 10 follow the same reasoning (estimate of
          VirtLab: n-way mirror MTTF^n / (n! MTTR^(n-1)); RAID 10 as N/2 pairs).
          Members of different MTTF count by their harmonic mean.
        - Disk MTTF defaults, the vendors' MTBF (unconfirmed): hdd 2,500,000 h
          (Seagate Exos X16 datasheet), ssd 2,000,000 h (Samsung PM893), nvme
          2,000,000 h (Samsung PM9A3). Device throughput defaults (hdd 1.2 Gbps,
          ssd 4 Gbps, nvme 16 Gbps) are the course's figures.
        - Fabric bandwidth defaults: fc 16 Gbps (the 16GFC generation of Fibre
          Channel, FC-PI-5), iscsi 10 Gbps (10 Gigabit Ethernet). An in-band
          appliance's default, 8 Gbps (one 8GFC port), is illustrative, not a
          product's figure. Zoning in the fabric and LUN masking in the array
          decide who sees a LUN.
        """

    static let distributed = """
        ## Distributed storage

        - Ghemawat, Gobioff and Leung, "The Google File System", SOSP 2003: one
          master keeps the metadata (which chunk servers hold each chunk), chunk
          servers keep 64 MB chunks, three replicas by default, written through a
          pipeline to every replica; the master re-replicates a chunk whose
          replicas fall below the goal. Not modelled: shadow masters, chunk
          leases, clients caching chunk locations (with the master down, `dfs`
          reads and writes fail).
        - HDFS (Apache Hadoop, "HDFS Architecture"): replication 3; the default
          placement puts the first replica on the writer's node (a random node
          when the writer is not one), the second on a node of another rack, the
          third on another node of that rack; nodes without a rack share
          `/default-rack`. A DataNode is declared dead after
          2 × heartbeat.recheck-interval (5 min) + 10 × heartbeat (3 s) = 10.5
          minutes (Hadoop 0.19's FSNamesystem, as quoted; today's hdfs-default.xml
          not checked). VirtLab gives a copy up after 10 minutes, for volumes as
          for `dfs`: Ceph's `mon_osd_down_out_interval` is 600 s (Red Hat Ceph
          Storage configuration guide).
        - Re-replication rate: VirtLab's estimate, md's `speed_limit_max`
          (200,000 KiB/s) reused; a volume's copy moves whole (as md resyncs a
          whole member), a `dfs` chunk moves its bytes.
        - DeCandia et al., "Dynamo: Amazon's Highly Available Key-value Store",
          SOSP 2007: consistent hashing with virtual nodes, a preference list of N
          distinct nodes, R + W > N for overlapping quorums, (N, R, W) = (3, 2, 2)
          common; the sloppy quorum over the first N healthy nodes with hinted
          handoff. Not modelled: vector clocks (a version counter per key stands in:
          no concurrent versions), read repair, Merkle-tree anti-entropy.
        - Tokens per node: 16, the `num_tokens` default of Cassandra 4.0's
          cassandra.yaml (256 before). Ring positions: FNV-1a (64 bit) mixed by
          MurmurHash3's finalizer, VirtLab's choice of a fixed hash (Dynamo used
          MD5, Cassandra uses Murmur3); tokens are hashes of `HOST#i`, so the
          ring is the same on every run.
        - Catch-up lag 10 ms: VirtLab's estimate of a write reaching the other
          replicas in one datacenter.
        - Lakshman and Malik, "Cassandra: A Decentralized Structured Storage
          System", ACM SIGOPS OSR 2010: Dynamo's ring with BigTable's data model.
          Chang et al., "Bigtable: A Distributed Storage System for Structured
          Data", OSDI 2006: tables kept in GFS files (named in lesson 10, not
          modelled).
        """

    static let other = """
        ## Other defaults

        - Hosts: VT-x present, Intel, 2.4 GHz, two NICs, Linux: estimates of a
          common server.
        - Xen's credit scheduler: weight 256 by default, no cap.
        - App demands (`help app run`) and the costs of jails, UML, coLinux and
          the JVM are VirtLab's estimates, chosen so that the effects are visible;
          Barham et al. (SOSP 2003) measured UML far slower than native Linux on
          system-call-heavy work, which the model reproduces through its
          mechanism (each guest system call costs host system calls).
        """
}
