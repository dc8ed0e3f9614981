extension Parser {
    /// One word of a command (LANGUAGE.md "Words"), or nil at the end of the statement.
    mutating func parseWord() throws -> Expr? {
        skipSpace()
        guard !atEnd else { return nil }
        let start = pos
        switch peek {
        case 34: return try parseDoubleQuoted()
        case 39: return try parseSingleQuoted()
        case 40:
            let e = try parseParenthesized()
            return try parsePostfix(e, start: start)
        case 91:
            let e = try parseSubstitution()
            return try parsePostfix(e, start: start)
        case 36:
            if let whole = try parseVariableWord() { return whole }
            return try parseBareWord()
        case 10, 59, 125, 93: return nil
        default: return try parseBareWord()
        }
    }

    /// A word that is only `$name` with `.field` / `[index]`: the value itself.
    /// Nil (position unchanged) when more text follows: then it is interpolated text.
    mutating func parseVariableWord() throws -> Expr? {
        let start = pos
        guard Lexer.isLetter(peek(1)) || peek(1) == 95 else { return nil }
        pos += 1
        let variable = variableNode(start: start)
        let e = try parsePostfix(variable, start: start)
        if atEnd || Lexer.endsWord(peek) { return e }
        pos = start
        return nil
    }

    /// `$name` at `pos` (after the `$`): a variable node registered with the proc scope.
    mutating func variableNode(start: Int) -> VariableExpr {
        let nameStart = pos
        while pos < b.count, Lexer.isNameChar(b[pos]) { pos += 1 }
        let node = VariableExpr(name: String(decoding: b[nameStart..<pos], as: UTF8.self), span: span(from: start))
        scope?.uses.append(node)
        return node
    }

    /// `.field` and `[index]` directly after an operand.
    mutating func parsePostfix(_ base: Expr, start: Int) throws -> Expr {
        var e = base
        while true {
            if peek == 46, Lexer.isLetter(peek(1)) || peek(1) == 95 {
                pos += 1
                let fieldStart = pos
                while pos < b.count, Lexer.isWordChar(b[pos]) { pos += 1 }
                e = FieldExpr(base: e, field: String(decoding: b[fieldStart..<pos], as: UTF8.self), span: span(from: start))
            } else if peek == 91 {
                let opener = pos
                pos += 1
                let index = try parseEnclosedExpression(closer: 93, what: "']' to close the index", opener: opener)
                e = IndexExpr(base: e, index: index, span: span(from: start))
            } else {
                return e
            }
        }
    }

    /// A bare word: literal text with `$` interpolation, or a number or quantity.
    mutating func parseBareWord() throws -> Expr {
        let start = pos
        var parts: [InterpolationExpr.Part] = []
        var text: [UInt8] = []
        while pos < b.count, !Lexer.endsWord(b[pos]) {
            if b[pos] == 36, let part = try parseInterpolation() {
                if !text.isEmpty { parts.append(.text(String(decoding: text, as: UTF8.self))) }
                text = []
                parts.append(part)
            } else if b[pos] == 34 || b[pos] == 39 {
                throw error("a quote inside a word", at: pos, hint: "put a space before the string, or quote the whole word")
            } else {
                text.append(b[pos])
                pos += 1
            }
        }
        if !parts.isEmpty {
            if !text.isEmpty { parts.append(.text(String(decoding: text, as: UTF8.self))) }
            return InterpolationExpr(parts: parts, span: span(from: start))
        }
        let word = String(decoding: text, as: UTF8.self)
        switch Lexer.numeric(Substring(word).utf8) {
        case .value(let v): return LiteralExpr(v, span: span(from: start))
        case .unknownUnit(let unit):
            throw ScriptError(.unit, "unknown unit '\(unit)' in '\(word)'", hint: Units.hint(forUnknown: unit), at: span(from: start))
        case .outOfRange(let why): throw ScriptError(.value, why, at: span(from: start))
        case .notNumeric: return LiteralExpr(.string(word), bareWord: word, span: span(from: start))
        }
    }

    /// `$name`, `${name}` or `${EXPR}` inside text; nil when the `$` is literal.
    mutating func parseInterpolation() throws -> InterpolationExpr.Part? {
        let start = pos
        if Lexer.isLetter(peek(1)) || peek(1) == 95 {
            pos += 1
            return .value(variableNode(start: start))
        }
        guard peek(1) == 123 else { return nil }
        pos += 2
        var end = pos
        while end < b.count, Lexer.isNameChar(b[end]) { end += 1 }
        if end > pos, end < b.count, b[end] == 125, Lexer.isLetter(b[pos]) || b[pos] == 95 {
            let node = variableNode(start: start)
            pos += 1
            return .value(node)
        }
        return .value(try parseEnclosedExpression(closer: 125, what: "'}' to close '${'", opener: start))
    }

    /// An expression up to its closing bracket, newlines being space inside; consumes the closer.
    mutating func parseEnclosedExpression(closer: UInt8, what: String, opener: Int) throws -> Expr {
        let saved = newlinesAreSpace
        newlinesAreSpace = true
        defer { newlinesAreSpace = saved }
        let e = try parseExpression()
        skipSpace()
        guard peek == closer else {
            if atEnd { throw incomplete("missing \(what)", opener: opener) }
            throw error("expected \(what), found '\(textAhead())'", at: pos)
        }
        pos += 1
        return e
    }

    /// `"text $x"`, or `"""multi-line"""`, with escapes and interpolation.
    mutating func parseDoubleQuoted() throws -> Expr {
        let start = pos
        let triple = peek(1) == 34 && peek(2) == 34
        pos += triple ? 3 : 1
        var parts: [InterpolationExpr.Part] = []
        var text: [UInt8] = []
        while true {
            guard pos < b.count else { throw incomplete("unterminated string", opener: start) }
            let c = b[pos]
            if c == 34, !triple || (peek(1) == 34 && peek(2) == 34) {
                pos += triple ? 3 : 1
                break
            }
            if c == 92 {
                let escapeStart = pos
                pos += 1
                guard pos < b.count else { throw incomplete("unterminated string", opener: start) }
                switch b[pos] {
                case 110: text.append(10)
                case 116: text.append(9)
                case 34: text.append(34)
                case 92: text.append(92)
                case 36: text.append(36)
                case 10: break
                default:
                    throw error("unknown escape '\\\(Character(UnicodeScalar(b[pos])))'", at: escapeStart, length: 2,
                                hint: "escapes are \\n \\t \\\" \\\\ \\$")
                }
                pos += 1
            } else if c == 36, let part = try parseInterpolation() {
                if !text.isEmpty { parts.append(.text(String(decoding: text, as: UTF8.self))) }
                text = []
                parts.append(part)
            } else {
                text.append(c)
                pos += 1
            }
        }
        if parts.isEmpty { return LiteralExpr(.string(String(decoding: text, as: UTF8.self)), span: span(from: start)) }
        if !text.isEmpty { parts.append(.text(String(decoding: text, as: UTF8.self))) }
        return InterpolationExpr(parts: parts, span: span(from: start))
    }

    /// `'no $interp'`.
    mutating func parseSingleQuoted() throws -> Expr {
        let start = pos
        pos += 1
        let textStart = pos
        while pos < b.count, b[pos] != 39 {
            pos += 1
        }
        guard pos < b.count else { throw incomplete("unterminated string", opener: start) }
        let text = String(decoding: b[textStart..<pos], as: UTF8.self)
        pos += 1
        return LiteralExpr(.string(text), span: span(from: start))
    }

    /// `( EXPR )`.
    mutating func parseParenthesized() throws -> Expr {
        let opener = pos
        pos += 1
        return try parseEnclosedExpression(closer: 41, what: "')' or an operator", opener: opener)
    }

    /// `[ command ]`.
    mutating func parseSubstitution() throws -> Expr {
        let opener = pos
        pos += 1
        let saved = newlinesAreSpace
        newlinesAreSpace = true
        defer { newlinesAreSpace = saved }
        let body = try parseStatements(until: 93, opener: opener)
        if body.isEmpty { throw error("empty '[ ]'", at: opener, length: pos - opener, hint: "put a command inside: [vm info web1]") }
        return SubstitutionExpr(body: body, span: span(from: opener))
    }
}
