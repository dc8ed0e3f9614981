/// `expect EXPR ["message"]`: an assertion whose report shows the expression's
/// source and, for a comparison, both sides.
final class ExpectStmt: Stmt {
    let condition: Expr
    let message: Expr?
    init(condition: Expr, message: Expr?, span: SourceSpan) {
        self.condition = condition
        self.message = message
        super.init(span: span)
    }

    override func exec(_ i: Interpreter) throws -> Value {
        var notes: [String] = []
        let holds: Value
        if let comparison = condition as? BinaryExpr, comparison.op.isComparison {
            let l = try comparison.left.eval(i), r = try comparison.right.eval(i)
            holds = try Operators.apply(comparison.op, l, r, span: comparison.span,
                                        leftSpan: comparison.left.span, rightSpan: comparison.right.span)
            notes = ["left:  \(l.text)", "right: \(r.text)"]
        } else {
            holds = try condition.eval(i)
        }
        guard let ok = holds.isTrue else {
            throw ScriptError(.type, "'expect' needs a bool, got a \(holds.kindName)", at: condition.span)
        }
        if ok { return .none }
        let text = try message?.eval(i).text ?? condition.span.text
        throw ScriptError(.expectation, "expectation failed: \(text)", at: condition.span, notes: notes)
    }
}
