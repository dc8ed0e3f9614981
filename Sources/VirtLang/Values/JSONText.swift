/// Values as JSON text, for `virtlab run --json`. Quantities are written as
/// their printed text ("4G", "34.36s"); records keep their field order.
public enum JSONText {
    public static func encode(_ value: Value) -> String {
        switch value {
        case .none: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .int(let n): return String(n)
        case .double(let d): return d.isFinite ? NumberFormat.format(d, significant: 15) : "null"
        case .quantity(let q): return quote(q.description)
        case .string(let s): return quote(s)
        case .list(let xs): return "[" + xs.map(encode).joined(separator: ",") + "]"
        case .record(let r): return "{" + r.fields.map { quote($0.name) + ":" + encode($0.value) }.joined(separator: ",") + "}"
        }
    }

    /// A JSON string literal.
    public static func quote(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
