import OrderedCollections

/// The whole simulated world: objects, virtual clock, random generator and
/// pending events. A value type whose collections are copy-on-write, so a copy
/// (a lesson checking its goals) costs little and never disturbs the original.
///
/// Every mutating operation validates first and then mutates: when it throws,
/// the world is exactly as it was.
public struct World: Codable, Equatable, Sendable {
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
    var hosts: OrderedDictionary<String, Host> = [:]
    var vms: OrderedDictionary<String, VM> = [:]
    var apps: OrderedDictionary<String, App> = [:]
    var forms: OrderedDictionary<String, Form> = [:]
    var migrations: OrderedDictionary<Int, MigrationJob> = [:]
    var nextJobID = 1

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

    /// The kind of the object called `name`, if any.
    public func kind(of name: String) -> ObjectKind? { registry.kind(of: name) }

    /// Names of one kind in creation order (completion, did-you-mean, hints).
    public func names(ofKind kind: ObjectKind) -> [String] {
        switch kind {
        case .host: Array(hosts.keys)
        case .vm: Array(vms.keys)
        case .app: Array(apps.keys)
        default: registry.names(ofKind: kind)
        }
    }

    /// Every object's name, in creation order.
    public var allNames: [String] { Array(registry.kinds.keys) }
}
