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
    /// What the command names, found on first run (one reference per statement
    /// until then, so parsing a long script stays small). Retained by hand, so a
    /// run costs no ARC traffic, and let go when replaced or with the statement;
    /// a target that runs are still using is released by the last of them.
    /// (It holds the proc's definition, and so the body those calls are running:
    /// a proc redefined while it runs, from a line whose tree is gone, has no other owner.)
    private var target: Unmanaged<Target>?

    /// A resolved command: a proc or a spec, the arguments after its name words,
    /// and the proc generation it is valid for.
    final class Target {
        let proc: Proc?
        let spec: CommandSpec?
        let rest: [Argument]
        let generation: Int
        /// A proc call's argument expressions when there is one positional argument per parameter (the fast path).
        let positional: Nodes<Expr>?
        /// Runs of the statement through this target now: a proc's body, or a
        /// command's arguments, may run this same statement again.
        var activeRuns = 0
        /// Let go by its statement while runs were active: the last of them releases it.
        var abandoned = false
        init(proc: Proc?, spec: CommandSpec?, rest: [Argument], generation: Int) {
            (self.proc, self.spec, self.rest, self.generation) = (proc, spec, rest, generation)
            let simple = proc.map { rest.count == $0.parameters.count && rest.allSatisfy { $0.name == nil } } ?? false
            positional = simple ? Nodes(rest.map(\.expr)) : nil
        }
    }

    init(arguments: [Argument], span: SourceSpan) {
        self.arguments = arguments
        super.init(span: span)
    }

    deinit { target.map(Self.letGo) }

    /// Releases a target its statement no longer holds, or leaves that to the
    /// last run still using it.
    private static func letGo(_ target: Unmanaged<Target>) {
        let busy = target._withUnsafeGuaranteedRef { target in
            target.abandoned = target.activeRuns > 0
            return target.abandoned
        }
        if !busy { target.release() }
    }

    override func exec(_ i: Interpreter) throws -> Value {
        let target: Unmanaged<Target>
        if let cached = self.target, cached._withUnsafeGuaranteedRef({ $0.generation }) == i.procGeneration {
            target = cached
        } else {
            target = try resolve(i)
        }
        return try target._withUnsafeGuaranteedRef { target in
            target.activeRuns &+= 1
            defer {
                target.activeRuns &-= 1
                if target.abandoned && target.activeRuns == 0 { Unmanaged.passUnretained(target).release() }
            }
            if let proc = target.proc { return try i.call(proc, target, span: span) }
            var words: [ArgumentBinder.Word] = []
            words.reserveCapacity(target.rest.count)
            for argument in target.rest {
                words.append(ArgumentBinder.Word(name: argument.name, value: try argument.expr.eval(i), span: argument.expr.span))
            }
            return try i.invoke(target.spec!, words: words, span: span)
        }
    }

    private func resolve(_ i: Interpreter) throws -> Unmanaged<Target> {
        let head = arguments.prefix { $0.bareWord != nil }.prefix(3).map { $0.bareWord! }
        guard let first = head.first else {
            throw ScriptError(.syntax, "a command starts with its name", at: arguments.first?.expr.span ?? span)
        }
        let resolved: Target
        if let proc = i.procs[first] {
            resolved = Target(proc: proc, spec: nil, rest: Array(arguments.dropFirst()), generation: i.procGeneration)
        } else if let (spec, consumed) = i.registry.lookup(head) {
            resolved = Target(proc: nil, spec: spec, rest: Array(arguments.dropFirst(consumed)), generation: i.procGeneration)
        } else {
            throw i.unknownCommand(head, arguments: arguments, span: span)
        }
        target.map(Self.letGo)
        target = Unmanaged.passRetained(resolved)
        return target!
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
