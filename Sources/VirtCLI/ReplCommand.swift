import ArgumentParser
import Foundation
import VirtLang
import VirtLineEdit

/// `virtlab` with no arguments: the REPL on a terminal, plain statements from a pipe.
struct ReplCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "repl", abstract: "Start the interactive REPL (the default).")

    func run() throws {
        withLargeStack { Repl().loop() }
        Terminal.shared.flush()
    }
}

/// Reads statements, runs them, prints each value unless `none`.
struct Repl {
    let interactive = LineEditor.isTerminal(fd: 0)
    let progress = ProgressLine(enabled: LineEditor.isTerminal(fd: 0) && Terminal.shared.stderrIsTerminal)

    func loop() {
        let interpreter = SessionFactory.make(limits: Limits())
        interpreter.echoesValues = true
        let check = interpreter.interruptCheck
        interpreter.interruptCheck = { [progress] in
            progress.tick()
            return check?()
        }
        let completer = Completer(interpreter: interpreter)
        let input = LineInput { before in
            let result = completer.complete(before)
            return Completion(word: result.word, candidates: result.candidates, appendsSpace: result.appendsSpace)
        }
        if interactive { Terminal.shared.out("VirtLab — type 'help' for the commands, Ctrl-D to leave.") }
        var pending = ""
        while true {
            let line: String
            switch input.read(prompt: pending.isEmpty ? "virtlab> " : "     ...> ") {
            case .line(let text): line = text
            case .interrupted:
                pending = ""
                continue
            case .endOfInput where interactive && !pending.isEmpty:
                // Ctrl-D inside an unfinished statement abandons it, as a shell does.
                pending = ""
                continue
            case .endOfInput:
                // A pipe's last statement runs even when it is incomplete (its error says why).
                if !interactive, !pending.isEmpty { evaluate(pending, in: interpreter) }
                return
            }
            pending += pending.isEmpty ? line : "\n" + line
            if Parser.isIncomplete(pending) { continue }
            input.remember(pending)
            evaluate(pending, in: interpreter)
            pending = ""
        }
    }

    private func evaluate(_ text: String, in interpreter: Interpreter) {
        Interrupt.clear()
        progress.start()
        let result = Result { try interpreter.execute(text, name: "<repl>") }
        progress.finish()
        do {
            let value = try result.get()
            if case .none = value { return }
            Terminal.shared.out(TableFormat.render(value, width: Terminal.shared.columns))
        } catch let error as ScriptError {
            // The terminal echoed Ctrl-C as `^C`: start the report on a line of its own.
            if interactive, error.kind == .limit, error.message == "interrupted" { Terminal.shared.err("") }
            Terminal.shared.report(error)
        } catch {
            Terminal.shared.err("error: \(error)")
        }
    }
}
