/// How lesson mode shows a step and a learner's progress.
enum StepText {
    /// The heading, prose and example code in file order, then the goals.
    static func render(_ step: Step, number: Int, of count: Int) -> String {
        var parts = ["── Step \(number) of \(count): \(step.title) ──"]
        for piece in step.shown {
            switch piece {
            case .prose(let text): parts.append(text)
            case .code(let text): parts.append(indent(text, by: "    "))
            }
        }
        if !step.goals.isEmpty {
            parts.append(step.goals.map { "Goal: \($0.text)" }.joined(separator: "\n"))
        }
        if !step.questions.isEmpty {
            parts.append(step.questions.map(\.prompt).joined(separator: "\n"))
        }
        return parts.joined(separator: "\n\n")
    }

    /// One line per step: ✓ done, ↷ skipped, ▸ the current one, · still to do.
    static func progress(of lesson: Lesson, _ progress: LessonProgress, current: Int) -> String {
        var lines = ["\(lesson.title) (\(lesson.id)): \(progress.status(of: lesson.steps.count))"]
        for (index, step) in lesson.steps.enumerated() {
            let number = index + 1
            let mark = progress.done.contains(number) ? "✓" : progress.skipped.contains(number) ? "↷" : index == current ? "▸" : "·"
            var line = "  \(mark) \(number) \(step.title)"
            if progress.skipped.contains(number) { line += " (skipped)" }
            if progress.revealed.contains(number) { line += " (solution seen)" }
            if index == current { line += "  ← you are here" }
            lines.append(line)
        }
        return lines.joined(separator: "\n")
    }

    /// Every line of `text` prefixed.
    static func indent(_ text: String, by prefix: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? "" : prefix + $0 }.joined(separator: "\n")
    }
}
