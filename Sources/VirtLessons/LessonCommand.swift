/// A command of lesson mode, as opposed to a statement for the learner's session.
enum LessonCommand: Equatable {
    case run, goals, skip, back, restart, restartStep, progress
    /// Optionally for another step than the current one (1-based).
    case hint(Int?), solution(Int?)
    /// `answer VALUE`: the text after the word.
    case answer(String)
    /// `help` (the language's help, then the lesson commands) or `help WORD` for a lesson command.
    case help(String?)

    /// The words that name lesson commands, for completion.
    static let words = ["run", "hint", "solution", "goals", "answer", "skip", "back", "restart", "progress"]

    /// Every lesson command with what it does, for `help` in lesson mode.
    static let help = [
        ("run", "run the step's example, printing what each statement gives"),
        ("hint [N]", "the next hint for this step (or step N)"),
        ("solution [N]", "show a solution for this step (or step N); marks it as seen"),
        ("goals", "which of the step's goals and questions are met"),
        ("answer VALUE", "answer the step's next open question (a number, a quantity with its unit, or a choice)"),
        ("skip", "apply the solution and move on"),
        ("back", "go back to the previous step, its state rebuilt"),
        ("restart step", "this step again, from its starting state"),
        ("restart", "the whole lesson again, from step 1"),
        ("progress", "the lesson's steps and where you are"),
    ]

    /// The lesson commands as help text; `word` picks the entries of one command.
    static func helpText(for word: String? = nil) -> String {
        let entries = help.filter { word == nil || $0.0.split(separator: " ")[0] == word! }
        let width = entries.map(\.0.count).max() ?? 0
        let lines = entries.map { "  " + $0.0 + String(repeating: " ", count: width - $0.0.count) + "  " + $0.1 }
        return ((word == nil ? ["Lesson commands (a whole line each):"] : []) + lines).joined(separator: "\n")
    }

    /// The command a whole input line names, or nil when the line is a statement.
    init?(_ line: String) {
        let words = line.split(whereSeparator: \.isWhitespace)
        guard let first = words.first else { return nil }
        if first == "answer" {
            self = .answer(String(line.trimmed.dropFirst(6)).trimmed)
            return
        }
        guard words.count <= 2 else { return nil }
        if first == "help" {
            guard words.count == 2 else { self = .help(nil); return }
            guard Self.words.contains(String(words[1])) else { return nil }
            self = .help(String(words[1]))
            return
        }
        if words.count == 2, first == "restart", words[1] == "step" {
            self = .restartStep
            return
        }
        let number = words.count == 2 ? Int(words[1]) : nil
        if words.count == 2, number == nil { return nil }
        switch (first, number) {
        case ("hint", _): self = .hint(number)
        case ("solution", _): self = .solution(number)
        case ("run", nil): self = .run
        case ("goals", nil): self = .goals
        case ("skip", nil): self = .skip
        case ("back", nil): self = .back
        case ("restart", nil): self = .restart
        case ("progress", nil): self = .progress
        default: return nil
        }
    }
}
