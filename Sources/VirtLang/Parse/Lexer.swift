/// Character classes and literal classification shared by the parser and the
/// argument binder.
enum Lexer {
    @inline(__always) static func isLetter(_ c: UInt8) -> Bool {
        (c >= 97 && c <= 122) || (c >= 65 && c <= 90)
    }
    @inline(__always) static func isDigit(_ c: UInt8) -> Bool { c >= 48 && c <= 57 }
    /// Letters, digits and `_`: the characters of a variable name after the first.
    @inline(__always) static func isNameChar(_ c: UInt8) -> Bool { isLetter(c) || isDigit(c) || c == 95 }
    /// The characters of a command word or option name after the first (`first-fit`).
    @inline(__always) static func isWordChar(_ c: UInt8) -> Bool { isNameChar(c) || c == 45 }
    @inline(__always) static func isSpace(_ c: UInt8) -> Bool { c == 32 || c == 9 || c == 13 }

    /// Bytes that end a bare word.
    @inline(__always) static func endsWord(_ c: UInt8) -> Bool {
        switch c {
        case 32, 9, 13, 10, 59 /* ; */, 123 /* { */, 125 /* } */, 91 /* [ */, 93 /* ] */: return true
        default: return false
        }
    }

    /// The outcome of reading a word as a number with an optional unit.
    enum Numeric {
        case value(Value)
        case unknownUnit(String)
        case notNumeric
        /// A number beyond what the language represents, with the reason.
        case outOfRange(String)
    }

    /// Reads `42`, `-7`, `3.5`, `1e6`, `4G`, `75%`, `100000pages/s`; anything with
    /// other characters (`10.0.0.5/24`, `pm1`) is not numeric.
    static func numeric(_ text: Substring.UTF8View) -> Numeric {
        let b = Array(text)
        var i = 0
        if i < b.count, b[i] == 45 { i += 1 }
        let digitsStart = i
        while i < b.count, isDigit(b[i]) { i += 1 }
        var isDecimal = false
        if i + 1 < b.count, b[i] == 46, isDigit(b[i + 1]) {
            isDecimal = true
            i += 1
            while i < b.count, isDigit(b[i]) { i += 1 }
        }
        guard i > digitsStart else { return .notNumeric }
        if i + 1 < b.count, b[i] == 101 || b[i] == 69 {
            var j = i + 1
            if j < b.count, b[j] == 43 || b[j] == 45 { j += 1 }
            if j < b.count, isDigit(b[j]) {
                while j < b.count, isDigit(b[j]) { j += 1 }
                isDecimal = true
                i = j
            }
        }
        let numberText = String(decoding: b[0..<i], as: UTF8.self)
        let unitText = String(decoding: b[i...], as: UTF8.self)
        if !unitText.isEmpty, !unitText.utf8.allSatisfy({ isLetter($0) || $0 == 37 || $0 == 47 }) { return .notNumeric }
        let number: Value
        if isDecimal {
            guard let d = Double(numberText) else { return .notNumeric }
            number = .number(d)
        } else {
            guard let n = Int(numberText) else {
                return .outOfRange("\(numberText) is beyond the whole numbers (\(Int.min) to \(Int.max)); write it as a decimal, e.g. 1e26")
            }
            number = .int(n)
        }
        if unitText.isEmpty {
            return number.number!.isFinite ? .value(number) : .outOfRange("\(numberText) is too large for a number (the largest is about 1.8e308)")
        }
        return applyUnit(number.number!, unitText)
    }

    private static func applyUnit(_ x: Double, _ symbol: String) -> Numeric {
        if symbol == "%" { return .value(.number(x / 100)) }
        guard let unit = Units.unit(symbol) else { return .unknownUnit(symbol) }
        guard (x * unit.factor).isFinite else { return .outOfRange("\(x)\(symbol) is too large for a quantity") }
        return .value(.quantity(x * unit.factor, unit.dimension))
    }

    /// A piece of a comma list as a value: number, quantity, or text.
    static func literal(_ text: String) -> Value {
        if case .value(let v) = numeric(Substring(text).utf8) { return v }
        return .string(text)
    }
}
