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
    /// Renders `file:line:col: error: message`, the source line, a caret under the
    /// culprit, the notes and the hint. Colour only when `color` is set.
    public func rendered(color: Bool = false) -> String {
        let red = color ? "\u{1B}[1;31m" : "", bold = color ? "\u{1B}[1m" : ""
        let cyan = color ? "\u{1B}[36m" : "", reset = color ? "\u{1B}[0m" : ""
        guard let span else {
            var out = "\(red)error:\(reset) \(bold)\(message)\(reset)\n"
            if let hint { out += "\(cyan)hint:\(reset) \(hint)\n" }
            return out
        }
        let (line, column) = span.file.lineColumn(of: span.start)
        let source = span.file.line(line)
        var out = "\(bold)\(span.file.name):\(line):\(column):\(reset) \(red)error:\(reset) \(bold)\(message)\(reset)\n"
        let number = String(line)
        let gutter = String(repeating: " ", count: max(5, number.count + 1))
        out += String(gutter.dropLast(number.count)) + number + " | " + source + "\n"
        let lineText = Array(source)
        let end = span.file.lineColumn(of: max(span.start, span.end - 1))
        let caretEnd = end.line == line ? end.column : lineText.count
        let width = max(1, caretEnd - column + 1)
        out += gutter + " | " + String(repeating: " ", count: column - 1)
            + red + "^" + String(repeating: "~", count: width - 1) + reset + "\n"
        for note in notes { out += gutter + " " + note + "\n" }
        if let hint { out += "\(cyan)hint:\(reset) \(hint)\n" }
        return out
    }
}
