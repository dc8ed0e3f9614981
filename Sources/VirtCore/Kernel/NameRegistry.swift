import OrderedCollections

/// The one namespace: every object's name with its kind, in creation order.
struct NameRegistry: Codable, Equatable, Sendable {
    private(set) var kinds: OrderedDictionary<String, ObjectKind> = [:]

    func kind(of name: String) -> ObjectKind? { kinds[name] }

    /// Names of one kind, in creation order.
    func names(ofKind kind: ObjectKind) -> [String] {
        kinds.filter { $0.value == kind }.map(\.key)
    }

    /// Throws unless `name` is well formed and free.
    func checkFree(_ name: String, for kind: ObjectKind) throws(CoreError) {
        try NameRegistry.checkWellFormed(name)
        if let taken = kinds[name] {
            throw CoreError(.state, "the name '\(name)' is already used by a \(taken.noun)",
                            hint: "every object has its own name, whatever its kind; choose another name for the \(kind.noun)")
        }
    }

    mutating func insert(_ name: String, as kind: ObjectKind) { kinds[name] = kind }
    mutating func remove(_ name: String) { kinds.removeValue(forKey: name) }

    /// Names start with a letter and continue with letters, digits, `-` or `_`
    /// (a dot separates a host from its NIC, as in `pm1.eth0`). `all` and `none` are words of the language.
    static func checkWellFormed(_ name: String) throws(CoreError) {
        let ok = name.first.map { $0.isASCII && $0.isLetter } == true
            && name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }
        guard ok else {
            throw CoreError(.value, "'\(name)' is not a valid name",
                            hint: "names start with a letter and use letters, digits, '-' and '_'")
        }
        if name == "all" || name == "none" {
            throw CoreError(.value, "'\(name)' is a reserved word and cannot name an object")
        }
    }
}
