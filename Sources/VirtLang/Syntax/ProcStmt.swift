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
    let body: Block
    /// Parameters take the first slots, then every local the body binds.
    let localNames: [String]
    let span: SourceSpan
    /// Slots a call takes: parameters, then the body's other locals.
    let slotCount: Int
    let parameterCount: Int
    init(name: String, parameters: [String], body: [Stmt], localNames: [String], span: SourceSpan) {
        self.name = name
        self.parameters = parameters
        parameterCount = parameters.count
        slotCount = localNames.count
        self.body = Block(body)
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
