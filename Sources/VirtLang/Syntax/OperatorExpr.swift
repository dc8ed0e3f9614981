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

/// `left OP right`, with the arithmetic of Operators.swift (`and` and `or` are `LogicalExpr`).
final class BinaryExpr: Expr {
    let op: BinaryOperator
    let left: Expr
    let right: Expr
    /// The right operand when it is a whole-number literal (`$i % 3`): no call to evaluate it.
    private let rightInt: Int?
    /// The left operand when it is a variable (`$i % 3`): a local is read without a call.
    private let leftVariable: VariableExpr?
    init(_ op: BinaryOperator, _ left: Expr, _ right: Expr, span: SourceSpan) {
        self.op = op
        self.left = left
        self.right = right
        if let literal = right as? LiteralExpr, case .int(let n) = literal.value { rightInt = n } else { rightInt = nil }
        leftVariable = left as? VariableExpr
        super.init(span: span)
    }

    override func eval(_ i: Interpreter) throws -> Value {
        if let (a, b) = localIntOperands(i), let v = Self.integers(op, a, b) { return v }
        let (l, r) = try operands(i)
        if case .int(let a) = l, case .int(let b) = r, let v = Self.integers(op, a, b) { return v }
        return try general(l, r, i)
    }

    /// A comparison of whole numbers as a condition gives its answer without making a value.
    override func evalCondition(_ i: Interpreter) throws -> Bool {
        guard isIntegerComparison else { return try super.evalCondition(i) }
        if let (a, b) = localIntOperands(i) { return Self.compare(op, a, b) }
        let (l, r) = try operands(i)
        if case .int(let a) = l, case .int(let b) = r { return Self.compare(op, a, b) }
        return try asCondition(general(l, r, i))
    }

    private var isIntegerComparison: Bool { op.isComparison && op != .in }

    /// `$local OP literal` on whole numbers (a loop's `$i % 3`): read without copying a value.
    @inline(__always)
    private func localIntOperands(_ i: Interpreter) -> (Int, Int)? {
        guard let variable = leftVariable, variable.slot >= 0, let b = rightInt,
              let a = i.stack.int(at: i.base &+ variable.slot) else { return nil }
        return (a, b)
    }

    @inline(__always)
    private func operands(_ i: Interpreter) throws -> (Value, Value) {
        let l: Value
        if let variable = leftVariable, variable.slot >= 0 { l = i.local(variable.slot) } else { l = try left.eval(i) }
        return (l, try rightInt.map(Value.int) ?? right.eval(i))
    }

    @inline(__always)
    private static func compare(_ op: BinaryOperator, _ a: Int, _ b: Int) -> Bool {
        switch op {
        case .eq: return a == b
        case .ne: return a != b
        case .lt: return a < b
        case .le: return a <= b
        case .gt: return a > b
        default: return a >= b
        }
    }

    /// The hot case, two whole numbers; nil when it overflows or needs the general rules.
    @inline(__always)
    private static func integers(_ op: BinaryOperator, _ a: Int, _ b: Int) -> Value? {
        switch op {
        case .eq, .ne, .lt, .le, .gt, .ge: return .bool(compare(op, a, b))
        case .add:
            let (s, o) = a.addingReportingOverflow(b)
            return o ? nil : .int(s)
        case .sub:
            let (s, o) = a.subtractingReportingOverflow(b)
            return o ? nil : .int(s)
        case .mod where b > 0 && a >= 0:
            return .int(a % b)
        default: return nil
        }
    }

    /// Every other case, by the rules of Operators.swift.
    @inline(never)
    private func general(_ l: Value, _ r: Value, _ i: Interpreter) throws -> Value {
        let result = try Operators.apply(op, l, r, span: span, leftSpan: left.span, rightSpan: right.span)
        try i.charge(Interpreter.size(l) &+ Interpreter.size(r), at: span)
        return result
    }
}

/// `left and right`, `left or right`: the right side only when it decides.
final class LogicalExpr: Expr {
    let isAnd: Bool
    let left: Expr
    let right: Expr
    init(isAnd: Bool, _ left: Expr, _ right: Expr, span: SourceSpan) {
        self.isAnd = isAnd
        self.left = left
        self.right = right
        super.init(span: span)
    }

    override func eval(_ i: Interpreter) throws -> Value {
        if try truth(left.eval(i), left) != isAnd { return .bool(!isAnd) }
        return .bool(try truth(right.eval(i), right))
    }

    private func truth(_ v: Value, _ e: Expr) throws -> Bool {
        guard let b = v.isTrue else {
            throw ScriptError(.type, "'\(isAnd ? "and" : "or")' needs bools, got a \(v.kindName)", at: e.span)
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
