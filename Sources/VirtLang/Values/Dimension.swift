/// The physical dimension of a quantity: integer exponents of the base units
/// bit (information), second (time), joule (energy), page and op (counts).
///
/// Bytes and bits are one dimension (1 B = 8 bit), so information over time is a
/// bit rate; frequency is 1/s, power is J/s.
public struct Dimension: Hashable, Sendable {
    public var bit: Int8
    public var second: Int8
    public var joule: Int8
    public var page: Int8
    public var op: Int8

    public init(bit: Int8 = 0, second: Int8 = 0, joule: Int8 = 0, page: Int8 = 0, op: Int8 = 0) {
        self.bit = bit; self.second = second; self.joule = joule; self.page = page; self.op = op
    }

    public static let none = Dimension()
    public static let information = Dimension(bit: 1)
    public static let time = Dimension(second: 1)
    public static let bitRate = Dimension(bit: 1, second: -1)
    public static let frequency = Dimension(second: -1)
    public static let energy = Dimension(joule: 1)
    public static let power = Dimension(second: -1, joule: 1)
    public static let pages = Dimension(page: 1)
    public static let pageRate = Dimension(second: -1, page: 1)
    public static let ops = Dimension(op: 1)
    public static let opRate = Dimension(second: -1, op: 1)

    public var isDimensionless: Bool { self == .none }

    static func * (a: Dimension, b: Dimension) -> Dimension {
        Dimension(bit: a.bit + b.bit, second: a.second + b.second, joule: a.joule + b.joule,
                  page: a.page + b.page, op: a.op + b.op)
    }

    static func / (a: Dimension, b: Dimension) -> Dimension {
        Dimension(bit: a.bit - b.bit, second: a.second - b.second, joule: a.joule - b.joule,
                  page: a.page - b.page, op: a.op - b.op)
    }

    /// The name students read in errors: "size", "time", "bit rate", or a unit formula.
    public var name: String {
        switch self {
        case .none: return "number"
        case .information: return "size"
        case .time: return "time"
        case .bitRate: return "bit rate"
        case .frequency: return "frequency"
        case .energy: return "energy"
        case .power: return "power"
        case .pages: return "page count"
        case .pageRate: return "page rate"
        case .ops: return "op count"
        case .opRate: return "op rate"
        default: return "quantity in \(formula)"
        }
    }

    /// The dimension as a product of base units, e.g. `bit*s`, `J/s^2`.
    public var formula: String {
        let parts: [(String, Int8)] = [("bit", bit), ("s", second), ("J", joule), ("pages", page), ("ops", op)]
        let up = parts.filter { $0.1 > 0 }.map { $0.1 == 1 ? $0.0 : "\($0.0)^\($0.1)" }
        let down = parts.filter { $0.1 < 0 }.map { $0.1 == -1 ? $0.0 : "\($0.0)^\(-$0.1)" }
        let top = up.isEmpty ? "1" : up.joined(separator: "*")
        return down.isEmpty ? top : top + "/" + down.joined(separator: "/")
    }
}
