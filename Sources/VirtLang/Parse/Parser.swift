/// Recursive-descent parser from source text to statement nodes. Knows the
/// difference between wrong input and incomplete input (the REPL continues the latter).
public struct Parser {
    let file: SourceFile
    let b: [UInt8]
    var pos = 0
    /// Inside `[ ]` and `( )` newlines are plain white space.
    var newlinesAreSpace = false
    var loopDepth = 0
    /// How deeply statements and expressions nest; bounded so the parser's recursion is.
    var depth = 0
    static let maxDepth = 200
    /// The scope of the proc being parsed, nil at top level.
    var scope: ProcScope?

    /// The locals of one proc and the variable uses to bind to them.
    final class ProcScope {
        var locals: [String] = []
        var uses: [VariableExpr] = []
        func slot(for name: String) -> Int {
            if let i = locals.firstIndex(of: name) { return i }
            locals.append(name)
            return locals.count - 1
        }
    }

    init(file: SourceFile) {
        self.file = file
        b = file.bytes
    }

    /// Parses a whole script.
    public static func parse(_ file: SourceFile) throws -> [Stmt] {
        var parser = Parser(file: file)
        return try parser.parseStatements(until: nil)
    }

    /// Parses and discards: for `virtlab check`.
    public static func check(_ file: SourceFile) throws { _ = try parse(file) }

    /// True when the text ends inside a `{`, `(`, `[` or string: the REPL asks for more.
    public static func isIncomplete(_ text: String) -> Bool {
        if text.hasSuffix("\\") { return true }
        do {
            _ = try parse(SourceFile(name: "<repl>", text: text))
            return false
        } catch let error as ScriptError {
            return error.isIncomplete
        } catch {
            return false
        }
    }

    // MARK: - Helpers

    var atEnd: Bool { pos >= b.count }
    var peek: UInt8 { pos < b.count ? b[pos] : 0 }
    func peek(_ k: Int) -> UInt8 { pos + k < b.count ? b[pos + k] : 0 }

    func span(from start: Int) -> SourceSpan { SourceSpan(file: file, start: start, end: max(start, pos)) }
    func span(_ start: Int, _ end: Int) -> SourceSpan { SourceSpan(file: file, start: start, end: end) }

    func error(_ message: String, at start: Int, length: Int = 1, hint: String? = nil) -> ScriptError {
        ScriptError(.syntax, message, hint: hint, at: span(start, min(b.count, start + length)))
    }

    func incomplete(_ message: String, opener: Int) -> ScriptError {
        ScriptError(.syntax, message, at: span(opener, opener + 1), incomplete: true)
    }

    /// Skips blanks, comments and `\`-newline joins; newlines too when they are space here.
    mutating func skipSpace() {
        while pos < b.count {
            let c = b[pos]
            if Lexer.isSpace(c) {
                pos += 1
            } else if c == 92, peek(1) == 10 {
                pos += 2
            } else if c == 92, peek(1) == 13, peek(2) == 10 {
                pos += 3
            } else if c == 10, newlinesAreSpace {
                pos += 1
            } else if c == 35 {
                while pos < b.count, b[pos] != 10 { pos += 1 }
            } else {
                return
            }
        }
    }

    /// Skips blanks, newlines, `;` and comments between statements.
    mutating func skipSeparators() {
        while true {
            skipSpace()
            if pos < b.count, b[pos] == 10 || b[pos] == 59 { pos += 1 } else { return }
        }
    }

    /// An identifier-like word at `pos` (letters, digits, `_`, `-`), without consuming it.
    func wordAhead() -> String? {
        guard pos < b.count, Lexer.isLetter(b[pos]) || b[pos] == 95 else { return nil }
        var end = pos
        while end < b.count, Lexer.isWordChar(b[end]) { end += 1 }
        return String(decoding: b[pos..<end], as: UTF8.self)
    }

    /// True when `word` stands at `pos` as a whole word.
    func atKeyword(_ word: String) -> Bool {
        let w = Array(word.utf8)
        guard pos + w.count <= b.count, Array(b[pos..<pos + w.count]) == w else { return false }
        return pos + w.count == b.count || !Lexer.isWordChar(b[pos + w.count])
    }

    mutating func expectKeyword(_ word: String, after what: String) throws {
        skipSpace()
        guard atKeyword(word) else {
            if atEnd { throw incomplete("expected '\(word)' after \(what)", opener: max(0, pos - 1)) }
            throw error("expected '\(word)' after \(what)", at: pos)
        }
        pos += word.utf8.count
    }

    /// A variable or parameter name.
    mutating func parseName(for what: String) throws -> (String, SourceSpan) {
        skipSpace()
        let start = pos
        guard pos < b.count, Lexer.isLetter(b[pos]) || b[pos] == 95 else {
            if atEnd { throw incomplete("expected a name for \(what)", opener: max(0, pos - 1)) }
            throw error("expected a name for \(what)", at: pos,
                        hint: peek == 36 ? "write the name without '$'" : "names start with a letter or '_'")
        }
        while pos < b.count, Lexer.isNameChar(b[pos]) { pos += 1 }
        if pos < b.count, b[pos] == 45 {
            throw error("variable names cannot contain '-'", at: pos, hint: "use '_' instead")
        }
        return (String(decoding: b[start..<pos], as: UTF8.self), span(from: start))
    }

    /// Enters one level of nesting; too deep is a syntax error, never a crash.
    mutating func nest() throws {
        depth += 1
        if depth > Parser.maxDepth {
            throw error("nested more than \(Parser.maxDepth) levels deep", at: pos, hint: "split it into procs")
        }
    }

    /// Binds a name in the current scope; returns its slot, or -1 for a global.
    mutating func bind(_ name: String) -> Int { scope?.slot(for: name) ?? -1 }
}
