extension Parser {
    /// `left OP right`, spanning from the left operand's first character to the right's last.
    func joined(_ op: BinaryOperator, _ left: Expr, _ right: Expr) -> Expr {
        let span = span(left.span.start, right.span.end)
        switch op {
        case .and, .or: return LogicalExpr(isAnd: op == .and, left, right, span: span)
        default: return BinaryExpr(op, left, right, span: span)
        }
    }

    /// An expression, by precedence climbing (LANGUAGE.md "Expressions"). It ends
    /// at the first token that cannot continue it.
    mutating func parseExpression() throws -> Expr {
        skipSpace()
        if atEnd || (!newlinesAreSpace && peek == 10) {
            throw ScriptError(.syntax, "expected an expression", at: span(max(0, pos - 1), pos),
                              incomplete: atEnd && newlinesAreSpace)
        }
        try nest()
        defer { depth -= 1 }
        return try parseOr()
    }

    private mutating func parseOr() throws -> Expr {
        var e = try parseAnd()
        while true {
            skipSpace()
            guard atKeyword("or") else { return e }
            pos += 2
            e = joined(.or, e, try parseAnd())
        }
    }

    private mutating func parseAnd() throws -> Expr {
        var e = try parseNot()
        while true {
            skipSpace()
            guard atKeyword("and") else { return e }
            pos += 3
            e = joined(.and, e, try parseNot())
        }
    }

    private mutating func parseNot() throws -> Expr {
        skipSpace()
        let start = pos
        if atKeyword("not") {
            try nest()
            defer { depth -= 1 }
            pos += 3
            return UnaryExpr(isNot: true, operand: try parseNot(), span: span(from: start))
        }
        return try parseComparison()
    }

    private mutating func comparisonOperator() -> BinaryOperator? {
        switch (peek, peek(1)) {
        case (61, 61): pos += 2; return .eq
        case (33, 61): pos += 2; return .ne
        case (60, 61): pos += 2; return .le
        case (62, 61): pos += 2; return .ge
        case (60, _): pos += 1; return .lt
        case (62, _): pos += 1; return .gt
        default:
            if atKeyword("in") { pos += 2; return .in }
            return nil
        }
    }

    private mutating func parseComparison() throws -> Expr {
        var e = try parseRange()
        while true {
            skipSpace()
            if peek == 61, peek(1) != 61 {
                throw error("'=' is not a comparison", at: pos, hint: "use '==' to compare")
            }
            guard let op = comparisonOperator() else { return e }
            e = joined(op, e, try parseRange())
        }
    }

    private mutating func parseRange() throws -> Expr {
        let e = try parseAdditive()
        skipSpace()
        guard peek == 46, peek(1) == 46 else { return e }
        pos += 2
        return joined(.range, e, try parseAdditive())
    }

    private mutating func parseAdditive() throws -> Expr {
        var e = try parseMultiplicative()
        while true {
            skipSpace()
            let op: BinaryOperator
            switch peek {
            case 43: op = .add
            case 45: op = .sub
            default: return e
            }
            pos += 1
            e = joined(op, e, try parseMultiplicative())
        }
    }

    private mutating func parseMultiplicative() throws -> Expr {
        var e = try parseUnary()
        while true {
            skipSpace()
            let op: BinaryOperator
            switch peek {
            case 42: op = .mul
            case 47: op = .div
            case 37: op = .mod
            default: return e
            }
            pos += 1
            e = joined(op, e, try parseUnary())
        }
    }

    private mutating func parseUnary() throws -> Expr {
        skipSpace()
        let start = pos
        if peek == 45, !Lexer.isDigit(peek(1)) {
            try nest()
            defer { depth -= 1 }
            pos += 1
            return UnaryExpr(isNot: false, operand: try parseUnary(), span: span(from: start))
        }
        return try parsePostfix(try parsePrimary(), start: start)
    }

    private mutating func parsePrimary() throws -> Expr {
        skipSpace()
        let start = pos
        guard !atEnd else { throw incomplete("expected a value", opener: max(0, pos - 1)) }
        let c = peek
        switch c {
        case 34: return try parseDoubleQuoted()
        case 39: return try parseSingleQuoted()
        case 40: return try parseParenthesized()
        case 91: return try parseSubstitution()
        case 36:
            guard Lexer.isLetter(peek(1)) || peek(1) == 95 else {
                if peek(1) == 123, let part = try parseInterpolation(), case .value(let e) = part { return e }
                throw error("expected a variable name after '$'", at: pos)
            }
            pos += 1
            return variableNode(start: start)
        case 123:
            throw error("expected a value before '{'", at: pos)
        case 10, 59:
            throw error("expected a value before the end of the statement", at: max(0, pos - 1))
        default:
            if Lexer.isDigit(c) || (c == 45 && Lexer.isDigit(peek(1))) || (c == 46 && Lexer.isDigit(peek(1))) {
                return try parseNumber()
            }
            if Lexer.isLetter(c) || c == 95 {
                var end = pos
                while end < b.count, Lexer.isWordChar(b[end]) || (b[end] == 46 && end + 1 < b.count && Lexer.isNameChar(b[end + 1]) && b[end + 1] != 46) {
                    end += 1
                }
                let word = String(decoding: b[pos..<end], as: UTF8.self)
                pos = end
                switch word {
                case "true": return LiteralExpr(.bool(true), span: span(from: start))
                case "false": return LiteralExpr(.bool(false), span: span(from: start))
                case "none": return LiteralExpr(.none, span: span(from: start))
                case "and", "or", "not", "in":
                    throw error("expected a value before '\(word)'", at: start, length: word.utf8.count)
                default: return LiteralExpr(.string(word), bareWord: word, span: span(from: start))
                }
            }
            throw error("unexpected '\(textAhead())' in an expression", at: pos)
        }
    }

    /// A number with an optional unit directly after it: `42`, `3.5`, `4G`, `75%`.
    private mutating func parseNumber() throws -> Expr {
        let start = pos
        if peek == 45 { pos += 1 }
        while Lexer.isDigit(peek) { pos += 1 }
        if peek == 46, Lexer.isDigit(peek(1)) {
            pos += 1
            while Lexer.isDigit(peek) { pos += 1 }
        }
        if peek == 101 || peek == 69 {
            var j = pos + 1
            if j < b.count, b[j] == 43 || b[j] == 45 { j += 1 }
            if j < b.count, Lexer.isDigit(b[j]) {
                pos = j
                while Lexer.isDigit(peek) { pos += 1 }
            }
        }
        if peek == 37 {
            pos += 1
        } else {
            while Lexer.isLetter(peek) { pos += 1 }
            let unitSoFar = String(decoding: b[start..<pos], as: UTF8.self)
            if peek == 47, Lexer.isLetter(peek(1)), unitSoFar.hasSuffix("pages") || unitSoFar.hasSuffix("ops") {
                pos += 1
                while Lexer.isLetter(peek) { pos += 1 }
            }
        }
        let text = Substring(String(decoding: b[start..<pos], as: UTF8.self))
        switch Lexer.numeric(text.utf8) {
        case .value(let v): return LiteralExpr(v, span: span(from: start))
        case .unknownUnit(let unit):
            throw ScriptError(.unit, "unknown unit '\(unit)' in '\(text)'", hint: Units.hint(forUnknown: unit), at: span(from: start))
        case .outOfRange(let why): throw ScriptError(.value, why, at: span(from: start))
        case .notNumeric: throw error("malformed number '\(text)'", at: start, length: pos - start)
        }
    }
}
