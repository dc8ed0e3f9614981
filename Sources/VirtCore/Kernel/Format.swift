/// Text helpers every part uses in its messages, and the checks of common values.

/// Joins names for a hint, eliding a long tail: "pm1, pm2, pm3, … (20000 in all)".
func listed(_ names: [String], limit: Int = 8) -> String {
    if names.count <= limit { return names.joined(separator: ", ") }
    return names.prefix(limit).joined(separator: ", ") + ", … (\(names.count) in all)"
}

/// A number for messages, without a trailing ".0".
func fmt(_ value: Double) -> String {
    value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
}

/// Bytes for messages: "8 GiB", "512 MiB", "100 B".
func formatBytes(_ bytes: Int64) -> String {
    let units = ["B", "KiB", "MiB", "GiB", "TiB", "PiB"]
    var value = Double(bytes), unit = 0
    while abs(value) >= 1024, unit < units.count - 1 { value /= 1024; unit += 1 }
    let rounded = (value * 10).rounded() / 10
    let text = rounded == rounded.rounded() ? String(Int64(rounded)) : String(rounded)
    return "\(text) \(units[unit])"
}

/// Checks a dotted-quad IPv4 address given as `parameter`.
func checkIPv4(_ text: String, at parameter: String) throws(CoreError) {
    let parts = text.split(separator: ".", omittingEmptySubsequences: false)
    guard parts.count == 4, parts.allSatisfy({ $0.count <= 3 && UInt8($0) != nil }) else {
        throw .value("'\(text)' is not an IPv4 address", hint: "write four numbers 0–255 separated by dots, as 10.0.0.1", at: parameter)
    }
}
