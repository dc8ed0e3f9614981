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
        i.callDepth += 1
        defer { i.callDepth -= 1 }
        return try i.runTopLevel(program)
    }
}

/// `proc NAME PARAM PARAM=DEFAULT { … }`: defines (or redefines) a proc.
final class ProcStmt: Stmt {
    let proc: ProcDefinition
    let defaults: [Expr?]
    init(proc: ProcDefinition, defaults: [Expr?], span: SourceSpan) {
        self.proc = proc
        self.defaults = defaults
        super.init(span: span)
    }
    override func exec(_ i: Interpreter) throws -> Value {
        if i.registry.isReserved(proc.name) {
            throw ScriptError(.name, "'\(proc.name)' is a built-in command; a proc cannot take its name",
                              hint: "choose another name", at: span)
        }
        let values = try defaults.map { try $0?.eval(i) }
        i.define(Proc(definition: proc, defaults: values))
        return .none
    }
}

/// What the parser knows of a proc: parameters, slots, body.
final class ProcDefinition {
    let name: String
    let parameters: [String]
    let body: [Stmt]
    /// Parameters take the first slots, then every local the body binds.
    let localNames: [String]
    let span: SourceSpan
    var slotCount: Int { localNames.count }
    init(name: String, parameters: [String], body: [Stmt], localNames: [String], span: SourceSpan) {
        self.name = name
        self.parameters = parameters
        self.body = body
        self.localNames = localNames
        self.span = span
    }
}

/// A defined proc with its default values.
public struct Proc {
    let definition: ProcDefinition
    let defaults: [Value?]
    public var name: String { definition.name }
    public var parameters: [String] { definition.parameters }
}
