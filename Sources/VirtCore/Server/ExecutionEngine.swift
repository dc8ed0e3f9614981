/// Charges each guest operation what the execution mode's mechanism costs.
/// The orderings between techniques follow from these mechanisms and the
/// cost table alone; nothing depends on the workload.
struct ExecutionEngine {
    let mode: ExecutionMode
    let costs: CostTable
    /// Kernel code blocks already translated (binary translation's cache).
    var translated: Set<String>

    private(set) var cycles = 0.0
    private(set) var nativeCycles = 0.0
    private(set) var traps = 0, exits = 0, translations = 0, hypercalls = 0, violations = 0
    /// Page-table updates queued in the current multicall, and I/O requests
    /// queued on the split driver's ring before its notification (para).
    private var pteBatch = 0, ioBatch = 0

    init(mode: ExecutionMode, costs: CostTable, translated: Set<String> = []) {
        self.mode = mode
        self.costs = costs
        self.translated = translated
    }

    /// Runs one pass of the program.
    mutating func run(_ program: GuestProgram) {
        for step in program.ops {
            for _ in 0..<step.count { execute(step.op) }
        }
        pteBatch = 0; ioBatch = 0
    }

    private func c(_ key: CostKey) -> Double { costs[key] }

    /// Native cost of an operation on bare hardware.
    private func native(_ op: GuestOp) -> Double {
        switch op {
        case .user(let n): Double(n) * c(.instruction)
        case .syscall, .hypercall: c(.syscall)
        case .io: c(.io)
        case .cli, .sti, .popf, .pushf, .sgdt, .smsw, .pteWrite: c(.privileged)
        case .movCR3: c(.movCR3) + c(.tlbMissesPerSwitch) * c(.tlbWalk)
        case .pageFault: c(.pageFault) + c(.tlbWalk)
        case .hlt: c(.hlt)
        }
    }

    private mutating func execute(_ op: GuestOp) {
        nativeCycles += native(op)
        // A batch ends at the first other operation, user code included (the kernel was left).
        if op != .pteWrite { pteBatch = 0 }
        if op != .io { ioBatch = 0 }
        if case .user(let n) = op {
            // User code runs directly under every technique; only a JVM interprets it.
            cycles += mode == .jvm ? Double(n) * c(.instruction) * c(.jitFactor) : native(op)
            return
        }
        switch mode {
        case .native: cycles += native(op)
        case .trap: trapAndEmulate(op)
        case .full: binaryTranslation(op)
        case .para: paravirtualized(op)
        case .hardware(let paging): hardwareAssisted(op, paging)
        case .uml: userModeLinux(op)
        case .colinux: cooperative(op)
        case .jvm: cycles += native(op) + c(.nativeCall)
        }
    }

    /// Guest kernel in ring 1: privileged operations trap to the ring-0 VMM and are
    /// emulated; sensitive-but-unprivileged ones run unnoticed and misbehave
    /// (Popek & Goldberg 1974; Robin & Irvine 2000; docs/sources.md).
    private mutating func trapAndEmulate(_ op: GuestOp) {
        switch op {
        case .popf, .pushf, .sgdt, .smsw:
            // POPF at CPL 1 leaves IF unchanged; PUSHF and SMSW reveal the real
            // ring; SGDT reveals the VMM's tables (Robin & Irvine 2000).
            cycles += native(op)
            violations += 1
        case .syscall, .cli, .sti, .hlt, .hypercall:
            cycles += c(.trap) + native(op); traps += 1
            if op == .hypercall { hypercalls += 1 }
        case .io:
            cycles += c(.trap) + c(.deviceEmulation) + native(op); traps += 1
        case .movCR3, .pteWrite, .pageFault:
            // Page tables are write-protected and shadowed: every change traps.
            cycles += c(.trap) + c(.shadowUpdate) + native(op); traps += 1
        case .user: break
        }
    }

    /// Guest kernel code is translated block by block (cached for the run). The
    /// translator turns `cli`, `sti`, `popf`, `pushf` into inline updates of the
    /// virtual flags and `smsw`, `sgdt` into loads from the virtual CPU, all at
    /// about native cost; what cannot be done inline (`io`, `hlt`, `mov-cr3`,
    /// `hypercall`) becomes a callout to the VMM; system calls need VMM
    /// intervention in the ring transition; shadow page tables are kept by tracing
    /// page-table writes and taking hidden page faults, real traps and the
    /// expensive part (Adams & Agesen, ASPLOS 2006; docs/sources.md).
    private mutating func binaryTranslation(_ op: GuestOp) {
        if !translated.contains(op.keyword) {
            translated.insert(op.keyword)
            cycles += c(.translation); translations += 1
        }
        switch op {
        case .cli, .sti, .popf, .pushf, .sgdt, .smsw:
            cycles += native(op)
        case .syscall:
            cycles += native(op) + c(.btSyscall)
        case .hlt:
            cycles += native(op) + c(.callout)
        case .hypercall:
            cycles += native(op) + c(.callout); hypercalls += 1
        case .io:
            cycles += native(op) + c(.callout) + c(.deviceEmulation)
        case .movCR3:
            cycles += native(op) + c(.callout) + c(.shadowUpdate)
        case .pteWrite, .pageFault:
            // A traced page-table write or a hidden page fault: a real trap into the VMM.
            cycles += native(op) + c(.trap) + c(.shadowUpdate); traps += 1
        case .user: break
        }
    }

