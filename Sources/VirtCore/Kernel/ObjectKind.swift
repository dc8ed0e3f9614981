/// The kinds of named object in the world's one namespace. Storage and network
/// parts add their kinds here (disk, pool, volume, switch, …).
public enum ObjectKind: String, Codable, Sendable, CaseIterable {
    case host, vm, app, jail, uml, colinux, jvm

    /// The singular word used in messages ("host 'pm3' does not exist").
    public var noun: String {
        switch self {
        case .vm: "VM"
        case .uml: "UML instance"
        case .colinux: "coLinux instance"
        case .jvm: "JVM"
        default: rawValue
        }
    }

    /// The plural word used in hints ("hosts are pm1, pm2").
    public var plural: String {
        switch self {
        case .vm: "VMs"
        case .uml: "UML instances"
        case .colinux: "coLinux instances"
        case .jvm: "JVMs"
        default: rawValue + "s"
        }
    }
}
