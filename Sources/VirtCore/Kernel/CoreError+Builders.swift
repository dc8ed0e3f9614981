/// Ready-made errors shared by every part of the core, so messages read alike.
extension CoreError {
    /// "host 'pm3' does not exist", hinting at the names that do; blamed on `parameter`.
    static func unknown(_ kind: ObjectKind, _ name: String, among existing: [String], at parameter: String) -> CoreError {
        var error = CoreError(.name, "\(kind.noun) '\(name)' does not exist",
                              hint: existing.isEmpty ? "there are no \(kind.plural) yet"
                                                     : "\(kind.plural) are \(listed(existing))",
                              at: parameter)
        error.unknownName = UnknownName(name: name, candidates: existing)
        return error
    }

    /// A value out of range: "cpus must be at least 1, not 0".
    static func value(_ message: String, hint: String? = nil, at parameter: String? = nil) -> CoreError {
        CoreError(.value, message, hint: hint, at: parameter)
    }

    /// A precondition of the simulated world that does not hold.
    static func state(_ message: String, hint: String? = nil, at parameter: String? = nil) -> CoreError {
        CoreError(.state, message, hint: hint, at: parameter)
    }
}

extension World {
    /// Runs `body`, blaming any error it throws on `parameter` (unless it names one already).
    func blaming<T>(_ parameter: String, _ body: () throws(CoreError) -> T) throws(CoreError) -> T {
        do { return try body() } catch { throw error.at(parameter) }
    }
}
