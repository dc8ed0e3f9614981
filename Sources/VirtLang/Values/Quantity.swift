/// A number with a dimension, stored in base units (bit, second, joule, page, op).
public struct Quantity: Hashable, Sendable {
    public var value: Double
    public var dimension: Dimension

    public init(_ value: Double, _ dimension: Dimension) {
        self.value = value
        self.dimension = dimension
    }

    /// Convenience constructors used by the bindings.
    public static func bytes(_ n: Double) -> Quantity { Quantity(n * Units.byteBits, .information) }
    public static func seconds(_ s: Double) -> Quantity { Quantity(s, .time) }
    public static func bitsPerSecond(_ r: Double) -> Quantity { Quantity(r, .bitRate) }
    public static func watts(_ w: Double) -> Quantity { Quantity(w, .power) }
    public static func joules(_ j: Double) -> Quantity { Quantity(j, .energy) }

    /// The quantity in bytes (for sizes).
    public var bytes: Double { value / Units.byteBits }

    /// Printed in the unit that keeps the number readable, with up to 4 significant digits.
    public var description: String {
        guard let units = Units.displayUnits(for: dimension) else {
            return NumberFormat.format(value, significant: 4) + " " + dimension.formula
        }
        var chosen = units.first { $0.factor == 1 } ?? units[0]
        let magnitude = abs(value)
        if magnitude > 0 { chosen = units[0] }
        if dimension == .information, magnitude > 0, magnitude < Units.byteBits {
            chosen = Units.unit("bit")!
        } else {
            for unit in units where magnitude >= unit.factor * 0.99995 { chosen = unit }
        }
        return NumberFormat.format(value / chosen.factor, significant: 4) + chosen.symbol
    }
}
