/// An expression node. Nodes are classes evaluated by the tree-walking
/// interpreter; every node keeps its source span for diagnostics.
public class Expr {
    public let span: SourceSpan
    init(span: SourceSpan) { self.span = span }
    func eval(_ i: Interpreter) throws -> Value { fatalError("abstract") }

    /// The value as the condition of an `if` or `while`: only a bool qualifies.
    func evalCondition(_ i: Interpreter) throws -> Bool { try asCondition(eval(i)) }

    /// This expression's value `v` as a condition.
    final func asCondition(_ v: Value) throws -> Bool {
        guard let b = v.isTrue else {
            throw ScriptError(.type, "a condition must be true or false, got a \(v.kindName) ('\(v.text)')", at: span)
        }
        return b
    }
}

/// A constant: a number, a quantity, a string without interpolation, a bare word.
final class LiteralExpr: Expr {
    let value: Value
    /// Whether it was a bare word (a flag: the word is the value, kept once).
    private let isBareWord: Bool
    /// The word as typed, when it was a bare word (command names, options).
    var bareWord: String? {
        if isBareWord, case .string(let word) = value { return word }
        return nil
    }
    /// A bare word's `value` is `.string(bareWord)`.
    init(_ value: Value, bareWord: String? = nil, span: SourceSpan) {
        self.value = value
        isBareWord = bareWord != nil
        super.init(span: span)
    }
    override func eval(_ i: Interpreter) throws -> Value { value }
}

/// `$name`: a local slot inside a proc, else a global looked up by name once
/// and then by cached index.
final class VariableExpr: Expr {
    let name: String
    /// The local slot, or -1 for a global.
    var slot = -1
    private var globalIndex = -1

    init(name: String, span: SourceSpan) {
        self.name = name
        super.init(span: span)
    }

    override func eval(_ i: Interpreter) throws -> Value {
        if slot >= 0 { return i.local(slot) }
        if globalIndex >= 0, let v = i.globals.value(at: globalIndex, named: name) { return v }
        guard let index = i.globals.index(of: name), let v = i.globals.value(at: index, named: name) else {
            throw i.unknownVariable(name, span: span)
        }
        globalIndex = index
        return v
    }
}

/// `base.field`: a record's field; on any other value the text `base.field`.
final class FieldExpr: Expr {
    let base: Expr
    let field: String
    init(base: Expr, field: String, span: SourceSpan) {
        self.base = base
        self.field = field
        super.init(span: span)
    }
    override func eval(_ i: Interpreter) throws -> Value {
        let v = try base.eval(i)
        guard case .record(let r) = v else { return .string(v.text + "." + field) }
        return try Self.field(field, of: r, span: span)
    }

    /// A record's field, or an error that lists the fields it has.
    static func field(_ name: String, of record: Record, span: SourceSpan) throws -> Value {
        guard let value = record[name] else {
            throw ScriptError(.name, "the record has no field '\(name)'",
                              hint: (Suggest.hint(for: name, among: record.names).map { $0 + " " } ?? "")
                                + "fields are " + record.names.joined(separator: ", "), at: span)
        }
        return value
    }
}

/// `base[index]`: a list element (negative counts from the end), a record field, a character.
final class IndexExpr: Expr {
    let base: Expr
    let index: Expr
    init(base: Expr, index: Expr, span: SourceSpan) {
        self.base = base
        self.index = index
        super.init(span: span)
    }
    override func eval(_ i: Interpreter) throws -> Value {
        let container = try base.eval(i), key = try index.eval(i)
        switch (container, key) {
        case (.list(let xs), .int(let n)):
            let k = n < 0 ? xs.count + n : n
            guard k >= 0, k < xs.count else {
                throw ScriptError(.value, "index \(n) is out of range for a list of \(xs.count)", at: index.span)
            }
            return xs[k]
        case (.string(let s), .int(let n)):
            let chars = Array(s)
            let k = n < 0 ? chars.count + n : n
            guard k >= 0, k < chars.count else {
                throw ScriptError(.value, "index \(n) is out of range for a string of \(chars.count)", at: index.span)
            }
            return .string(String(chars[k]))
        case (.record(let r), .string(let name)):
            return try FieldExpr.field(name, of: r, span: span)
        default:
            throw ScriptError(.type, "cannot index a \(container.kindName) with a \(key.kindName)", at: span)
        }
    }
}

/// Text with `$name`, `${name}` and `${EXPR}` inserted.
final class InterpolationExpr: Expr {
    enum Part { case text(String), value(Expr) }
    let parts: [Part]
    init(parts: [Part], span: SourceSpan) {
        self.parts = parts
        super.init(span: span)
    }
    override func eval(_ i: Interpreter) throws -> Value {
        var out = ""
        for part in parts {
            switch part {
            case .text(let t): out += t
            case .value(let e): out += try e.eval(i).text
            }
            try Operators.checkText(out.utf8.count, span: span)
        }
        return .string(out)
    }
}

/// `[command]`: the value of the last statement inside.
final class SubstitutionExpr: Expr {
    let body: Block
    init(body: [Stmt], span: SourceSpan) {
        self.body = Block(body)
        super.init(span: span)
    }
    /// The statements run without counting steps: the statement around the
    /// substitution counts one.
    override func eval(_ i: Interpreter) throws -> Value { try body.exec(i, countsSteps: false) }
}
