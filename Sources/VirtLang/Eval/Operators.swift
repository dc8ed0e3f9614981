/// Arithmetic, comparison and membership on values (LANGUAGE.md "Numbers and
/// units", "Expressions").
enum Operators {
    static func apply(_ op: BinaryOperator, _ l: Value, _ r: Value,
                      span: SourceSpan, leftSpan: SourceSpan, rightSpan: SourceSpan) throws -> Value {
        switch op {
        case .eq: return .bool(try equal(l, r, span: span))
        case .ne: return .bool(try !equal(l, r, span: span))
        case .lt, .le, .gt, .ge:
            let c = try compare(l, r, span: span)
            switch op {
            case .lt: return .bool(c < 0)
            case .le: return .bool(c <= 0)
            case .gt: return .bool(c > 0)
            default: return .bool(c >= 0)
            }
        case .in: return .bool(try contains(r, l, span: span))
        case .range: return try range(l, r, span: span)
        case .add, .sub: return try additive(op, l, r, span: span)
        case .mul, .div, .mod: return try multiplicative(op, l, r, span: span, rightSpan: rightSpan)
        case .and, .or: fatalError("handled by LogicalExpr")
        }
    }

    /// `==` by value; different kinds are an error, except `none` and number with number.
    static func equal(_ l: Value, _ r: Value, span: SourceSpan) throws -> Bool {
        switch (l, r) {
        case (.none, _), (_, .none): return l == r
        case (.int, .int), (.int, .double), (.double, .int), (.double, .double),
             (.bool, .bool), (.string, .string), (.list, .list), (.record, .record):
            return l == r
        case (.quantity(let a), .quantity(let b)):
            guard a.dimension == b.dimension else { throw dimensionMismatch("compare", a.dimension, b.dimension, span) }
            return l == r
        default:
            throw kindMismatch(l, r, span: span)
        }
    }

    static func kindMismatch(_ l: Value, _ r: Value, span: SourceSpan) -> ScriptError {
        var hint: String?, advice = ""
        if case .bool = l, case .string(let s) = r { advice = boolAdvice(s) }
        if case .string(let s) = l, case .bool = r { advice = boolAdvice(s) }
        if case .quantity(let q) = l, r.number != nil { hint = "give the number a unit, e.g. \(example(q.dimension))" }
        if case .quantity(let q) = r, l.number != nil { hint = "give the number a unit, e.g. \(example(q.dimension))" }
        let kind: ErrorKind = (l.number != nil || r.number != nil) && (isQuantity(l) || isQuantity(r)) ? .unit : .type
        return ScriptError(kind, "cannot compare \(l.kindName) with \(r.kindName)" + advice, hint: hint, at: span)
    }

    private static func isQuantity(_ v: Value) -> Bool {
        if case .quantity = v { return true }
        return false
    }

    /// `[host info pm1].vt == yes` → "…; use true or false" (LANGUAGE.md's wording).
    private static func boolAdvice(_ s: String) -> String {
        ["yes", "no", "on", "off", "true", "false"].contains(s) ? "; use true or false" : ""
    }

    /// An example literal of a dimension, for hints.
    static func example(_ d: Dimension) -> String {
        switch d {
        case .information: return "4G"
        case .time: return "5ms"
        case .bitRate: return "1Gbps"
        case .frequency: return "2.4GHz"
        case .power: return "200W"
        case .energy: return "1kWh"
        case .pageRate: return "1000pages/s"
        case .opRate: return "1000ops/s"
        default: return "1" + d.formula
        }
    }

    static func dimensionMismatch(_ verb: String, _ a: Dimension, _ b: Dimension, _ span: SourceSpan) -> ScriptError {
        ScriptError(.unit, "cannot \(verb) a \(a.name) and a \(b.name)", at: span)
    }

    /// Ordering for `<` and friends: numbers, equal-dimension quantities, strings.
    static func compare(_ l: Value, _ r: Value, span: SourceSpan) throws -> Int {
        switch (l, r) {
        case (.int(let a), .int(let b)): return a < b ? -1 : (a == b ? 0 : 1)
        case (.string(let a), .string(let b)): return a < b ? -1 : (a == b ? 0 : 1)
        case (.quantity(let a), .quantity(let b)):
            guard a.dimension == b.dimension else { throw dimensionMismatch("compare", a.dimension, b.dimension, span) }
            if l == r { return 0 }
            return a.value < b.value ? -1 : 1
        default:
            guard let a = l.number, let b = r.number else {
                if l.number != nil || r.number != nil, isQuantity(l) || isQuantity(r) { throw kindMismatch(l, r, span: span) }
                throw ScriptError(.type, "cannot order \(l.kindName) and \(r.kindName)", at: span)
            }
            return a < b ? -1 : (a == b ? 0 : 1)
        }
    }

    /// `x in xs`: list membership, substring, or record field name.
    static func contains(_ container: Value, _ item: Value, span: SourceSpan) throws -> Bool {
        switch container {
        case .list(let xs): return xs.contains(item)
        case .string(let s):
            guard case .string(let sub) = item else {
                throw ScriptError(.type, "'in' a string needs a string, got a \(item.kindName)", at: span)
            }
            return sub.isEmpty || s.contains(sub)
        case .record(let r):
            guard case .string(let name) = item else {
                throw ScriptError(.type, "'in' a record needs a field name, got a \(item.kindName)", at: span)
            }
            return r[name] != nil
        default:
            throw ScriptError(.type, "'in' needs a list, string or record on its right, got a \(container.kindName)", at: span)
        }
    }

    /// The largest list a range may build.
    static let maxRangeLength = 1_000_000
    /// The longest text and list a script may build: a limit error beyond, never memory exhaustion.
    static let maxTextBytes = 1 << 24
    static let maxListLength = 1 << 22

