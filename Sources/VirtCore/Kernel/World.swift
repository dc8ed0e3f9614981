import OrderedCollections

/// The whole simulated world: the kernel (virtual clock, random generator,
/// pending events, one namespace, energy) and one value per part (`server`;
/// storage and network as they arrive). A value type whose collections are
/// copy-on-write, so a copy (a lesson checking its goals) costs little and never
/// disturbs the original.
///
/// Every mutating operation validates first and then mutates: when it throws,
/// the world is exactly as it was. Code that spans parts goes through the hooks
/// each part lists in its `PartDescriptor` (`World.parts`), never through one
/// part reaching into another's storage.
public struct World: Equatable, Sendable {
    /// Virtual time in seconds since the last `reset`.
    public internal(set) var clock: Double = 0
    /// The seed the generator was last given (`seed N`; 1 by default).
    public internal(set) var seedValue: UInt64 = 1
    /// The world's one random generator; its state is saved with the world.
    public internal(set) var generator = SeededGenerator(seed: 1)
    /// Energy drawn by all hosts since `reset`, in joules (integrated as the clock advances).
    public internal(set) var energy: Double = 0

    var events = EventQueue()
    var registry = NameRegistry()
    /// Numbers background jobs of every part (migrations, rebuilds, I/O runs).
    var nextJobID = 1

    /// Server virtualization: hosts, hypervisors, VMs, apps, other forms, migrations.
    public internal(set) var server = ServerPart()
    /// Storage virtualization: disks, pools, volumes, rebuilds.
    public internal(set) var storage = StoragePart()
    /// Network virtualization: switches, cables, vSwitches, vNICs, MAC tables, captures.
    public internal(set) var network = NetworkPart()

    /// An empty world at time 0 with the generator seeded with 1.
    public init() {}

    /// Empties the world (objects, clock, pending events, energy) and restores
    /// the generator to the last seed given.
    public mutating func reset() {
        let seed = seedValue
        self = World()
        seedValue = seed
        generator = SeededGenerator(seed: seed)
    }

    /// Reseeds the generator (`seed N`); the seed survives `reset`.
    public mutating func seed(_ value: UInt64) {
        seedValue = value
        generator = SeededGenerator(seed: value)
    }

    /// The kind of the object called `name`, if any: registered, or derived from its owner.
    public func kind(of name: String) -> ObjectKind? {
        if let kind = registry.kind(of: name) { return kind }
        guard let owner = NameRegistry.owner(of: name) else { return nil }
        return derivedChildren(of: owner).first { $0.name == name }?.kind
    }

    /// Names of one kind in creation order (completion, did-you-mean, hints).
    public func names(ofKind kind: ObjectKind) -> [String] {
        guard kind.isDerived, let owner = World.kindCatalogue[kind.ownerName!] else { return registry.names(ofKind: kind) }
        return names(ofKind: owner).flatMap { derivedChildren(of: $0).filter { $0.kind == kind }.map(\.name) }
    }

    /// The object that owns `name` (`pm1` for `pm1.eth0`), or nil for a top-level object.
    public func owner(of name: String) -> String? {
        kind(of: name)?.isOwned == true ? NameRegistry.owner(of: name) : nil
    }

    /// Names owned directly by `owner` (`pm1` owns `pm1.eth0`), in creation order.
    public func children(of owner: String) -> [String] {
        registry.children(of: owner) + derivedChildren(of: owner).map(\.name)
    }

    /// Every top-level object's name, in creation order (owned ones, such as
    /// `pm1.eth0`, are listed by `children(of:)` and `everyName`).
    public var allNames: [String] { registry.kinds.keys.filter { !registry.kinds[$0]!.isOwned } }

    /// Every object's name, owned ones included, each after its owner, in creation order.
    public var everyName: [String] {
        registry.kinds.keys.flatMap { [$0] + derivedChildren(of: $0).map(\.name) }
    }

    /// The sub-objects every part derives from `owner`.
    private func derivedChildren(of owner: String) -> [(name: String, kind: ObjectKind)] {
        World.parts.flatMap { $0.derivedChildren(self, owner) }
    }

    /// How many objects the world holds, owned ones included (the grader caps it).
    public var objectCount: Int { registry.kinds.count }

    /// A new job number for background work.
    mutating func takeJobID() -> Int {
        defer { nextJobID += 1 }
        return nextJobID
    }
}
