/// The other forms of virtualization (CORE.md, "Other forms of virtualization").
public enum FormKind: String, Codable, Sendable, CaseIterable {
    /// A FreeBSD jail: an isolated environment sharing the host kernel.
    case jail
    /// User-Mode Linux: a Linux kernel running as a process of a linux host.
    case uml
    /// Cooperative Linux: a Linux kernel beside the Windows kernel, in ring 0.
    case colinux
    /// A Java virtual machine: a process running portable bytecode on any OS.
    case jvm

    /// The kind of object a form of this kind is.
    public var objectKind: ObjectKind {
        switch self {
        case .jail: .jail
        case .uml: .uml
        case .colinux: .colinux
        case .jvm: .jvm
        }
    }

    /// Default memory (bytes): for UML and coLinux the guest's RAM, for a JVM its heap;
    /// a jail has no memory of its own. Estimates.
    public var defaultMem: Int64 {
        switch self {
        case .jail: 0
        case .uml, .colinux: 512 << 20
        case .jvm: 1 << 30
        }
    }
}

/// One jail, UML, coLinux or JVM instance.
struct Form: Codable, Equatable, Sendable {
    var name: String
    var kind: FormKind
    /// The host (jail, UML, coLinux) or target (JVM) it runs on.
    var on: String
    var mem: Int64
    var crashed = false
    var crashReason: String?
}

/// `jail info`, `uml info`, `colinux info`, `jvm info`.
public struct FormInfo: Codable, Equatable, Sendable {
    public var name: String
    public var kind: FormKind
    public var on: String
    /// running or crashed.
    public var state: String
    /// Bytes (0 for a jail, which uses its host's memory).
    public var mem: Int64
    /// What it runs: freebsd (jail), linux (UML, coLinux), bytecode (JVM).
    public var runs: String
    public var crashReason: String?
}
