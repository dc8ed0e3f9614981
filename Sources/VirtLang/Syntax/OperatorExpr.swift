/// The binary operators, lowest precedence first in LANGUAGE.md order.
enum BinaryOperator: String {
    case or, and
    case eq = "==", ne = "!=", lt = "<", le = "<=", gt = ">", ge = ">=", `in`
    case range = ".."
    case add = "+", sub = "-"
    case mul = "*", div = "/", mod = "%"

    var isComparison: Bool {
        switch self {
        case .eq, .ne, .lt, .le, .gt, .ge, .in: return true
        default: return false
        }
    }
}

/// `left OP right`, with the arithmetic of Operators.swift.
final class BinaryExpr: Expr {
    let op: BinaryOperator
    let left: Expr
    let right: Expr
    /// The right operand when it is a whole-number literal (`$i % 3`): no call to evaluate it.
    private let rightInt: Int?
    init(_ op: BinaryOperator, _ left: Expr, _ right: Expr, span: SourceSpan) {
        self.op = op
        self.left = left
        self.right = right
        if let literal = right as? LiteralExpr, case .int(let n) = literal.value { rightInt = n } else { rightInt = nil }
        super.init(span: span)
    }

    override func eval(_ i: Interpreter) throws -> Value {
        switch op {
        case .and:
            guard try truth(left.eval(i), left) else { return .bool(false) }
            return .bool(try truth(right.eval(i), right))
        case .or:
            if try truth(left.eval(i), left) { return .bool(true) }
            return .bool(try truth(right.eval(i), right))
        default:
            let l = try left.eval(i)
            let r = try rightInt.map(Value.int) ?? right.eval(i)
            // Fast path for the hot integer case.
            if case .int(let a) = l, case .int(let b) = r {
                switch op {
                case .eq: return .bool(a == b)
                case .ne: return .bool(a != b)
                case .lt: return .bool(a < b)
                case .le: return .bool(a <= b)
                case .gt: return .bool(a > b)
                case .ge: return .bool(a >= b)
                case .add:
                    let (s, o) = a.addingReportingOverflow(b)
                    if !o { return .int(s) }
                case .sub:
                    let (s, o) = a.subtractingReportingOverflow(b)
                    if !o { return .int(s) }
                case .mod where b > 0 && a >= 0:
                    return .int(a % b)
                default: break
                }
            }
            let result = try Operators.apply(op, l, r, span: span, leftSpan: left.span, rightSpan: right.span)
            try i.charge(Interpreter.size(l) &+ Interpreter.size(r), at: span)
            return result
        }
    }

    private func truth(_ v: Value, _ e: Expr) throws -> Bool {
        guard let b = v.isTrue else {
            throw ScriptError(.type, "'\(op.rawValue)' needs bools, got a \(v.kindName)", at: e.span)
        }
        return b
    }
}

/// `-x` and `not x`.
final class UnaryExpr: Expr {
    let isNot: Bool
    let operand: Expr
    init(isNot: Bool, operand: Expr, span: SourceSpan) {
        self.isNot = isNot
        self.operand = operand
        super.init(span: span)
    }

    override func eval(_ i: Interpreter) throws -> Value {
        let v = try operand.eval(i)
        if isNot {
            guard let b = v.isTrue else {
                throw ScriptError(.type, "'not' needs a bool, got a \(v.kindName)", at: operand.span)
            }
            return .bool(!b)
        }
        switch v {
        case .int(let n):
            guard n != Int.min else { throw ScriptError(.value, "integer overflow", at: span) }
            return .int(-n)
        case .double(let d): return .double(-d)
        case .quantity(let q): return .quantity(Quantity(-q.value, q.dimension))
        default: throw ScriptError(.type, "cannot negate a \(v.kindName)", at: operand.span)
        }
    }
}
