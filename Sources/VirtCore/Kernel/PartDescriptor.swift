/// One part of the world as the kernel sees it: its kinds of object and the
/// hooks through which the kernel and the other parts reach it. Like the entries
/// of Lua's `linit.c`, each part gives one such value and `World.parts` lists them
/// once; `host fail`, `vm migrate`, the clock, `load` and `show` read that list.
///
/// Hooks are plain functions of the world, so a part touches other parts only
/// through their public operations.
public struct PartDescriptor: Sendable {
    /// The part's name (`server`, `storage`, `network`), also its events' tag.
    public let name: String
    /// The kinds of object it owns, in the order `show` lists them.
    public let kinds: [ObjectKind]
    /// Preconditions of a migration, checked in order before anything changes.
    let migrationChecks: [MigrationCheck]
    /// Run in order after a migrated VM arrives (and after a crashed VM restarts on another host).
    let migrationHooks: [MigrationHook]
    /// Run in order when a migration starts, after its checks: work the part adds to
    /// the move, with its bytes and time (storage copies volumes with `with-storage=yes`).
    let migrationStarts: [MigrationStart]
    /// Preconditions of restarting a crashed VM on another host (`vm restart NAME host=OTHER`).
    let restartChecks: [MigrationCheck]
    /// The sub-objects the part derives from an owner rather than registering
    /// (a host's NICs), in order, with their kinds.
    let derivedChildren: @Sendable (World, String) -> [(name: String, kind: ObjectKind)]
    /// The part's objects attached to a VM (`vm info` volumes).
    let vmVolumes: @Sendable (World, String) -> [String]
    /// What the part drops when an object leaves the world (`vm destroy`, `host remove`),
    /// called before its name and the names it owns go.
    let removed: @Sendable (inout World, String) -> Void
    /// What the part does when a host fails (`host fail`, a panic taking the host down), given the reason.
    let hostFailed: @Sendable (inout World, String, String) -> Void
    /// What the part does when a failed host is repaired.
    let hostRepaired: @Sendable (inout World, String) -> Void
    /// Performs one of the part's events when its time comes (`advance`, `wait`).
    let perform: @Sendable (inout World, EventAction) -> Void
    /// The part's background work in progress (`show`).
    let pendingWork: @Sendable (World) -> [PendingWork]
    /// Watts the part's objects draw now (integrated into the world's energy as the clock moves).
    let power: @Sendable (World) -> Double
    /// Checks the part's invariants (`load`): throws the first broken one, with its path.
    let checkInvariants: @Sendable (World) throws(CoreError) -> Void

    init(name: String, kinds: [ObjectKind],
         migrationChecks: [MigrationCheck] = [], migrationHooks: [MigrationHook] = [],
         migrationStarts: [MigrationStart] = [], restartChecks: [MigrationCheck] = [],
         derivedChildren: @escaping @Sendable (World, String) -> [(name: String, kind: ObjectKind)] = { _, _ in [] },
         vmVolumes: @escaping @Sendable (World, String) -> [String] = { _, _ in [] },
         removed: @escaping @Sendable (inout World, String) -> Void = { _, _ in },
         hostFailed: @escaping @Sendable (inout World, String, String) -> Void = { _, _, _ in },
         hostRepaired: @escaping @Sendable (inout World, String) -> Void = { _, _ in },
         perform: @escaping @Sendable (inout World, EventAction) -> Void = { _, _ in },
         pendingWork: @escaping @Sendable (World) -> [PendingWork] = { _ in [] },
         power: @escaping @Sendable (World) -> Double = { _ in 0 },
         checkInvariants: @escaping @Sendable (World) throws(CoreError) -> Void) {
        self.name = name
        self.kinds = kinds
        self.migrationChecks = migrationChecks
        self.migrationHooks = migrationHooks
        self.migrationStarts = migrationStarts
        self.restartChecks = restartChecks
        self.derivedChildren = derivedChildren
        self.vmVolumes = vmVolumes
        self.removed = removed
        self.hostFailed = hostFailed
        self.hostRepaired = hostRepaired
        self.perform = perform
        self.pendingWork = pendingWork
        self.power = power
        self.checkInvariants = checkInvariants
    }
}

extension World {
    /// Every part, in order: the one list a new part is added to.
    public static let parts: [PartDescriptor] = [ServerPart.descriptor, StoragePart.descriptor, NetworkPart.descriptor,
                                                CloudNetworkPart.descriptor]

    /// Every kind of object, in the parts' order.
    public static let kinds: [ObjectKind] = parts.flatMap(\.kinds)

    /// Kinds by name, for reading saved worlds and `show KIND`.
    static let kindCatalogue: [String: ObjectKind] = Dictionary(uniqueKeysWithValues: kinds.map { ($0.name, $0) })
}
