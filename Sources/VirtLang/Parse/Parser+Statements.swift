extension Parser {
    /// Statements until `closer` (`}` or `]`), or the end of input when nil.
    mutating func parseStatements(until closer: UInt8?, opener: Int = 0) throws -> [Stmt] {
        var statements: [Stmt] = []
        while true {
            skipSeparators()
            if atEnd {
                if let closer {
                    throw incomplete("missing '\(Character(UnicodeScalar(closer)))'", opener: opener)
                }
                return statements
            }
            if let closer, peek == closer {
                pos += 1
                return statements
            }
            if peek == 125 || peek == 93 {
                throw error("unexpected '\(Character(UnicodeScalar(peek)))'", at: pos)
            }
            statements.append(try parseStatement())
            skipSpace()
            if !atEnd, peek != 10, peek != 59, peek != closer {
                throw error("unexpected '\(textAhead())' after the statement", at: pos,
                            hint: afterStatementHint())
            }
        }
    }

    /// The hint for stray words after a statement: quotes, when they follow `let NAME = WORD`.
    func afterStatementHint() -> String {
        var start = pos
        while start > 0, b[start - 1] != 10, b[start - 1] != 59 { start -= 1 }
        var end = pos
        while end < b.count, b[end] != 10, b[end] != 59 { end += 1 }
        let line = String(decoding: b[start..<end], as: UTF8.self)
        let parts = line.split(separator: "=", maxSplits: 1)
        let head = parts.first?.split(separator: " ") ?? []
        if parts.count == 2, head.count == 2, head[0] == "let" {
            let value = parts[1].split(separator: " ").joined(separator: " ")
            if let first = value.first, first.isLetter {
                return "to keep several words as one text, put quotes around them: let \(head[1]) = \"\(value)\""
            }
        }
        return "end a statement with a newline or ';'"
    }

    func textAhead() -> String {
        var end = pos
        while end < b.count, !Lexer.endsWord(b[end]) || end == pos { end += 1 }
        return String(decoding: b[pos..<end], as: UTF8.self)
    }

    /// A `{ … }` block.
    mutating func parseBlock(for what: String) throws -> [Stmt] {
        skipSpace()
        guard peek == 123 else {
            if atEnd { throw incomplete("expected '{' to begin the body of \(what)", opener: max(0, pos - 1)) }
            throw error("expected '{' to begin the body of \(what)", at: pos)
        }
        let opener = pos
        pos += 1
        let saved = newlinesAreSpace
        newlinesAreSpace = false
        defer { newlinesAreSpace = saved }
        return try parseStatements(until: 125, opener: opener)
    }

    mutating func parseStatement() throws -> Stmt {
        try nest()
        defer { depth -= 1 }
        let start = pos
        let c = peek
        if c == 36 || c == 40 || c == 91 || c == 34 || c == 39 || Lexer.isDigit(c)
            || (c == 45 && (Lexer.isDigit(peek(1)) || peek(1) == 46)) || (c == 46 && Lexer.isDigit(peek(1))) {
            return ExprStmt(try parseExpression())
        }
        if c == 123 { throw error("a block '{ … }' stands only after if, while, for, proc or try", at: pos) }
        guard let word = wordAhead() else {
            throw error("unexpected '\(textAhead())'", at: pos, hint: "a statement starts with a command, a keyword or an expression")
        }
        switch word {
        case "let": return try parseLet(start)
        case "if": return try parseIf(start)
        case "while": return try parseWhile(start)
        case "for": return try parseFor(start)
        case "proc": return try parseProc(start)
        case "return": return try parseReturn(start)
        case "break", "continue":
            pos += word.utf8.count
            guard loopDepth > 0 else { throw error("'\(word)' outside a loop", at: start, length: word.utf8.count) }
            return JumpStmt(flow: word == "break" ? .breakLoop : .continueLoop, value: nil, span: span(from: start))
        case "try": return try parseTry(start)
        case "expect": return try parseExpect(start)
        case "source":
            pos += 6
            skipSpace()
            guard let path = try parseWord() else { throw error("'source' needs a file name", at: pos) }
            return SourceStmt(path: path, span: span(from: start))
        case "elif", "else", "catch", "in":
            throw error("'\(word)' without a matching \(word == "catch" ? "'try'" : word == "in" ? "'for'" : "'if'")", at: start, length: word.utf8.count)
        default:
            return try parseCommand(start)
        }
    }

    mutating func parseLet(_ start: Int) throws -> Stmt {
        pos += 3
        let (name, _) = try parseName(for: "'let'")
        skipSpace()
        guard peek == 61, peek(1) != 61 else {
            throw error("expected '=' after 'let \(name)'", at: pos, hint: "let \(name) = VALUE")
        }
        pos += 1
        let value = try parseExpression()
        let stmt = LetStmt(name: name, value: value, span: span(from: start))
        stmt.slot = bind(name)
        return stmt
    }

    mutating func parseIf(_ start: Int) throws -> Stmt {
        pos += 2
        var branches: [(Expr, [Stmt])] = [(try parseExpression(), try parseBlock(for: "'if'"))]
        var elseBody: [Stmt]?
        while true {
            let save = pos
            skipSeparators()
            if atKeyword("elif") {
                pos += 4
                branches.append((try parseExpression(), try parseBlock(for: "'elif'")))
            } else if atKeyword("else") {
                pos += 4
                skipSpace()
                if atKeyword("if") { throw error("write 'elif', not 'else if'", at: pos, length: 2) }
                elseBody = try parseBlock(for: "'else'")
                break
            } else {
                pos = save
                break
            }
        }
        return IfStmt(branches: branches, elseBody: elseBody, span: span(from: start))
    }

    mutating func parseLoopBody(for what: String) throws -> [Stmt] {
        loopDepth += 1
        defer { loopDepth -= 1 }
        return try parseBlock(for: what)
    }

    mutating func parseWhile(_ start: Int) throws -> Stmt {
        pos += 5
        let condition = try parseExpression()
        return WhileStmt(condition: condition, body: try parseLoopBody(for: "'while'"), span: span(from: start))
    }

    mutating func parseFor(_ start: Int) throws -> Stmt {
        pos += 3
        let (name, _) = try parseName(for: "'for'")
        try expectKeyword("in", after: "'for \(name)'")
        let iterable = try parseExpression()
        let slot = bind(name)
        let stmt = ForStmt(name: name, iterable: iterable, body: try parseLoopBody(for: "'for'"), span: span(from: start))
        stmt.slot = slot
        return stmt
    }

    mutating func parseReturn(_ start: Int) throws -> Stmt {
        guard scope != nil else { throw error("'return' outside a proc", at: start, length: 6) }
        pos += 6
        skipSpace()
        let value = atEnd || peek == 10 || peek == 59 || peek == 125 || peek == 93 ? nil : try parseExpression()
        return JumpStmt(flow: .returned, value: value, span: span(from: start))
    }

    mutating func parseTry(_ start: Int) throws -> Stmt {
        pos += 3
        let body = try parseBlock(for: "'try'")
        skipSeparators()
        guard atKeyword("catch") else {
            if atEnd { throw incomplete("'try' needs a 'catch ERR { … }'", opener: start) }
            throw error("'try' needs a 'catch ERR { … }'", at: pos)
        }
        pos += 5
        let (name, _) = try parseName(for: "'catch'")
        let slot = bind(name)
        let stmt = TryStmt(body: body, name: name, handler: try parseBlock(for: "'catch'"), span: span(from: start))
        stmt.slot = slot
        return stmt
    }

    mutating func parseExpect(_ start: Int) throws -> Stmt {
        pos += 6
        let condition = try parseExpression()
        skipSpace()
        var message: Expr?
        if !atEnd, peek != 10, peek != 59, peek != 125, peek != 93 { message = try parseWord() }
        return ExpectStmt(condition: condition, message: message, span: span(from: start))
    }

    mutating func parseProc(_ start: Int) throws -> Stmt {
        pos += 4
        skipSpace()
        let nameStart = pos
        guard let name = wordAhead() else { throw error("'proc' needs a name", at: pos) }
        pos += name.utf8.count
        if Lexer.isDigit(b[nameStart]) { throw error("a proc name starts with a letter", at: nameStart) }
        var parameters: [String] = [], defaults: [Expr?] = []
        while true {
            skipSpace()
            if peek == 123 || atEnd || peek == 10 { break }
            let (param, paramSpan) = try parseName(for: "a parameter of '\(name)'")
            if parameters.contains(param) { throw ScriptError(.syntax, "parameter '\(param)' appears twice", at: paramSpan) }
            parameters.append(param)
            if peek == 61 {
                pos += 1
                guard let d = try parseWord() else { throw error("expected a default value after '\(param)='", at: pos) }
                defaults.append(d)
            } else {
                defaults.append(nil)
            }
        }
        let outer = (scope, loopDepth)
        let inner = ProcScope()
        inner.locals = parameters
        scope = inner
        loopDepth = 0
        defer { (scope, loopDepth) = outer }
        let body = try parseBlock(for: "proc '\(name)'")
        for use in inner.uses { use.slot = inner.locals.firstIndex(of: use.name) ?? -1 }
        let definition = ProcDefinition(name: name, parameters: parameters, body: body,
                                        localNames: inner.locals, span: span(from: start))
        return ProcStmt(proc: definition, defaults: defaults, span: span(from: start))
    }

    /// `WORD… name=value…` up to the end of the statement.
    mutating func parseCommand(_ start: Int) throws -> Stmt {
        var arguments: [CommandStmt.Argument] = []
        while true {
            skipSpace()
            if atEnd || peek == 10 || peek == 59 || peek == 125 || peek == 93 { break }
            if peek == 123 {
                throw error("a block '{ … }' stands only after if, while, for, proc or try", at: pos)
            }
            if let option = try parseOption() {
                arguments.append(option)
            } else if let word = try parseWord() {
                arguments.append(CommandStmt.Argument(name: nil, expr: word))
            } else {
                throw error("unexpected '\(textAhead())'", at: pos)
            }
        }
        return CommandStmt(arguments: arguments, span: span(from: start))
    }

    /// `name=value`, or nil (position unchanged) when the word is not an option.
    mutating func parseOption() throws -> CommandStmt.Argument? {
        guard Lexer.isLetter(peek) else { return nil }
        var end = pos
        while end < b.count, Lexer.isWordChar(b[end]) { end += 1 }
        guard end < b.count, b[end] == 61, end + 1 >= b.count || b[end + 1] != 61 else { return nil }
        let name = String(decoding: b[pos..<end], as: UTF8.self)
        let nameStart = pos
        pos = end + 1
        if atEnd || Lexer.endsWord(peek) {
            throw error("option '\(name)' needs a value after '='", at: nameStart, length: end - nameStart + 1)
        }
        if peek == 123 { throw error("an option's value cannot be a block", at: pos) }
        guard let value = try parseWord() else { throw error("option '\(name)' needs a value after '='", at: pos) }
        return CommandStmt.Argument(name: name, expr: value)
    }
}
