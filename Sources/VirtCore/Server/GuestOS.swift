/// The guest operating systems VMs can run (`os list`).
public enum GuestOS: String, Codable, Sendable, CaseIterable {
    case linux, linuxPV = "linux-pv", windows, freebsd, netbsdXen = "netbsd-xen", msdos

    /// Whether the kernel is modified to call a hypervisor (required by `para`).
    public var paravirtualized: Bool { self == .linuxPV || self == .netbsdXen }

    public var bits: Int { self == .msdos ? 16 : 64 }

    public var family: String {
        switch self {
        case .linux, .linuxPV: "linux"
        case .windows: "windows"
        case .freebsd: "bsd"
        case .netbsdXen: "bsd"
        case .msdos: "dos"
        }
    }

    public var note: String {
        switch self {
        case .linux: "stock Linux kernel, unmodified"
        case .linuxPV: "Linux kernel paravirtualized for Xen (hypercalls instead of privileged instructions)"
        case .windows: "closed source: no paravirtualized kernel can be built"
        case .freebsd: "stock FreeBSD kernel, unmodified"
        case .netbsdXen: "NetBSD's Xen port, paravirtualized"
        case .msdos: "legacy 16-bit real-mode OS"
        }
    }

    /// The catalogue as records.
    public static var catalogue: [GuestOSInfo] {
        allCases.map { GuestOSInfo(name: $0.rawValue, paravirtualized: $0.paravirtualized, bits: $0.bits, family: $0.family, note: $0.note) }
    }

    /// Refuses a non-paravirtualized OS on a `para` hypervisor, saying why.
    func check(on kind: HypervisorKind, host: String) throws(CoreError) {
        guard kind == .para, !paravirtualized else { return }
        let pv = GuestOS.allCases.filter(\.paravirtualized).map(\.rawValue).joined(separator: " or ")
        throw .state("\(host) runs a para hypervisor, and \(rawValue) is not paravirtualized: its kernel executes privileged instructions instead of hypercalls",
                     hint: "use a paravirtualized OS (\(pv)), or a host with a full or hardware hypervisor")
    }
}

/// One row of `os list`.
public struct GuestOSInfo: Codable, Equatable, Sendable {
    public var name: String
    public var paravirtualized: Bool
    public var bits: Int
    public var family: String
    public var note: String
}
