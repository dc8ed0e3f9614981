import OrderedCollections

/// The server part of the world (CORE.md section 1): hosts and their physical
/// NICs, hypervisors, VMs, apps, other forms of virtualization and migrations in
/// flight. Its operations are `World` extensions in this folder; they reach the
/// part's storage through the accessors below and other parts through hooks.
public struct ServerPart: Codable, Equatable, Sendable {
    var hosts: OrderedDictionary<String, Host> = [:]
    var vms: OrderedDictionary<String, VM> = [:]
    var apps: OrderedDictionary<String, App> = [:]
    var forms: OrderedDictionary<String, Form> = [:]
    var migrations: OrderedDictionary<Int, MigrationJob> = [:]
}

/// The server part's kinds of object.
extension ObjectKind {
    public static let host = ObjectKind("host")
    /// A physical NIC, owned by its host and derived from its `nics` count: `pm1.eth0`.
    public static let nic = ObjectKind("nic", noun: "NIC", ownedBy: .host, derived: true)
    public static let vm = ObjectKind("vm", noun: "VM")
    public static let app = ObjectKind("app")
    public static let jail = ObjectKind("jail")
    public static let uml = ObjectKind("uml", noun: "UML instance")
    public static let colinux = ObjectKind("colinux", noun: "coLinux instance")
    public static let jvm = ObjectKind("jvm", noun: "JVM")
}

/// The part's storage as the server operations use it.
extension World {
    var hosts: OrderedDictionary<String, Host> {
        get { server.hosts }
        _modify { yield &server.hosts }
    }
    var vms: OrderedDictionary<String, VM> {
        get { server.vms }
        _modify { yield &server.vms }
    }
    var apps: OrderedDictionary<String, App> {
        get { server.apps }
        _modify { yield &server.apps }
    }
    var forms: OrderedDictionary<String, Form> {
        get { server.forms }
        _modify { yield &server.forms }
    }
    var migrations: OrderedDictionary<Int, MigrationJob> {
        get { server.migrations }
        _modify { yield &server.migrations }
    }
}

extension ServerPart {
    /// The server part's entry in `World.parts`.
    static let descriptor = PartDescriptor(
        name: "server",
        kinds: [.host, .nic, .vm, .app, .jail, .uml, .colinux, .jvm],
        migrationChecks: World.serverMigrationChecks,
        derivedChildren: { world, owner in
            guard let host = world.hosts[owner] else { return [] }
            return (0..<host.nics).map { ("\(owner).eth\($0)", .nic) }
        },
        hostFailed: { world, host, reason in
            world.abortMigrations(involving: host, reason: reason)
            world.crashEverythingOn(host: host, reason: reason)
        },
        perform: { world, action in
            if action.name == finishMigrationEvent { world.finishMigration(job: action.job) }
        },
        pendingWork: { world in world.migrationWork() },
        power: { world in world.currentPower() },
        checkInvariants: { world throws(CoreError) in try world.checkServerInvariants() })

    /// The event that ends an asynchronous migration.
    static let finishMigrationEvent = "finish-migration"
}
