/// A value of the language: small, an enum with no boxes for numbers.
public enum Value: Sendable {
    case none
    case bool(Bool)
    case int(Int)
    case double(Double)
    case quantity(Quantity)
    case string(String)
    case list([Value])
    case record(Record)

    /// The kind name students see in type errors.
    public var kindName: String {
        switch self {
        case .none: return "none"
        case .bool: return "bool"
        case .int, .double: return "number"
        case .quantity(let q): return q.dimension.name
        case .string: return "string"
        case .list: return "list"
        case .record: return "record"
        }
    }

    /// The numeric value of a plain number.
    public var number: Double? {
        switch self {
        case .int(let i): return Double(i)
        case .double(let d): return d
        default: return nil
        }
    }

    /// A plain number made an int when it is integral and fits.
    public static func number(_ d: Double) -> Value {
        if d == d.rounded(), abs(d) < 9.0e15 { return .int(Int(d)) }
        return .double(d)
    }

    /// A quantity, or a plain number when the dimensions cancel.
    public static func quantity(_ v: Double, _ dim: Dimension) -> Value {
        guard dim.isDimensionless else { return .quantity(Quantity(v, dim)) }
        let whole = v.rounded()
        return .number(abs(v - whole) <= 1e-9 * max(1, abs(v)) ? whole : v)
    }

    /// The value as text: what interpolation inserts and `print` shows.
    public var text: String {
        switch self {
        case .none: return "none"
        case .bool(let b): return b ? "true" : "false"
        case .int(let i): return String(i)
        case .double(let d): return NumberFormat.format(d)
        case .quantity(let q): return q.description
        case .string(let s): return s
        case .list(let xs): return "[" + xs.map(\.text).joined(separator: ", ") + "]"
        case .record(let r): return "{" + r.fields.map { "\($0.name): \($0.value.text)" }.joined(separator: ", ") + "}"
        }
    }

    /// Truthiness for `if`, `while`, `and`, `or`, `not`: only bools qualify.
    public var isTrue: Bool? {
        if case .bool(let b) = self { return b }
        return nil
    }
}

extension Value: Equatable {
    /// Equality by value: `1 == 1.0`; decimals, and quantities of one dimension,
    /// equal within a relative 1e-12, so `(0.1 + 0.2 == 0.3)` holds.
    public static func == (a: Value, b: Value) -> Bool {
        switch (a, b) {
        case (.none, .none): return true
        case (.bool(let x), .bool(let y)): return x == y
        case (.int(let x), .int(let y)): return x == y
        case (.int, .double), (.double, .int), (.double, .double): return approximatelyEqual(a.number!, b.number!)
        case (.quantity(let x), .quantity(let y)):
            return x.dimension == y.dimension && approximatelyEqual(x.value, y.value)
        case (.string(let x), .string(let y)): return x == y
        case (.list(let x), .list(let y)): return x == y
        case (.record(let x), .record(let y)): return x == y
        default: return false
        }
    }

    /// Numbers are doubles: `2 * 30min == 1h` and `0.1 + 0.2 == 0.3` must hold.
    static func approximatelyEqual(_ x: Double, _ y: Double) -> Bool {
        x == y || abs(x - y) <= 1e-12 * max(abs(x), abs(y))
    }
}

/// An ordered set of named fields, e.g. what `vm info` returns.
public struct Record: Equatable, Sendable {
    public private(set) var fields: [(name: String, value: Value)]

    public init(_ fields: [(String, Value)] = []) {
        self.init(named: fields.map { (name: $0.0, value: $0.1) })
    }

    /// A record of fields already named (no copy into a new array).
    public init(named fields: [(name: String, value: Value)]) {
        self.fields = fields
    }

    public subscript(name: String) -> Value? {
        get { fields.first { $0.name == name }?.value }
        set {
            if let i = fields.firstIndex(where: { $0.name == name }) {
                if let newValue { fields[i].value = newValue } else { fields.remove(at: i) }
            } else if let newValue {
                fields.append((name: name, value: newValue))
            }
        }
    }

    public var names: [String] { fields.map(\.name) }

    public static func == (a: Record, b: Record) -> Bool {
        a.fields.count == b.fields.count
            && zip(a.fields, b.fields).allSatisfy { $0.name == $1.name && $0.value == $1.value }
    }
}
