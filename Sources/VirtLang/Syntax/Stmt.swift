/// A statement node. `exec` returns the statement's value (printed at the REPL
/// unless `none`); `break`, `continue` and `return` set `Interpreter.flow`.
public class Stmt {
    public let span: SourceSpan
    init(span: SourceSpan) { self.span = span }
    func exec(_ i: Interpreter) throws -> Value { fatalError("abstract") }
}

/// Control flow as a result, not an exception.
enum Flow { case normal, breakLoop, continueLoop, returned }

/// A line that is an expression: its value.
final class ExprStmt: Stmt {
    let expr: Expr
    init(_ expr: Expr) {
        self.expr = expr
        super.init(span: expr.span)
    }
    override func exec(_ i: Interpreter) throws -> Value { try expr.eval(i) }
}

/// `let NAME = EXPR`: a local slot inside a proc, else a global.
final class LetStmt: Stmt {
    let name: String
    let value: Expr
    var slot = -1
    init(name: String, value: Expr, span: SourceSpan) {
        self.name = name
        self.value = value
        super.init(span: span)
    }
    override func exec(_ i: Interpreter) throws -> Value {
        let v = try value.eval(i)
        if slot >= 0 { i.setLocal(slot, v) } else { i.globals.set(name, v) }
        return .none
    }
}

/// `if … elif … else …`: each `elif` is the `if` of the rest of the chain.
final class IfStmt: Stmt {
    let condition: Expr
    let body: Block
    let elseIf: IfStmt?
    let elseBody: Block?
    init(branches: [(Expr, [Stmt])], elseBody: [Stmt]?, span: SourceSpan) {
        condition = branches[0].0
        body = Block(branches[0].1)
        if branches.count > 1 {
            elseIf = IfStmt(branches: Array(branches.dropFirst()), elseBody: elseBody, span: span)
            self.elseBody = nil
        } else {
            elseIf = nil
            self.elseBody = elseBody.map(Block.init)
        }
        super.init(span: span)
    }
    /// The chain counts one step, whichever branch runs.
    override func exec(_ i: Interpreter) throws -> Value {
        if try condition.evalCondition(i) { return try body.exec(i) }
        if let elseIf { return try elseIf.exec(i) }
        if let elseBody { return try elseBody.exec(i) }
        return .none
    }
}

/// `while EXPR { … }`.
final class WhileStmt: Stmt {
    let condition: Expr
    let body: Block
    init(condition: Expr, body: [Stmt], span: SourceSpan) {
        self.condition = condition
        self.body = Block(body)
        super.init(span: span)
    }
    override func exec(_ i: Interpreter) throws -> Value {
        while try condition.evalCondition(i) {
            try i.step(self)
            _ = try body.exec(i)
            if i.flow != .normal {
                if i.flow == .returned { break }
                let stop = i.flow == .breakLoop
                i.flow = .normal
                if stop { break }
            }
        }
        return .none
    }
}

/// `for NAME in EXPR { … }`; a range is walked without building its list.
final class ForStmt: Stmt {
    let name: String
    var slot = -1
    let iterable: Expr
    let body: Block
    init(name: String, iterable: Expr, body: [Stmt], span: SourceSpan) {
        self.name = name
        self.iterable = iterable
        self.body = Block(body)
        super.init(span: span)
    }

    override func exec(_ i: Interpreter) throws -> Value {
        if let range = iterable as? BinaryExpr, range.op == .range {
            let lo = try range.left.eval(i), hi = try range.right.eval(i)
            guard case .int(let a) = lo, case .int(let b) = hi else {
                throw ScriptError(.type, "a range needs whole numbers, got \(lo.kindName) and \(hi.kindName)", at: range.span)
            }
            if a <= b {
                for n in a...b where try !iterate(.int(n), i) { break }
            }
            return .none
        }
        let v = try iterable.eval(i)
        guard case .list(let items) = v else {
            throw ScriptError(.type, "'for' needs a list or a range, got a \(v.kindName)", at: iterable.span)
        }
        for item in items where try !iterate(item, i) { break }
        return .none
    }

    /// Runs one iteration; false when the loop must stop.
    @inline(__always)
    private func iterate(_ item: Value, _ i: Interpreter) throws -> Bool {
        try i.step(self)
        if slot >= 0 { i.setLocal(slot, item) } else { i.globals.set(name, item) }
        _ = try body.exec(i)
        if i.flow == .normal { return true }
        if i.flow == .returned { return false }
        let stop = i.flow == .breakLoop
        i.flow = .normal
        return !stop
    }
}

/// `return [EXPR]`, `break`, `continue`.
final class JumpStmt: Stmt {
    let flow: Flow
    let value: Expr?
    init(flow: Flow, value: Expr?, span: SourceSpan) {
        self.flow = flow
        self.value = value
        super.init(span: span)
    }
    override func exec(_ i: Interpreter) throws -> Value {
        if flow == .returned {
            i.returnValue = try value?.eval(i) ?? .none
        }
        i.flow = flow
        return .none
    }
}

/// `try { … } catch ERR { … }`: limit errors pass through.
final class TryStmt: Stmt {
    let body: Block
    let name: String
    var slot = -1
    let handler: Block
    init(body: [Stmt], name: String, handler: [Stmt], span: SourceSpan) {
        self.body = Block(body)
        self.name = name
        self.handler = Block(handler)
        super.init(span: span)
    }
    override func exec(_ i: Interpreter) throws -> Value {
        do {
            return try body.exec(i)
        } catch let error as ScriptError where error.isCatchable {
            let record = Value.record(error.record)
            if slot >= 0 { i.setLocal(slot, record) } else { i.globals.set(name, record) }
            return try handler.exec(i)
        }
    }
}