    /// The guest kernel calls the hypervisor (Barham et al., SOSP 2003). It masks
    /// events by writing its shared-info page, so `cli`, `sti`, `popf`, `pushf`
    /// need no hypercall; it keeps its own copies of CR0 and its descriptor
    /// tables (Linux's Xen paravirt operations), so `smsw`, `sgdt` are native;
    /// system calls go straight to the guest kernel (Xen's fast trap handler).
    /// `mov-cr3` and `hlt` are hypercalls; page-table updates are validated and
    /// batched into one hypercall; I/O goes through split drivers, whose shared
    /// ring takes a run of requests with one event-channel notification, a
    /// hypercall; page faults are delivered through Xen (docs/sources.md).
    private mutating func paravirtualized(_ op: GuestOp) {
        switch op {
        case .syscall, .cli, .sti, .popf, .pushf, .sgdt, .smsw:
            cycles += native(op)
        case .hlt, .movCR3, .hypercall:
            cycles += native(op) + c(.hypercall); hypercalls += 1
        case .pteWrite:
            pteBatch = batched(pteBatch)
            cycles += native(op) + c(.pteValidate)
        case .io:
            ioBatch = batched(ioBatch)
            cycles += native(op)
        case .pageFault:
            cycles += native(op) + c(.trap); traps += 1
        case .user: break
        }
    }

    /// Charges one hypercall for the first of up to `batch` consecutive requests
    /// of one kind; returns the batch's new fill.
    private mutating func batched(_ fill: Int) -> Int {
        if fill == 0 { cycles += c(.hypercall); hypercalls += 1 }
        return (fill + 1) % max(1, Int(c(.batch)))
    }

    /// The guest kernel runs at CPL 0 of non-root mode (Intel SDM Vol. 3C, "VMX
    /// non-root operation"): system calls, `cli`, `sti`, `popf`, `pushf` act on
    /// the guest's own state without an exit, `smsw` reads CR0 through the read
    /// shadow and `sgdt` the guest's own GDTR (descriptor-table exiting is off by
    /// default). `io`, `hlt` and `vmcall` (a hypercall) exit to the root-mode
    /// VMM. Shadow paging also exits on page-table writes (the guest's tables are
    /// write-protected), address-space switches and guest page faults; nested
    /// paging does not, but each TLB miss walks two dimensions of page tables.
    private mutating func hardwareAssisted(_ op: GuestOp, _ paging: Paging) {
        let nestedWalk = c(.tlbWalk) * c(.nestedWalkFactor)
        switch op {
        case .syscall, .cli, .sti, .popf, .pushf, .sgdt, .smsw:
            cycles += native(op)
        case .hlt, .hypercall:
            cycles += native(op) + c(.vmExit); exits += 1
            if op == .hypercall { hypercalls += 1 }
        case .io:
            cycles += native(op) + c(.vmExit) + c(.deviceEmulation); exits += 1
        case .movCR3, .pteWrite, .pageFault:
            if paging == .shadow {
                cycles += native(op) + c(.vmExit) + c(.shadowUpdate); exits += 1
            } else if op == .movCR3 {
                cycles += c(.movCR3) + c(.tlbMissesPerSwitch) * nestedWalk
            } else if op == .pageFault {
                cycles += c(.pageFault) + nestedWalk
            } else {
                cycles += native(op)
            }
        case .user: break
        }
    }

    /// The guest kernel is a host process: each of its system calls is caught
    /// by the host (ptrace) and costs host system calls and context switches;
    /// its privileged work becomes host system calls (signals, mmap, mprotect).
    private mutating func userModeLinux(_ op: GuestOp) {
        let hostSwitch = c(.movCR3) + c(.tlbMissesPerSwitch) * c(.tlbWalk)
        switch op {
        case .syscall:
            cycles += 2 * c(.syscall) + 2 * hostSwitch
        case .pageFault:
            // A host fault, a SIGSEGV delivered to the guest kernel (two host calls), an mmap.
            cycles += native(op) + 3 * c(.syscall)
        case .cli, .sti, .popf, .pushf, .sgdt, .smsw, .hlt, .io, .movCR3, .pteWrite, .hypercall:
            cycles += native(op) + c(.syscall)
        case .user: break
        }
    }

    /// The guest kernel runs natively in ring 0; devices belong to the host,
    /// so each I/O or idle switches to the Windows kernel and back.
    private mutating func cooperative(_ op: GuestOp) {
        let hostSwitch = c(.movCR3) + c(.tlbMissesPerSwitch) * c(.tlbWalk)
        switch op {
        case .io, .hlt: cycles += native(op) + 2 * hostSwitch + c(.syscall)
        default: cycles += native(op)
        }
    }
}
