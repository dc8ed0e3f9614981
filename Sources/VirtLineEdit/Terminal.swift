import CLibEdit
import Foundation

/// The standard stream a message goes to.
public enum StandardStream: Sendable {
    /// Standard output (results).
    case output
    /// Standard error (diagnostics).
    case error
}

extension LineEditor {
    /// Whether `fd` is a terminal (`isatty`). Use the editor only when
    /// standard input is one; read piped input with ``readPlainLine()``.
    public static func isTerminal(fd: Int32) -> Bool {
        isatty(fd) != 0
    }

    /// Reads one line from standard input without editing, or `nil` at the
    /// end of input. The trailing newline is removed.
    public static func readPlainLine() -> String? {
        Swift.readLine(strippingNewline: true)
    }

    /// Writes `text` to standard output or error through C stdio and flushes
    /// it, keeping it ordered with `print` and the editor's own output.
    public static func write(_ text: String, to stream: StandardStream = .output) {
        virt_write(stream == .error ? 2 : 1, text)
    }

    /// The history file's default location:
    /// `$XDG_STATE_HOME/virtlab/history`, else `~/.local/state/virtlab/history`.
    public static func defaultHistoryPath(environment: [String: String]) -> String {
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
            return state + "/virtlab/history"
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? FileManager.default.homeDirectoryForCurrentUser.path
        return home + "/.local/state/virtlab/history"
    }
}
