import Foundation

/// `save FILE` / `load FILE`: the whole world as JSON, with a format marker and
/// a version. Version 2 keeps the kernel's fields at the top of `world` and each
/// part under its own name; version 1 (before parts) is still read. Every file
/// is checked against the world's invariants before it is accepted.
extension World {
    /// The format marker written at the top of every saved world.
    public static let fileFormat = "virtlab-world"
    /// The version `save` writes.
    public static let fileVersion = 2
    /// The versions `load` reads.
    public static let readableVersions = 1...2

    fileprivate struct Envelope<Body> {
        var format: String
        var version: Int
        var world: Body
    }

    private struct Header: Decodable {
        var format: String?
        var version: Int?
    }

    /// The world as deterministic JSON (sorted keys, creation order kept in arrays).
    public func savedJSON() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        // Encoding plain structs of finite numbers cannot fail.
        let data = try! encoder.encode(Envelope(format: World.fileFormat, version: World.fileVersion, world: self))
        return String(decoding: data, as: UTF8.self)
    }

    /// Reads a world written by `savedJSON()` (this version or an earlier one) and
    /// checks every invariant; anything else is an `io` error naming what is wrong.
    public static func load(json: String) throws(CoreError) -> World {
        let data = Data(json.utf8)
        let decoder = JSONDecoder()
        guard let header = try? decoder.decode(Header.self, from: data) else {
            throw CoreError(.io, "this is not a saved VirtLab world: it is not valid JSON",
                            hint: "load reads files written by save")
        }
        guard header.format == fileFormat else {
            throw CoreError(.io, "this is not a saved VirtLab world: it has no \"format\": \"\(fileFormat)\" marker",
                            hint: "load reads files written by save")
        }
        guard let version = header.version, readableVersions.contains(version) else {
            throw CoreError(.io, "this world was saved in format version \(header.version.map(String.init) ?? "?"), and this VirtLab reads versions \(readableVersions.lowerBound) to \(readableVersions.upperBound)")
        }
        let world: World
        do {
            world = version == 1 ? try decoder.decode(Envelope<WorldV1>.self, from: data).world.upgraded()
                                 : try decoder.decode(Envelope<World>.self, from: data).world
        } catch {
            throw CoreError(.io, "the saved world is damaged: \(describe(error))",
                            hint: "load reads files written by save, unmodified")
        }
        try world.checkInvariants()
        return world
    }

    private static func describe(_ error: Error) -> String {
        guard let error = error as? DecodingError else { return "unreadable" }
        func path(_ context: DecodingError.Context) -> String {
            let path = context.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
            return path.isEmpty ? "" : " at \(path)"
        }
        switch error {
        case .keyNotFound(let key, let context): return "missing field '\(key.stringValue)'\(path(context))"
        case .dataCorrupted(let context) where !context.debugDescription.isEmpty && context.debugDescription.hasPrefix("unknown"):
            return context.debugDescription + path(context)
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            return "unexpected value\(path(context))"
        @unknown default: return "unreadable"
        }
    }
}

extension World.Envelope: Encodable where Body: Encodable {}
extension World.Envelope: Decodable where Body: Decodable {}

/// Version 2: the kernel's fields, then one key per part (a missing part reads as empty).
extension World: Codable {
    private enum CodingKeys: String, CodingKey {
        case clock, seedValue, generator, energy, events, registry, nextJobID, server, storage, network, cloudNetwork
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        clock = try c.decode(Double.self, forKey: .clock)
        seedValue = try c.decode(UInt64.self, forKey: .seedValue)
        generator = try c.decode(SeededGenerator.self, forKey: .generator)
        energy = try c.decode(Double.self, forKey: .energy)
        events = try c.decode(EventQueue.self, forKey: .events)
        registry = try c.decode(NameRegistry.self, forKey: .registry)
        nextJobID = try c.decode(Int.self, forKey: .nextJobID)
        server = try c.decodeIfPresent(ServerPart.self, forKey: .server) ?? ServerPart()
        storage = try c.decodeIfPresent(StoragePart.self, forKey: .storage) ?? StoragePart()
        network = try c.decodeIfPresent(NetworkPart.self, forKey: .network) ?? NetworkPart()
        cloudNetwork = try c.decodeIfPresent(CloudNetworkPart.self, forKey: .cloudNetwork) ?? CloudNetworkPart()
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(clock, forKey: .clock)
        try c.encode(seedValue, forKey: .seedValue)
        try c.encode(generator, forKey: .generator)
        try c.encode(energy, forKey: .energy)
        try c.encode(events, forKey: .events)
        try c.encode(registry, forKey: .registry)
        try c.encode(nextJobID, forKey: .nextJobID)
        try c.encode(server, forKey: .server)
        try c.encode(storage, forKey: .storage)
        try c.encode(network, forKey: .network)
        try c.encode(cloudNetwork, forKey: .cloudNetwork)
    }
}

/// Version 1, as `save` wrote it before the world had parts: the server's objects
/// at the top of `world`, events as an enum of server actions.
private struct WorldV1: Decodable {
    var clock: Double
    var seedValue: UInt64
    var generator: SeededGenerator
    var energy: Double
    var events: EventsV1
    var registry: NameRegistry
    var nextJobID: Int
    var server: ServerPart

    struct EventsV1: Decodable {
        struct Event: Decodable {
            var time: Double
            var sequence: Int
            var action: [String: [String: Int]]
        }
        var events: [Event]
        var nextSequence: Int
    }

    private enum CodingKeys: String, CodingKey { case clock, seedValue, generator, energy, events, registry, nextJobID }

    init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        clock = try c.decode(Double.self, forKey: .clock)
        seedValue = try c.decode(UInt64.self, forKey: .seedValue)
        generator = try c.decode(SeededGenerator.self, forKey: .generator)
        energy = try c.decode(Double.self, forKey: .energy)
        events = try c.decode(EventsV1.self, forKey: .events)
        registry = try c.decode(NameRegistry.self, forKey: .registry)
        nextJobID = try c.decode(Int.self, forKey: .nextJobID)
        server = try ServerPart(from: decoder)
    }

    /// The same world in today's shape: events tagged with their part.
    func upgraded() throws -> World {
        var world = World()
        world.clock = clock
        world.seedValue = seedValue
        world.generator = generator
        world.energy = energy
        world.nextJobID = nextJobID
        world.server = server
        let scheduled = try events.events.map { event -> ScheduledEvent in
            guard event.action.count == 1, let job = event.action["finishMigration"]?["job"] else {
                throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "unknown event \(event.action.keys.sorted())"))
            }
            return ScheduledEvent(time: event.time, sequence: event.sequence,
                                  action: EventAction(part: "server", name: ServerPart.finishMigrationEvent, job: job))
        }
        world.events = EventQueue(events: scheduled, nextSequence: events.nextSequence)
        world.registry = registry
        return world
    }
}
