/// A command of lesson mode, as opposed to a statement for the learner's session.
enum LessonCommand: Equatable {
    case run, goals, skip, back, restart, progress
    /// Optionally for another step than the current one (1-based).
    case hint(Int?), solution(Int?)

    /// The words that name lesson commands, for completion.
    static let words = ["run", "hint", "solution", "goals", "skip", "back", "restart", "progress"]

    /// The command a whole input line names, or nil when the line is a statement.
    init?(_ line: String) {
        let words = line.split(whereSeparator: \.isWhitespace)
        guard let first = words.first, words.count <= 2 else { return nil }
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
