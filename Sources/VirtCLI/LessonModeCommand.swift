import ArgumentParser
import Foundation
import VirtLang
import VirtLessons
import VirtLineEdit

/// `virtlab lesson [ID]`: lesson mode, on a terminal or with piped input.
struct LessonModeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lesson", abstract: "Take a lesson (by default the first one not done).")

    @Argument(help: "The lesson's id, or the start of it (00).") var id: String?
    @OptionGroup var place: LessonPlace

    func run() throws {
        let library = try place.library()
        let store = place.store
        guard let lesson = try choose(from: library, store: store) else { return }
        recommendRequired(by: lesson, in: library, store: store)
        withLargeStack {
            let session = LessonSession(
                lesson: lesson, store: store, makeSession: { SessionFactory.make(limits: Limits()) },
                color: Terminal.shared.colorErrors, out: { Terminal.shared.out($0) }, err: { Terminal.shared.err($0) })
            session.tableWidth = { Terminal.shared.columns }
            LessonLoop(session: session).run()
        }
        Terminal.shared.flush()
    }

    /// The lesson `id` names, or the first one not done.
    private func choose(from library: LessonLibrary, store: ProgressStore) throws -> Lesson? {
        if let id {
            guard let lesson = library.find(id) else {
                Terminal.shared.err("error: no lesson '\(id)'\nhint: the lessons are \(library.lessons.map(\.id).joined(separator: ", "))")
                throw ExitCode(1)
            }
            return lesson
        }
        let progress = (try? store.load()) ?? [:]
        guard let lesson = library.lessons.first(where: {
            progress[$0.id, default: LessonProgress()].firstUnfinished(of: $0.steps.count) != nil
        }) else {
            Terminal.shared.out(library.lessons.isEmpty ? "No lessons in \(place.directory)." : "Every lesson is done. Take one again with: virtlab lesson ID")
            return nil
        }
        return lesson
    }

    /// `requires` carries no state; it only recommends finishing those lessons first.
    private func recommendRequired(by lesson: Lesson, in library: LessonLibrary, store: ProgressStore) {
        let progress = (try? store.load()) ?? [:]
        let unfinished = lesson.requires.filter { id in
            library.find(id).map { progress[id, default: LessonProgress()].firstUnfinished(of: $0.steps.count) != nil } ?? false
        }
        if !unfinished.isEmpty {
            Terminal.shared.out("This lesson builds on \(unfinished.joined(separator: ", ")), which you have not finished; you may want to take it first.\n")
        }
    }
}

/// Feeds lesson mode from the line editor on a terminal, or plain lines from a pipe.
struct LessonLoop {
    let session: LessonSession

    func run() {
        let input = LineInput { [session] before in
            let result = Completer(interpreter: session.interpreter).complete(before)
            var candidates = result.candidates
            if !before.contains(" ") {
                candidates = (candidates + LessonSession.commandWords.filter { $0.hasPrefix(before) }).sorted()
            }
            return Completion(word: result.word, candidates: candidates, appendsSpace: result.appendsSpace)
        }
        session.open()
        while true {
            Terminal.shared.flush()
            switch input.read(prompt: session.prompt) {
            case .line(let line):
                if !line.trimmingCharacters(in: .whitespaces).isEmpty { input.remember(line) }
                Interrupt.clear()
                session.feed(line)
            case .interrupted:
                session.discardPending()
            case .endOfInput:
                if !input.isInteractive { session.endOfInput() }
                return
            }
        }
    }
}
