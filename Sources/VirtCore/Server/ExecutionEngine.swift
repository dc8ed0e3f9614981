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
    /// Page-table updates queued in the current multicall (para).
    private var batchFill = 0

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
        batchFill = 0
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
        if op != .pteWrite { batchFill = 0 }
    }

    /// Guest kernel in ring 1: privileged operations trap to the ring-0 VMM and are
    /// emulated; sensitive-but-unprivileged ones run unnoticed and misbehave.
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

    /// Guest kernel code is translated block by block (cached for the run);
    /// sensitive instructions become callouts; shadow page tables are kept by
    /// tracing page-table writes (hidden faults).
    private mutating func binaryTranslation(_ op: GuestOp) {
        if !translated.contains(op.keyword) {
            translated.insert(op.keyword)
            cycles += c(.translation); translations += 1
        }
        switch op {
        case .syscall:
            cycles += native(op) + c(.btSyscall)
        case .cli, .sti, .popf, .pushf, .sgdt, .smsw, .hlt:
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

    /// The guest kernel calls the hypervisor; system calls go straight to the
    /// guest kernel (Xen's fast handler); page faults are delivered via Xen;
    /// page-table updates are validated and batched.
    private mutating func paravirtualized(_ op: GuestOp) {
        switch op {
        case .syscall:
            cycles += native(op)
        case .cli, .sti, .popf, .pushf, .sgdt, .smsw, .hlt, .io, .movCR3, .hypercall:
            cycles += native(op) + c(.hypercall); hypercalls += 1
        case .pteWrite:
            if batchFill == 0 { cycles += c(.hypercall); hypercalls += 1 }
            batchFill = (batchFill + 1) % max(1, Int(c(.batch)))
            cycles += native(op) + c(.pteValidate)
        case .pageFault:
            cycles += native(op) + c(.trap); traps += 1
        case .user: break
        }
    }

    /// The guest kernel runs in non-root ring 0: system calls are native,
    /// sensitive operations exit to the root-mode VMM. Shadow paging exits on
    /// page-table writes, switches and faults; nested paging does not, but each
    /// TLB miss walks two levels of page tables.
    private mutating func hardwareAssisted(_ op: GuestOp, _ paging: Paging) {
        let nestedWalk = c(.tlbWalk) * c(.nestedWalkFactor)
        switch op {
        case .syscall:
            cycles += native(op)
        case .cli, .sti, .popf, .pushf, .sgdt, .smsw, .hlt, .hypercall:
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
