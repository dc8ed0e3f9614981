/// How guest code is executed: natively, under one of the hypervisor
/// techniques, or inside another form of virtualization.
public enum ExecutionMode: Codable, Equatable, Sendable {
    case native
    case trap
    case full
    case para
    case hardware(Paging)
    /// User-Mode Linux: the guest kernel is a process of a linux host.
    case uml
    /// Cooperative Linux: a guest kernel in ring 0 beside the Windows kernel.
    case colinux
    /// A Java virtual machine: bytecode, JIT-compiled, on any OS.
    case jvm

    init(_ hv: Hypervisor) {
        switch hv.kind {
        case .full: self = .full
        case .para: self = .para
        case .trap: self = .trap
        case .hardware: self = .hardware(hv.paging)
        }
    }

    /// A short name: "full", "hardware/nested", "uml", …
    public var name: String {
        switch self {
        case .native: "native"
        case .trap: "trap"
        case .full: "full"
        case .para: "para"
        case .hardware(let paging): "hardware/\(paging.rawValue)"
        case .uml: "uml"
        case .colinux: "colinux"
        case .jvm: "jvm"
        }
    }
}

/// `vm run`: what running a guest program cost.
public struct RunResult: Codable, Equatable, Sendable {
    /// Cycles under the technique.
    public var cycles: Double
    /// Cycles the same program takes on bare hardware.
    public var nativeCycles: Double
    /// cycles / native_cycles.
    public var overhead: Double
    /// Hardware traps into a ring-0 VMM (trap-and-emulate, hidden faults, faults delivered via Xen).
    public var traps: Int
    /// VM exits (hardware assistance).
    public var exits: Int
    /// Kernel code blocks translated (binary translation).
    public var translations: Int
    /// Hypercalls issued (paravirtualization; batched page-table updates count once per batch).
    public var hypercalls: Int
    /// Times the guest observed or did the wrong thing (trap-and-emulate on x86).
    public var violations: Int
    /// Virtual seconds at the host's clock rate.
    public var seconds: Double
    /// The execution mode's name.
    public var mode: String
}
