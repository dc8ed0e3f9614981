/// The outcome of one ``LineEditor/readLine(prompt:)`` call.
public enum ReadResult: Sendable, Equatable {
    /// A line the user entered, without its trailing newline. A history entry
    /// recalled with Up may contain embedded newlines (a multi-line statement).
    case line(String)
    /// Ctrl-C: the line being edited was discarded. The editor has already
    /// printed `^C` and moved to a fresh line.
    case interrupted
    /// Ctrl-D on an empty line (or the end of piped input). The editor has
    /// already moved to a fresh line.
    case endOfInput
}
