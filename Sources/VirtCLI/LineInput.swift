import Foundation
import VirtLineEdit

/// Where the REPL and lesson mode read: the line editor on a terminal (history,
/// Tab completion, Ctrl-C), plain lines when stdin is a pipe.
struct LineInput {
    let editor: LineEditor?

    /// - Parameter complete: the completion for the text before the cursor.
    init(complete: @escaping (String) -> Completion) {
        guard LineEditor.isTerminal(fd: 0) else {
            editor = nil
            return
        }
        let path = LineEditor.defaultHistoryPath(environment: ProcessInfo.processInfo.environment)
        let editor = LineEditor(programName: "virtlab", historyFile: path)
        editor.completer = { line, cursor in complete(String(line.prefix(cursor))) }
        self.editor = editor
        Interrupt.install()
    }

    var isInteractive: Bool { editor != nil }

    /// The next line; `.interrupted` for Ctrl-C at the prompt, `.endOfInput` for Ctrl-D or the pipe's end.
    func read(prompt: String) -> ReadResult {
        if let editor { return editor.readLine(prompt: prompt) }
        return LineEditor.readPlainLine().map(ReadResult.line) ?? .endOfInput
    }

    /// Adds an entry to the history (nothing when reading a pipe).
    func remember(_ entry: String) { editor?.addHistory(entry) }
}
