import OrderedCollections

/// The one namespace: every object's name with its kind, in creation order, an
/// index of names per kind, and who owns whom.
///
/// A sub-object has a qualified name, its owner's name, a dot and its own part
/// (`pm1.eth0`, `sw1.3`, `pm1.eth0.vf2`), the way Mininet's interfaces belong to
/// their node: it is created after its owner and goes when its owner goes.
struct NameRegistry: Equatable, Sendable {
    private(set) var kinds: OrderedDictionary<String, ObjectKind> = [:]
    /// Names of each kind, in creation order (derived from `kinds`; not saved). Plain
    /// arrays: appending costs no hashing, and removal (rare) scans one kind.
    private var byKind: [ObjectKind: [String]] = [:]
    /// The names each owner owns directly, in creation order (derived; not saved).
    private var owned: [String: [String]] = [:]

    func kind(of name: String) -> ObjectKind? { kinds[name] }

    /// Names of one kind, in creation order.
    func names(ofKind kind: ObjectKind) -> [String] { byKind[kind] ?? [] }

    /// Names owned directly by `owner`, in creation order.
    func children(of owner: String) -> [String] { owned[owner] ?? [] }

    /// Throws unless `name` is well formed and free, and, for an owned kind, its owner
    /// (everything before the last dot) exists and is of the owning kind.
    func checkFree(_ name: String, for kind: ObjectKind) throws(CoreError) {
        try NameRegistry.checkWellFormed(name, qualified: kind.isOwned)
        if let taken = kinds[name] {
            throw CoreError(.state, "the name '\(name)' is already used by \(taken.aNoun)",
                            hint: "every object has its own name, whatever its kind; choose another name for the \(kind.noun)")
        }
        if let ownerKind = kind.ownerName {
            let owner = NameRegistry.owner(of: name)!
            guard kinds[owner]?.name == ownerKind else {
                throw CoreError(.name, "'\(name)' names \(kind.aNoun) of \(ownerKind) '\(owner)', which does not exist")
            }
        }
    }

    mutating func insert(_ name: String, as kind: ObjectKind) {
        kinds[name] = kind
        byKind[kind, default: []].append(name)
        if kind.isOwned, let owner = NameRegistry.owner(of: name) { owned[owner, default: []].append(name) }
    }

    /// Removes a name and, with it, every name it owns (at any depth).
    mutating func remove(_ name: String) {
        for child in owned.removeValue(forKey: name) ?? [] { remove(child) }
        guard let kind = kinds.removeValue(forKey: name) else { return }
        byKind[kind]?.removeAll { $0 == name }
        if kind.isOwned, let owner = NameRegistry.owner(of: name) { owned[owner]?.removeAll { $0 == name } }
    }

    /// The owner part of a qualified name: `pm1` for `pm1.eth0`; nil without a dot.
    static func owner(of name: String) -> String? {
        name.utf8.lastIndex(of: UInt8(ascii: ".")).map { String(name[..<$0]) }
    }

    /// Each dot-separated part of a name uses letters, digits, `-` and `_`; the first
    /// starts with a letter. Only sub-objects have dots. `all` and `none` are words of the language.
    /// The longest name: a name is printed in every table and message.
    static let maxNameLength = 255

    static func checkWellFormed(_ name: String, qualified: Bool = false) throws(CoreError) {
        guard isWellFormed(name, qualified: qualified) else {
            throw CoreError(.value, "'\(name)' is not a valid name",
                            hint: qualified ? "a sub-object's name is its owner's name, a dot and letters or digits, as pm1.eth0"
                                            : "names start with a letter and use letters, digits, '-' and '_'")
        }
        guard name.utf8.count <= maxNameLength else {
            throw CoreError(.value, "a name is at most \(maxNameLength) characters, not \(name.utf8.count)")
        }
        if name == "all" || name == "none" {
            throw CoreError(.value, "'\(name)' is a reserved word and cannot name an object")
        }
    }
}

extension NameRegistry {
    /// One pass over the bytes (names are checked on every create): ASCII letters,
    /// digits, `-`, `_`; the first a letter; dots only in a qualified name, between
    /// non-empty parts.
    private static func isWellFormed(_ name: String, qualified: Bool) -> Bool {
        var dots = 0, previous: UInt8 = UInt8(ascii: ".")
        for (index, byte) in name.utf8.enumerated() {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"): break
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"):
                if index == 0 { return false }
            case UInt8(ascii: "."):
                if previous == UInt8(ascii: ".") { return false }
                dots += 1
            default: return false
            }
            previous = byte
        }
        return !name.isEmpty && previous != UInt8(ascii: ".") && (qualified ? dots >= 1 : dots == 0)
    }
}

extension NameRegistry: Codable {
    private enum CodingKeys: String, CodingKey { case kinds }

    init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        for (name, kind) in try container.decode(OrderedDictionary<String, ObjectKind>.self, forKey: .kinds) {
            insert(name, as: kind)
        }
    }

    func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(kinds, forKey: .kinds)
    }
}

extension String {
    /// "a host", "an app", "a VM".
    var withArticle: String {
        let vowelSound = first.map { "aeiouAEIO".contains($0) } == true
        return (vowelSound ? "an " : "a ") + self
    }
}
