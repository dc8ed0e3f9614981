import CLibEdit
import Foundation

/// An emacs-style line editor on the terminal (libedit), with persistent
/// history and Tab completion.
///
/// Use one editor per session from one thread. When standard input is not a
/// terminal, ``readLine(prompt:)`` reads plainly and prints no prompt.
public final class LineEditor {
    /// Called on Tab with the whole line and the cursor position (a count of
    /// characters); returns the word before the cursor and its candidates.
    public var completer: ((_ line: String, _ cursor: Int) -> Completion)?

    private var editLine: OpaquePointer?
    private var history: OpaquePointer?
    private let historyFile: HistoryFile?
    private var lastEntry: String?
    /// The prompt as a C string, handed to libedit by the prompt callback.
    private var promptText: UnsafeMutablePointer<CChar> = strdup("")

    /// Creates an editor.
    /// - Parameters:
    ///   - programName: The name libedit uses for `~/.editrc` sections.
    ///   - historyFile: The file history is loaded from and appended to
    ///     (created, with its directories, on the first entry), or `nil` for
    ///     history kept in memory only.
    ///   - historyLimit: The most entries kept, in memory and in the file.
    public init(programName: String, historyFile: String?, historyLimit: Int = 1000) {
        let limit = max(1, historyLimit)
        self.historyFile = historyFile.map { HistoryFile(path: $0, limit: limit) }
        virt_locale_init()
        history = virt_hist_open(Int32(clamping: limit))
        for entry in self.historyFile?.load() ?? [] { enterInMemory(entry) }
        guard LineEditor.isTerminal(fd: STDIN_FILENO), let history else { return }
        editLine = virt_el_open(programName, history, Unmanaged.passUnretained(self).toOpaque(),
                                { LineEditor.promptCallback($0) },
                                { LineEditor.completeCallback($0, $1) })
    }

    deinit {
        if let editLine { el_end(editLine) }
        if let history { history_end(history) }
        free(promptText)
    }

    /// Reads one line, showing `prompt`. The prompt may contain terminal
    /// escapes (colour) if each is enclosed in `\u{1}` characters.
    ///
    /// Ctrl-C discards the line being edited and returns
    /// ``ReadResult/interrupted``; Ctrl-D on an empty line returns
    /// ``ReadResult/endOfInput``. See ``Interrupt`` for Ctrl-C outside reads.
    public func readLine(prompt: String) -> ReadResult {
        guard let editLine else {
            return LineEditor.readPlainLine().map(ReadResult.line) ?? .endOfInput
        }
        free(promptText)
        promptText = strdup(prompt)
        return Interrupt.whileInstalled {
            Interrupt.clear()
            var count: Int32 = 0
            let text = el_gets(editLine, &count)
            if Interrupt.check() {
                Interrupt.clear()
                LineEditor.write("^C\n")
                return .interrupted
            }
            guard let text, count > 0 else {
                LineEditor.write("\n")
                return .endOfInput
            }
            var line = String(cString: text)
            if line.hasSuffix("\n") { line.removeLast() }
            return .line(line)
        }
    }

    /// Adds an entry to the history (so Up recalls it) and appends it to the
    /// history file. Blank entries and repeats of the last entry are skipped.
    /// Add a statement continued over several lines as one entry, its lines
    /// joined with newlines.
    public func addHistory(_ entry: String) {
        guard !entry.allSatisfy(\.isWhitespace), entry != lastEntry else { return }
        enterInMemory(entry)
        historyFile?.append(entry)
    }

    private func enterInMemory(_ entry: String) {
        lastEntry = entry
        if let history { virt_hist_enter(history, entry) }
    }

    /// The editor behind a libedit callback, from `EL_CLIENTDATA`.
    static func from(_ editLine: OpaquePointer?) -> LineEditor? {
        guard let editLine, let client = virt_el_client(editLine) else { return nil }
        return Unmanaged<LineEditor>.fromOpaque(client).takeUnretainedValue()
    }

    private static func promptCallback(_ editLine: OpaquePointer?) -> UnsafeMutablePointer<CChar>? {
        from(editLine)?.promptText
    }
}
