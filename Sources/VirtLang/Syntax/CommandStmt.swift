/// `WORD WORD… name=value…`: a built-in command or a proc call. The leading bare
/// words name it; the lookup is cached until a proc is (re)defined.
final class CommandStmt: Stmt {
    struct Argument {
        let name: String?
        let expr: Expr
        /// The word as typed when it is a plain bare word (a candidate command word).
        var bareWord: String? { name == nil ? (expr as? LiteralExpr)?.bareWord : nil }
    }

    let arguments: [Argument]
    /// The arguments after the command's name words, for the cached target.
    private var rest: [Argument] = []
    private var cachedProc: Proc?
    private var cachedSpec: CommandSpec?
    private var cachedGeneration = -1

    init(arguments: [Argument], span: SourceSpan) {
        self.arguments = arguments
        super.init(span: span)
    }

    override func exec(_ i: Interpreter) throws -> Value {
        if cachedGeneration != i.procGeneration { try resolve(i) }
        if let proc = cachedProc { return try i.call(proc, arguments: rest, span: span) }
        var words: [ArgumentBinder.Word] = []
        words.reserveCapacity(rest.count)
        for argument in rest {
            words.append(ArgumentBinder.Word(name: argument.name, value: try argument.expr.eval(i), span: argument.expr.span))
        }
        return try i.invoke(cachedSpec!, words: words, span: span)
    }

    private func resolve(_ i: Interpreter) throws {
        let head = arguments.prefix { $0.bareWord != nil }.prefix(3).map { $0.bareWord! }
        guard let first = head.first else {
            throw ScriptError(.syntax, "a command starts with its name", at: arguments.first?.expr.span ?? span)
        }
        if let proc = i.procs[first] {
            (cachedProc, cachedSpec, rest) = (proc, nil, Array(arguments.dropFirst()))
        } else if let (spec, consumed) = i.registry.lookup(head) {
            (cachedProc, cachedSpec, rest) = (nil, spec, Array(arguments.dropFirst(consumed)))
        } else {
            throw i.unknownCommand(head, arguments: arguments, span: span)
        }
        cachedGeneration = i.procGeneration
    }
}

extension Interpreter {
    /// `unknown command 'vm strat'` with did-you-mean over commands, keywords and procs.
    func unknownCommand(_ head: [String], arguments: [CommandStmt.Argument], span: SourceSpan) -> ScriptError {
        let first = head[0]
        if registry.isGroup([first]) {
            let verbs = registry.subcommands(of: [first])
            guard head.count >= 2 else {
                return ScriptError(.name, "'\(first)' needs a sub-command",
                                   hint: "\(first) takes " + verbs.joined(separator: ", "), at: arguments[0].expr.span)
            }
            let second = head[1]
            if registry.isGroup([first, second]) {
                let more = registry.subcommands(of: [first, second])
                return ScriptError(.name, "'\(first) \(second)' needs a sub-command",
                                   hint: "\(first) \(second) takes " + more.joined(separator: ", "), at: spanOf(arguments, 0, 1))
            }
            let hint = Suggest.hint(for: "\(first) \(second)", among: verbs.map { "\(first) \($0)" })
                ?? "\(first) takes " + verbs.joined(separator: ", ")
            return ScriptError(.name, "unknown command '\(first) \(second)'", hint: hint, at: spanOf(arguments, 0, 1))
        }
        let candidates = registry.topWords + CommandRegistry.keywords + Array(procs.keys).sorted()
        let hint = Suggest.hint(for: first, among: candidates)
        return ScriptError(.name, "unknown command '\(first)'", hint: hint ?? "type 'help' for the commands",
                           at: arguments[0].expr.span)
    }

    private func spanOf(_ arguments: [CommandStmt.Argument], _ a: Int, _ b: Int) -> SourceSpan {
        let s = arguments[a].expr.span, e = arguments[b].expr.span
        return SourceSpan(file: s.file, start: s.start, end: e.end)
    }
}
