/// The kinds of error of LANGUAGE.md "Errors"; a `catch` sees them as the `kind` field.
public enum ErrorKind: String, Sendable, CaseIterable {
    case syntax, name, type, unit, value, state, expectation, io, sandbox, limit
}

/// The one diagnostic type: message, kind, hint, where, and extra note lines
/// (an expectation's left and right values).
public struct ScriptError: Error, Sendable {
    public var kind: ErrorKind
    public var message: String
    public var hint: String?
    public var span: SourceSpan?
    public var notes: [String]
    /// Set by the parser when the input ended inside a `{`, `(`, `[` or string:
    /// the REPL continues the statement on another line instead of failing it.
    public var isIncomplete: Bool

    public init(_ kind: ErrorKind, _ message: String, hint: String? = nil, at span: SourceSpan? = nil,
                notes: [String] = [], incomplete: Bool = false) {
        self.kind = kind
        self.message = message
        self.hint = hint
        self.span = span
        self.notes = notes
        isIncomplete = incomplete
    }

    /// Limit errors (steps, time, recursion, interrupts) cannot be caught by `try`.
    public var isCatchable: Bool { kind != .limit }

    /// 1-based line of the error, 0 when it has no place.
    public var line: Int { span.map { $0.file.lineColumn(of: $0.start).line } ?? 0 }
    public var column: Int { span.map { $0.file.lineColumn(of: $0.start).column } ?? 0 }
    public var fileName: String { span?.file.name ?? "" }

    /// The error as a record, as `catch ERR` binds it.
    public var record: Record {
        Record([("message", .string(message)), ("kind", .string(kind.rawValue)),
                ("line", .int(line)), ("column", .int(column)), ("file", .string(fileName)),
                ("hint", hint.map(Value.string) ?? .none)])
    }
}

extension ScriptError {
    /// The most characters of a source line an error shows.
    static let shownLine = 240
    /// The most characters of a message shown (a message may quote a huge value).
    static let shownMessage = 2_000

    static func clip(_ text: String) -> String {
        text.count > shownMessage ? text.prefix(shownMessage) + "… (\(text.count - shownMessage) more characters)" : text
    }

    /// Renders `file:line:col: error: message`, the source line, a caret under the
    /// culprit, the notes and the hint. Colour only when `color` is set.
    public func rendered(color: Bool = false) -> String {
        let red = color ? "\u{1B}[1;31m" : "", bold = color ? "\u{1B}[1m" : ""
        let cyan = color ? "\u{1B}[36m" : "", reset = color ? "\u{1B}[0m" : ""
        guard let span else {
            var out = "\(red)error:\(reset) \(bold)\(ScriptError.clip(message))\(reset)\n"
            if let hint { out += "\(cyan)hint:\(reset) \(ScriptError.clip(hint))\n" }
            return out
        }
        let (line, column) = span.file.lineColumn(of: span.start)
        let lineText = Array(span.file.line(line))
        var out = "\(bold)\(span.file.name):\(line):\(column):\(reset) \(red)error:\(reset) \(bold)\(ScriptError.clip(message))\(reset)\n"
        let number = String(line)
        let gutter = String(repeating: " ", count: max(5, number.count + 1))
        let end = span.file.lineColumn(of: max(span.start, span.end - 1))
        let caretEnd = end.line == line ? end.column : lineText.count
        // A long line is shown as a window around the caret, marked with … where cut.
        let first = lineText.count > ScriptError.shownLine ? max(0, column - 1 - ScriptError.shownLine / 3) : 0
        let last = min(lineText.count, first + ScriptError.shownLine)
        let shown = (first > 0 ? "…" : "") + String(lineText[first..<last]) + (last < lineText.count ? "…" : "")
        out += String(gutter.dropLast(number.count)) + number + " | " + shown + "\n"
        let caretColumn = column - first + (first > 0 ? 1 : 0)
        let width = max(1, min(caretEnd, last) - column + 1)
        out += gutter + " | " + String(repeating: " ", count: caretColumn - 1)
            + red + "^" + String(repeating: "~", count: width - 1) + reset + "\n"
        for note in notes { out += gutter + " " + note + "\n" }
        if let hint { out += "\(cyan)hint:\(reset) \(ScriptError.clip(hint))\n" }
        return out
    }
}
