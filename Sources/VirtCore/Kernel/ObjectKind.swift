/// A kind of named object in the world's one namespace (host, VM, disk, switch, …).
/// Kinds are data: each part declares its own (`extension ObjectKind { static let host = … }`)
/// and lists them in its `PartDescriptor`; the kernel knows none by name.
///
/// Two kinds are equal when their names are; a kind is saved as its name and read
/// back through the catalogue of every part's kinds.
public struct ObjectKind: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The word scripts use: `show host`, the kind in `export dot`.
    public let name: String
    /// The singular word in messages ("host 'pm3' does not exist").
    public let noun: String
    /// The plural word in hints ("hosts are pm1, pm2").
    public let plural: String
    /// For a sub-object, the kind of its owner: `pm1.eth0` is a NIC owned by host `pm1`.
    public let ownerName: String?

    /// A kind; `noun` defaults to the name and `plural` to the noun with an "s".
    public init(_ name: String, noun: String? = nil, plural: String? = nil, ownedBy owner: ObjectKind? = nil) {
        self.name = name
        self.noun = noun ?? name
        self.plural = plural ?? (noun ?? name) + "s"
        self.ownerName = owner?.name
    }

    /// The kind called `name`, among every part's kinds.
    public init?(named name: String) {
        guard let kind = World.kindCatalogue[name] else { return nil }
        self = kind
    }

    /// The noun with its article, for messages: "a host", "an app", "a VM".
    public var aNoun: String { noun.withArticle }

    /// True for kinds whose objects are owned by another (qualified names, `pm1.eth0`).
    public var isOwned: Bool { ownerName != nil }

    public var description: String { name }

    public static func == (a: ObjectKind, b: ObjectKind) -> Bool { a.name == b.name }
    public func hash(into hasher: inout Hasher) { hasher.combine(name) }

    public init(from decoder: Decoder) throws {
        let name = try decoder.singleValueContainer().decode(String.self)
        guard let kind = World.kindCatalogue[name] else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "unknown kind '\(name)'"))
        }
        self = kind
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(name)
    }
}
