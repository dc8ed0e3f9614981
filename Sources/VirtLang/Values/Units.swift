/// The units of LANGUAGE.md "Numbers and units": each maps to a dimension and a
/// factor to the base unit (bit, second, joule, page, op).
public struct Unit: Sendable {
    public let symbol: String
    public let dimension: Dimension
    public let factor: Double
}

/// The unit table: what can follow a number, and how quantities print.
public enum Units {
    static let byteBits = 8.0
    static let kibi = 1024.0

    /// Every accepted unit symbol.
    public static let all: [Unit] = {
        let b = byteBits
        var units: [Unit] = [
            Unit(symbol: "B", dimension: .information, factor: b),
            Unit(symbol: "K", dimension: .information, factor: b * kibi),
            Unit(symbol: "M", dimension: .information, factor: b * kibi * kibi),
            Unit(symbol: "G", dimension: .information, factor: b * kibi * kibi * kibi),
            Unit(symbol: "T", dimension: .information, factor: b * kibi * kibi * kibi * kibi),
            Unit(symbol: "bit", dimension: .information, factor: 1),
            Unit(symbol: "bps", dimension: .bitRate, factor: 1),
            Unit(symbol: "Kbps", dimension: .bitRate, factor: 1e3),
            Unit(symbol: "Mbps", dimension: .bitRate, factor: 1e6),
            Unit(symbol: "Gbps", dimension: .bitRate, factor: 1e9),
            Unit(symbol: "ns", dimension: .time, factor: 1e-9),
            Unit(symbol: "us", dimension: .time, factor: 1e-6),
            Unit(symbol: "ms", dimension: .time, factor: 1e-3),
            Unit(symbol: "s", dimension: .time, factor: 1),
            Unit(symbol: "min", dimension: .time, factor: 60),
            Unit(symbol: "h", dimension: .time, factor: 3600),
            Unit(symbol: "Hz", dimension: .frequency, factor: 1),
            Unit(symbol: "kHz", dimension: .frequency, factor: 1e3),
            Unit(symbol: "MHz", dimension: .frequency, factor: 1e6),
            Unit(symbol: "GHz", dimension: .frequency, factor: 1e9),
            Unit(symbol: "W", dimension: .power, factor: 1),
            Unit(symbol: "kW", dimension: .power, factor: 1e3),
            Unit(symbol: "J", dimension: .energy, factor: 1),
            Unit(symbol: "Wh", dimension: .energy, factor: 3600),
            Unit(symbol: "kWh", dimension: .energy, factor: 3.6e6),
            Unit(symbol: "pages/s", dimension: .pageRate, factor: 1),
            Unit(symbol: "pages", dimension: .pages, factor: 1),
            Unit(symbol: "ops/s", dimension: .opRate, factor: 1),
            Unit(symbol: "ops", dimension: .ops, factor: 1),
        ]
        for (alias, base) in [("KiB", "K"), ("MiB", "M"), ("GiB", "G"), ("TiB", "T")] {
            let u = units.first { $0.symbol == base }!
            units.append(Unit(symbol: alias, dimension: u.dimension, factor: u.factor))
        }
        return units
    }()

    private static let bySymbol: [String: Unit] = Dictionary(uniqueKeysWithValues: all.map { ($0.symbol, $0) })

    /// The unit with this exact symbol (units are case-sensitive: `1m` is not a minute).
    public static func unit(_ symbol: String) -> Unit? { bySymbol[symbol] }

    /// A hint for a symbol that is not a unit: decimal byte names, bits, or the nearest symbol.
    public static func hint(forUnknown symbol: String) -> String {
        switch symbol {
        case "KB", "MB", "GB", "TB":
            return "sizes are binary in VirtLab: use \(symbol.prefix(1)) or \(symbol.prefix(1))iB"
        case "Kb", "Mb", "Gb", "kb", "mb", "gb":
            return "for a bit rate use \(symbol.prefix(1).uppercased())bps; for a size use \(symbol.prefix(1).uppercased())"
        case "m": return "use min for minutes or M for mebibytes"
        case "sec": return "use s for seconds"
        default:
            let near = Suggest.closest(to: symbol, among: all.map(\.symbol))
            return near.map { "did you mean '\($0)'?" } ?? "units are " + all.map(\.symbol).joined(separator: ", ")
        }
    }

    /// The units a quantity of each dimension prints in, smallest first.
    static func displayUnits(for dimension: Dimension) -> [Unit]? {
        let symbols: [String]
        switch dimension {
        case .information: symbols = ["B", "K", "M", "G", "T"]
        case .time: symbols = ["ns", "us", "ms", "s", "min", "h"]
        case .bitRate: symbols = ["bps", "Kbps", "Mbps", "Gbps"]
        case .frequency: symbols = ["Hz", "kHz", "MHz", "GHz"]
        case .power: symbols = ["W", "kW"]
        case .energy: symbols = ["J", "Wh", "kWh"]
        case .pages: symbols = ["pages"]
        case .pageRate: symbols = ["pages/s"]
        case .ops: symbols = ["ops"]
        case .opRate: symbols = ["ops/s"]
        default: return nil
        }
        return symbols.map { unit($0)! }
    }
}