    static func range(_ l: Value, _ r: Value, span: SourceSpan) throws -> Value {
        guard case .int(let a) = l, case .int(let b) = r else {
            throw ScriptError(.type, "a range needs whole numbers, got \(l.text) and \(r.text)",
                              hint: "round them first with [round X]", at: span)
        }
        guard !spans(from: a, to: b, atLeast: maxRangeLength + 1) else {
            throw ScriptError(.limit, "the range \(a)..\(b) is too long to build a list", hint: "use it directly in 'for'", at: span)
        }
        return .list(b < a ? [] : (a...b).map { .int($0) })
    }

    /// Whether `a...b` holds at least `count` numbers (no overflow for any Int).
    static func spans(from a: Int, to b: Int, atLeast count: Int) -> Bool {
        guard b >= a else { return false }
        let (d, overflow) = b.subtractingReportingOverflow(a)
        return overflow || d >= count - 1
    }

    static func additive(_ op: BinaryOperator, _ l: Value, _ r: Value, span: SourceSpan) throws -> Value {
        let verb = op == .add ? "add" : "subtract"
        switch (l, r) {
        case (.int(let a), .int(let b)):
            let (s, overflow) = op == .add ? a.addingReportingOverflow(b) : a.subtractingReportingOverflow(b)
            if overflow { throw ScriptError(.value, "integer overflow in \(a) \(op.rawValue) \(b)", at: span) }
            return .int(s)
        case (.quantity(let a), .quantity(let b)):
            guard a.dimension == b.dimension else { throw dimensionMismatch(verb, a.dimension, b.dimension, span) }
            return .quantity(try finite(op == .add ? a.value + b.value : a.value - b.value, span), a.dimension)
        case (.string(let a), .string(let b)) where op == .add:
            try checkText(a.utf8.count + b.utf8.count, span: span)
            return .string(a + b)
        case (.list(let a), .list(let b)) where op == .add:
            guard a.count + b.count <= maxListLength else {
                throw ScriptError(.limit, "a list longer than \(maxListLength) items", at: span)
            }
            return .list(a + b)
        default:
            if let a = l.number, let b = r.number { return .number(try finite(op == .add ? a + b : a - b, span)) }
            if isQuantity(l) || isQuantity(r), l.number != nil || r.number != nil {
                let q = isQuantity(l) ? l : r
                throw ScriptError(.unit, "cannot \(verb) a \(l.kindName) and a \(r.kindName)",
                                  hint: "give the number a unit, e.g. \(example(dimensionOf(q)))", at: span)
            }
            var hint = (l.kindName == "string" || r.kindName == "string") ? "join text with interpolation: \"...${$x}\"" : nil
            if op == .add, case .list = l, r.kindName != "list" {
                hint = "to add an item to a list, add a list holding it: ... + [list \(r.text)]"
            }
            throw ScriptError(.type, "cannot \(verb) a \(l.kindName) and a \(r.kindName)", hint: hint, at: span)
        }
    }

    /// LANGUAGE.md: no infinite or undefined number enters a result.
    static func finite(_ x: Double, _ span: SourceSpan) throws -> Double {
        guard x.isFinite else {
            throw ScriptError(.value, x.isNaN ? "the result is not a number" : "the result is too large for a number (beyond about 1.8e308)", at: span)
        }
        return x
    }

    static func checkText(_ bytes: Int, span: SourceSpan) throws {
        guard bytes <= maxTextBytes else { throw ScriptError(.limit, "a text longer than 16 MiB", at: span) }
    }

    private static func dimensionOf(_ v: Value) -> Dimension {
        if case .quantity(let q) = v { return q.dimension }
        return .none
    }

    static func multiplicative(_ op: BinaryOperator, _ l: Value, _ r: Value,
                               span: SourceSpan, rightSpan: SourceSpan) throws -> Value {
        let (a, da) = try numeric(l, op, span)
        let (b, db) = try numeric(r, op, span)
        switch op {
        case .mul:
            if case .int(let x) = l, case .int(let y) = r {
                let (p, overflow) = x.multipliedReportingOverflow(by: y)
                if overflow { throw ScriptError(.value, "integer overflow in \(x) * \(y)", at: span) }
                return .int(p)
            }
            return .quantity(try finite(a * b, span), da * db)
        case .div:
            guard b != 0 else { throw ScriptError(.value, "division by zero", at: rightSpan) }
            if case .int(let x) = l, case .int(let y) = r {
                if x == Int.min && y == -1 { throw ScriptError(.value, "integer overflow in \(x) / \(y)", at: span) }
                if x % y == 0 { return .int(x / y) }
            }
            return .quantity(try finite(a / b, span), da / db)
        default:
            guard da == db || db.isDimensionless else { throw dimensionMismatch("take the remainder of", da, db, span) }
            guard b != 0 else { throw ScriptError(.value, "division by zero", at: rightSpan) }
            if case .int(let x) = l, case .int(let y) = r {
                guard y != -1 else { return .int(0) }
                let m = x % y
                return .int(m != 0 && (m < 0) != (y < 0) ? m + y : m)
            }
            var m = a.truncatingRemainder(dividingBy: b)
            if m != 0 && (m < 0) != (b < 0) { m += b }
            return .quantity(try finite(m, span), da)
        }
    }

    private static func numeric(_ v: Value, _ op: BinaryOperator, _ span: SourceSpan) throws -> (Double, Dimension) {
        switch v {
        case .int(let n): return (Double(n), .none)
        case .double(let d): return (d, .none)
        case .quantity(let q): return (q.value, q.dimension)
        default:
            throw ScriptError(.type, "'\(op.rawValue)' needs numbers or quantities, got a \(v.kindName)", at: span)
        }
    }
}
