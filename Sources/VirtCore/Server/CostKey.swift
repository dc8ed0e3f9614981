/// One entry of the cost table: cycles per event (or a factor), with where the figure comes from.
public enum CostKey: String, Codable, Sendable, CaseIterable {
    case instruction, syscall, privileged, io, movCR3 = "mov-cr3", pageFault = "page-fault", hlt
    case tlbWalk = "tlb-walk", tlbMissesPerSwitch = "tlb-misses-per-switch"
    case trap, translation, callout, btSyscall = "bt-syscall", shadowUpdate = "shadow-update"
    case deviceEmulation = "device-emulation"
    case hypercall, pteValidate = "pte-validate", batch
    case vmExit = "vm-exit", nestedWalkFactor = "nested-walk-factor"
    case jitFactor = "jit-factor", nativeCall = "native-call"

    /// The largest value `hypervisor set` accepts: a million for the batch size and
    /// the factors, a trillion cycles for the rest, so that no total is infinite.
    public var maximum: Double {
        switch self {
        case .batch, .nestedWalkFactor, .jitFactor, .tlbMissesPerSwitch: 1e6
        default: 1e12
        }
    }

    /// The default value (a published figure or an estimate; see `source` and docs/sources.md).
    public var defaultValue: Double {
        switch self {
        case .instruction: 1
        case .syscall: 250
        case .privileged: 20
        case .io: 1_000
        case .movCR3: 200
        case .pageFault: 1_000
        case .hlt: 100
        case .tlbWalk: 100
        case .tlbMissesPerSwitch: 30
        case .trap: 1_000
        case .translation: 5_000
        case .callout: 150
        case .btSyscall: 2_000
        case .shadowUpdate: 1_500
        case .deviceEmulation: 1_000
        case .hypercall: 700
        case .pteValidate: 200
        case .batch: 32
        case .vmExit: 2_400
        case .nestedWalkFactor: 6
        case .jitFactor: 1.2
        case .nativeCall: 100
        }
    }

    /// The hypervisor kinds whose mechanisms read this key (native costs and the
    /// JVM's keys are read by every kind); setting another key has no effect.
    public var techniques: Set<HypervisorKind> {
        switch self {
        case .trap: [.trap, .full, .para]
        case .translation, .callout, .btSyscall: [.full]
        case .shadowUpdate, .deviceEmulation: [.trap, .full, .hardware]
        case .hypercall, .pteValidate, .batch: [.para]
        case .vmExit, .nestedWalkFactor: [.hardware]
        default: Set(HypervisorKind.allCases)
        }
    }

    /// What the value means and where it comes from (shown by `hypervisor costs` and `help`).
    public var source: String {
        switch self {
        case .instruction:
            "native cycles per unprivileged instruction — estimate: one instruction per cycle"
        case .syscall:
            "native system call entry and return — estimate within the published range: a native syscall entry costs a few hundred cycles"
        case .privileged:
            "native cli, sti, popf, pushf, sgdt, smsw or page-table store — estimate: a few tens of cycles for a simple instruction"
        case .io:
            "native port I/O to a device — estimate: an uncached device access takes on the order of a microsecond"
        case .movCR3:
            "native address-space switch, excluding TLB refill — estimate: a serializing control-register write"
        case .pageFault:
            "native page-fault exception and handler — estimate: exception delivery plus a short kernel path"
        case .hlt:
            "native hlt — estimate"
        case .tlbWalk:
            "native page walk after a TLB miss — estimate: 4 memory references of a 4-level walk at about 25 cycles from cache"
        case .tlbMissesPerSwitch:
            "TLB misses refilling the working set after an address-space switch (count) — estimate: tens of pages touched"
        case .trap:
            "trap into the ring-0 VMM, decode and return (trap-and-emulate, hidden faults) — estimate: fault delivery costs several hundred cycles on the Pentium 4"
        case .translation:
            "binary translation of one guest kernel code block, once per run while cached — estimate: thousands of cycles to decode and emit a block"
        case .callout:
            "callout from translated code to the VMM for what cannot be done inline (io, hlt, mov-cr3); cli, sti, popf, pushf, smsw, sgdt are inline at native cost — estimate: a call, no hardware trap"
        case .btSyscall:
            "extra VMM work per system call under binary translation (ring transitions need intervention) — Adams & Agesen, ASPLOS 2006: a software VMM's syscall is an order of magnitude above native"
        case .shadowUpdate:
            "VMM work to keep shadow page tables in sync (a page-table write, a fill after a hidden fault, an address-space switch) — estimate; Adams & Agesen, ASPLOS 2006: hidden faults and traced writes cost thousands of cycles"
        case .deviceEmulation:
            "VMM emulation of a device access (full, hardware, trap; para uses split drivers instead) — estimate"
        case .hypercall:
            "hypercall round trip (software trap into Xen, int $0x82) — estimate: a trap without decoding"
        case .pteValidate:
            "Xen validating one page-table update inside a batched mmu_update — estimate"
        case .batch:
            "page-table updates per batched hypercall (multicall), and I/O requests per split-driver notification (Barham et al. SOSP 2003) — estimate of the batch size"
        case .vmExit:
            "VM exit round trip — about 2,400 cycles on first-generation VT-x (Prescott), 500–1,000 on Nehalem/Sandy Bridge (unconfirmed)"
        case .nestedWalkFactor:
            "nested-paging TLB miss cost over a native walk (factor) — Intel EPT / AMD NPT: up to 24 memory references instead of 4"
        case .jitFactor:
            "JVM: cycles per bytecode instruction over native after JIT compilation (factor) — estimate"
        case .nativeCall:
            "JVM: cost of a native (JNI) call around an OS service — estimate"
        }
    }
}

/// A hypervisor's cost table: every `CostKey` with its value, in a fixed order.
public struct CostTable: Codable, Equatable, Sendable {
    private var values: [String: Double] = [:]

    /// The defaults of `CostKey.defaultValue`.
    public init() {}

    /// The value of `key` (its default unless set).
    public subscript(key: CostKey) -> Double {
        get { values[key.rawValue] ?? key.defaultValue }
        set { values[key.rawValue] = newValue == key.defaultValue ? nil : newValue }
    }

    /// Every key with its value and source, in declaration order.
    public var entries: [CostEntry] {
        CostKey.allCases.map { CostEntry(key: $0.rawValue, value: self[$0], defaultValue: $0.defaultValue, source: $0.source) }
    }
}

/// One row of `hypervisor costs`.
public struct CostEntry: Codable, Equatable, Sendable {
    public var key: String
    public var value: Double
    public var defaultValue: Double
    public var source: String
}
