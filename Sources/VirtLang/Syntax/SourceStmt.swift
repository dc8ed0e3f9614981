/// `source PATH`: runs another script file in this session.
final class SourceStmt: Stmt {
    let path: Expr
    init(path: Expr, span: SourceSpan) {
        self.path = path
        super.init(span: span)
    }
    override func exec(_ i: Interpreter) throws -> Value {
        let name = try path.eval(i).text
        guard let loader = i.sourceLoader else {
            throw ScriptError(.sandbox, "'source' is not allowed here", at: span)
        }
        let file: SourceFile
        do {
            file = try loader(name, span.file.name)
        } catch var error as ScriptError {
            if error.span == nil { error.span = path.span }
            throw error
        }
        let program = try Parser.parse(file)
        guard i.callDepth < i.maxCallDepth else {
            throw ScriptError(.limit, "'source' nested deeper than \(i.maxCallDepth) files", at: span)
        }
        try i.stackBudget.check(callDepth: i.callDepth, at: span)
        i.callDepth += 1
        defer { i.callDepth -= 1 }
        return try i.runTopLevel(program)
    }
}
