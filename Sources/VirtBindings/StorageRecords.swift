import VirtCore
import VirtLang

/// The storage part's records (CORE.md "Records"), each declared once as a field table.
enum StorageRecords {
    typealias F = FieldValue

    static let disk = RecordSchema<DiskInfo>([
        Field("name", "the disk's name") { .string($0.name) },
        Field("size", "capacity") { F.size($0.size) },
        Field("type", "hdd, ssd or nvme") { .string($0.type.rawValue) },
        Field("iface", "sata, sas, fc, iscsi or nvme") { .string($0.iface.rawValue) },
        Field("host", "the host it is local to, or none", link: true) { F.text($0.host) },
        Field("array", "the array it sits in, or none", link: true) { F.text($0.array) },
        Field("rack", "rack label, or none") { F.text($0.rack) },
        Field("site", "site label, or none") { F.text($0.site) },
        Field("mttf", "mean time to failure (per-type datasheet default)") { F.seconds($0.mttf * 3600) },
        Field("state", "online or failed") { .string($0.state.rawValue) },
        Field("pool", "the pool it serves (member or spare), or none", link: true) { F.text($0.pool) },
        Field("written", "blocks holding data (the memory it costs)") { .int($0.written) },
        Field("throughput", "device throughput") { .quantity(.bitsPerSecond($0.throughput)) },
    ])

    static let pool = RecordSchema<PoolInfo>([
        Field("name", "the pool's name", core: true) { .string($0.name) },
        Field("raid", "0, 1, 5, 6 or 10", core: true) { .int($0.raid) },
        Field("disks", "member disks in md's slot order", core: true, link: true) { F.names($0.disks) },
        Field("capacity", "data it can hold (the RAID formulas)", core: true) { F.size($0.capacity) },
        Field("used", "space handed to volumes", core: true) { F.size($0.used) },
        Field("state", "online, degraded, rebuilding or failed", core: true) { .string($0.state.rawValue) },
        Field("tolerance", "failures survived whatever disks they hit", core: true) { .int($0.tolerance) },
        Field("mttdl", "mean time to data loss (Patterson–Gibson–Katz; Chen et al. for RAID 6)", core: true) { F.seconds($0.mttdl) },
        Field("mttr", "rebuild time mttdl assumes: one member at 200 MB/s") { F.seconds($0.mttr) },
        Field("spares", "hot spares", link: true) { F.names($0.spares) },
        Field("provisioned", "sizes of its volumes, thin ones in full") { F.size($0.provisioned) },
        Field("overcommit", "provisioned / capacity") { .number($0.overcommit) },
        Field("unavailable", "members that cannot be read (failed or not rebuilt)") { F.names($0.unavailable) },
    ])

    static let volume = RecordSchema<VolumeInfo>([
        Field("name", "the volume's name", core: true) { .string($0.name) },
        Field("pool", "the pool it is carved from", core: true, link: true) { .string($0.pool) },
        Field("size", "size the VM sees", core: true) { F.size($0.size) },
        Field("thin", "blocks taken as written", core: true) { .bool($0.thin) },
        Field("allocated", "pool space it holds", core: true) { F.size($0.allocated) },
        Field("replicas", "copies kept (1: its pool's redundancy only)", core: true) { .int($0.replicas) },
        Field("state", "online, degraded (a replica or its pool is not whole) or failed (no replica readable)", core: true) { .string($0.state.rawValue) },
        Field("vm", "the VM it is attached to, or none", link: true) { F.text($0.vm) },
        Field("spread", "what no two replicas share: disk, host, rack or site") { .string($0.spread.rawValue) },
        Field("pools", "its replicas' pools") { F.names($0.pools) },
        Field("via", "the virtualization engine its I/O goes through, or none", link: true) { F.text($0.via) },
        Field("array", "LUNs: the array exporting it; none for volumes", link: true) { F.text($0.array) },
        Field("mask", "LUNs: hosts its mask lets see it; none for volumes") { $0.mask.map(F.names) ?? .none },
    ])

    static let domain = RecordSchema<DomainReport>([
        Field("place", "the rack or site") { .string($0.place) },
        Field("level", "rack or site") { .string($0.level.rawValue) },
        Field("hosts", "hosts that went down (or came back)") { F.names($0.hosts) },
        Field("disks", "disks there") { F.names($0.disks) },
        Field("survive", "volumes with a readable replica") { F.names($0.survive) },
        Field("lost", "volumes with none") { F.names($0.lost) },
        Field("time", "repair: simulated time the copies it started take") { F.seconds($0.time) },
        Field("jobs", "repair with async=yes: the copies' job ids") { .list($0.jobs.map(Value.int)) },
    ])

    static let rebuild = RecordSchema<RebuildRecord>([
        Field("pool", "the pool") { .string($0.pool) },
        Field("disks", "disks rebuilt") { F.names($0.disks) },
        Field("bytes", "written to each (md resyncs the whole member)") { F.size($0.bytes) },
        Field("rate", "rebuild rate") { .quantity(.bitsPerSecond($0.rate)) },
        Field("time", "simulated time it takes") { F.seconds($0.time) },
        Field("job", "the job id with async=yes, or none") { F.int($0.job) },
    ])

    static let scrub = RecordSchema<ScrubRecord>([
        Field("pool", "the pool") { .string($0.pool) },
        Field("stripes", "stripes holding data, all read") { .int($0.stripes) },
        Field("mismatches", "stripes that disagreed with their redundancy") { .int($0.mismatches) },
        Field("repaired", "disk, block and what it held, for each block rewritten") { r in
            .list(r.repaired.map { .record(Record([("disk", .string($0.disk)), ("block", .int(Int($0.block))), ("what", .string($0.what))])) })
        },
    ])
}
