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

/// A quantity for messages in the unit a user would type (`-1s`, `-1Gbps`, `250ms`),
/// never raw SI: the largest unit of `units` (largest first) that the value reaches.
func fmtQuantity(_ value: Double, _ units: [(symbol: String, factor: Double)]) -> String {
    guard value.isFinite, value != 0 else { return fmt(value) + units.first { $0.factor == 1 }!.symbol }
    let unit = units.first { abs(value) >= $0.factor } ?? units.last!
    let scaled = value / unit.factor
    let rounded = abs(scaled) >= 1000 ? scaled.rounded() : abs(scaled) >= 1 ? (scaled * 1000).rounded() / 1000 : scaled
    return fmt(rounded) + unit.symbol
}

/// Seconds as `-1s`, `5ms`, `2h`.
func fmtSeconds(_ seconds: Double) -> String {
    fmtQuantity(seconds, [("h", 3600), ("min", 60), ("s", 1), ("ms", 1e-3), ("us", 1e-6), ("ns", 1e-9)])
}

/// Bits per second as `-1Gbps`, `100Mbps`.
func fmtBitRate(_ bps: Double) -> String {
    fmtQuantity(bps, [("Gbps", 1e9), ("Mbps", 1e6), ("Kbps", 1e3), ("bps", 1)])
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

/// A free-text label (`rack=`, `site=`): printable, one line, at most 255 characters,
/// so that `show` and every table print it as typed.
func checkLabel(_ text: String?, at parameter: String) throws(CoreError) {
    guard let text else { return }
    guard isPrintableLabel(text) else {
        throw .value("\(parameter) must be printable text on one line, at most 255 characters (no control characters)", at: parameter)
    }
}

/// Whether a label is printable, one line, and at most 255 characters.
func isPrintableLabel(_ text: String) -> Bool {
    text.count <= 255 && !text.unicodeScalars.contains { $0.properties.generalCategory == .control || $0 == "\u{2028}" || $0 == "\u{2029}" }
}
