/// Ready-made errors shared by every part of the core, so messages read alike.
extension CoreError {
    /// "host 'pm3' does not exist", hinting at the names that do.
    static func unknown(_ kind: ObjectKind, _ name: String, among existing: [String]) -> CoreError {
        var error = CoreError(.name, "\(kind.noun) '\(name)' does not exist",
                              hint: existing.isEmpty ? "there are no \(kind.plural) yet"
                                                     : "\(kind.plural) are \(listed(existing))")
        error.unknownName = UnknownName(name: name, candidates: existing)
        return error
    }

    /// A value out of range: "cpus must be at least 1, not 0".
    static func value(_ message: String, hint: String? = nil) -> CoreError {
        CoreError(.value, message, hint: hint)
    }

    /// A precondition of the simulated world that does not hold.
    static func state(_ message: String, hint: String? = nil) -> CoreError {
        CoreError(.state, message, hint: hint)
    }
}

/// Joins names for a hint, eliding a long tail: "pm1, pm2, pm3, … (20000 in all)".
func listed(_ names: [String], limit: Int = 8) -> String {
    if names.count <= limit { return names.joined(separator: ", ") }
    return names.prefix(limit).joined(separator: ", ") + ", … (\(names.count) in all)"
}
