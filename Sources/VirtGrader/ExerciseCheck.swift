/// `virtlab grade --check`: an exercise is sound when its reference solution
/// earns full marks (checked when the grader is made), each `wrong` block loses
/// some points, and every check is failed by some wrong attempt.
public struct ExerciseCheck {
    /// One line per finding, `ok   …` or `FAIL …`.
    public private(set) var lines: [String] = []
    public private(set) var failed = 0

    public init(_ grader: Grader) {
        let exercise = grader.exercise
        lines.append("ok   reference solution: \(exercise.maxScore)/\(exercise.maxScore)")
        var everFailed = Set<String>()
        for wrong in exercise.wrongs {
            let result = grader.grade("wrong attempt", parts: wrong.blocks.map { $0.source(in: exercise.path) })
            let missed = result.checks.filter { $0.status != .passed }.map(\.name)
            everFailed.formUnion(missed)
            let place = "wrong attempt at \(exercise.path):\(wrong.line)"
            if missed.isEmpty {
                report(false, "\(place): \(result.score)/\(result.maxScore) — it earns full marks, so the checks check too little")
            } else {
                report(true, "\(place): \(result.score)/\(result.maxScore) (fails \(missed.joined(separator: ", ")))")
            }
        }
        for graded in exercise.checks where !everFailed.contains(graded.name) {
            report(false, "check '\(graded.name)' at \(exercise.path):\(graded.check.script.line - 1): no wrong attempt makes it fail, so it may be vacuous — add a ```wrong block that misses it")
        }
        let empty = grader.grade("empty submission", parts: [])
        if empty.score > 0 {
            let held = empty.checks.filter { $0.status == .passed }.map(\.name)
            lines.append("note an empty submission earns \(empty.score)/\(empty.maxScore): \(held.joined(separator: ", ")) \(held.count == 1 ? "holds" : "hold") after the setup")
        }
        lines.append(failed == 0 ? "the exercise is sound" : "\(failed) problem\(failed == 1 ? "" : "s")")
    }

    private mutating func report(_ ok: Bool, _ text: String) {
        if !ok { failed += 1 }
        lines.append((ok ? "ok   " : "FAIL ") + text)
    }
}
