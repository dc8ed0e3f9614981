#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Fixed, documented number formatting: decimals with up to 6 significant
/// digits, quantities with up to 4, trailing zeros dropped, no exponent for
/// ordinary magnitudes. Same bytes on every machine.
public enum NumberFormat {
    /// Formats `x` with at most `significant` significant digits.
    public static func format(_ x: Double, significant: Int = 6) -> String {
        if x.isNaN { return "nan" }
        if x.isInfinite { return x < 0 ? "-inf" : "inf" }
        if x == 0 { return "0" }
        let magnitude = abs(x)
        // A whole number of at most `significant` digits prints as itself, as %g would print it.
        if magnitude < pow10(significant), x == x.rounded() { return String(Int64(x)) }
        if magnitude >= 1e15 || magnitude < 1e-6 { return cFormat(x, "%.\(significant)g") }
        var digitsBeforePoint = 0
        var m = magnitude
        while m >= 1 { m /= 10; digitsBeforePoint += 1 }
        if digitsBeforePoint >= significant {
            let scale = pow10(digitsBeforePoint - significant)
            let rounded = (x / scale).rounded() * scale
            return String(Int64(rounded))
        }
        let text = cFormat(x, "%.\(significant)g")
        return text.contains("e") ? cFormat(x, "%.\(max(0, significant - digitsBeforePoint))f").trimmingZeros : text
    }

    /// A whole number with thousands separators: `10,000,000`.
    public static func grouped(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(digit)
        }
        return n < 0 ? "-" + out : out
    }

    private static func pow10(_ n: Int) -> Double {
        var r = 1.0
        for _ in 0..<n { r *= 10 }
        return r
    }

    private static func cFormat(_ x: Double, _ format: String) -> String {
        var buffer = [CChar](repeating: 0, count: 64)
        _ = withVaList([x]) { args in
            buffer.withUnsafeMutableBufferPointer { vsnprintf($0.baseAddress, 64, format, args) }
        }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}

extension String {
    /// "1.500" → "1.5", "2.000" → "2".
    var trimmingZeros: String {
        guard contains(".") else { return self }
        var s = Substring(self)
        while s.hasSuffix("0") { s = s.dropLast() }
        if s.hasSuffix(".") { s = s.dropLast() }
        return String(s)
    }
}
