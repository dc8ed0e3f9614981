/// The virtualization technique of a hypervisor (CORE.md, "Hypervisors and rings").
public enum HypervisorKind: String, Codable, Sendable, CaseIterable {
    /// Binary translation of guest kernel code (VMware ESX); unmodified guests.
    case full
    /// Paravirtualization through hypercalls (Xen); needs a paravirtualized guest.
    case para
    /// Hardware assistance (VT-x, AMD-V); needs `vt=yes`.
    case hardware
    /// Naive trap-and-emulate: incorrect on x86 (Popek–Goldberg).
    case trap

    /// The ring the VMM runs in; -1 is VMX root mode.
    public var vmmRing: Int { self == .hardware ? -1 : 0 }
    /// The ring the guest kernel runs in.
    public var guestKernelRing: Int { self == .hardware ? 0 : 1 }
}

/// How guest page tables are virtualized. Applies to `hardware`; defaults to shadow,
/// as on the first generation of VT-x and AMD-V.
public enum Paging: String, Codable, Sendable, CaseIterable { case shadow, nested }

/// The hypervisor installed on a host.
struct Hypervisor: Codable, Equatable, Sendable {
    var kind: HypervisorKind
    var paging: Paging
    var costs = CostTable()
}

/// `hypervisor info`.
public struct HypervisorInfo: Codable, Equatable, Sendable {
    public var host: String
    public var kind: HypervisorKind
    public var paging: Paging
    public var vmmRing: Int
    public var guestKernelRing: Int
}
