import VirtLang

/// The readable report: one line per check with ✓/✗, points and feedback (the
/// expectation's two sides below it); for a class, one line per submission and
/// the class summary.
enum TextReport {
    static func submission(_ result: SubmissionResult, of exercise: Exercise) -> String {
        var lines = ["\(exercise.lesson.title) — \(result.submission)"]
        let nameWidth = result.checks.map { label($0.check).count }.max() ?? 0
        let pointsWidth = result.checks.map { "\($0.score)/\($0.check.points)".count }.max() ?? 0
        for c in result.checks {
            let points = "\(c.score)/\(c.check.points)"
            var line = "  \(c.status == .passed ? "✓" : "✗") " + label(c.check).padded(nameWidth)
                + "  " + aligned(points, pointsWidth)
            if c.status != .passed { line += "  " + (c.status == .error ? "error: " : "") + c.message }
            lines.append(line)
            let indent = String(repeating: " ", count: 4 + nameWidth + 2 + pointsWidth + 2)
            if let left = c.left { lines.append(indent + "left:  " + left) }
            if let right = c.right { lines.append(indent + "right: " + right) }
        }
        if let why = result.unscored { lines.append("  not graded: \(why)") }
        if let why = result.stopped { lines.append("  the script \(why)") }
        lines.append("score: \(result.score)/\(result.maxScore)" + (exercise.hiddenNotice.map { " (\($0))" } ?? ""))
        return lines.joined(separator: "\n") + "\n"
    }

    /// One line per submission, then the score histogram and each check's pass rate as bars.
    static func classReport(_ results: [SubmissionResult], of exercise: Exercise) -> String {
        let summary = ClassSummary(results, of: exercise)
        var lines = ["\(exercise.lesson.title) (\(exercise.path)): \(results.count) submission\(results.count == 1 ? "" : "s")", ""]
        let nameWidth = results.map(\.submission.count).max() ?? 0
        let scoreWidth = "\(exercise.maxScore)/\(exercise.maxScore)".count
        for r in results {
            let score = "\(r.score)/\(r.maxScore)"
            var line = "  " + r.submission.padded(nameWidth) + "  " + aligned(score, scoreWidth)
            if let why = r.unscored { line += "  not graded: \(why)" } else if let why = r.stopped { line += "  \(why)" }
            lines.append(line)
        }
        lines += ["", "Scores (mean \(NumberFormat.format(summary.mean)), median \(NumberFormat.format(summary.median)) of \(exercise.maxScore))"]
        let histogram = summary.histogram
        let labelWidth = histogram.map(\.label.count).max() ?? 0
        let most = histogram.map(\.count).max() ?? 0
        for row in histogram {
            lines.append("  " + aligned(row.label, labelWidth)
                         + " | " + ClassSummary.bar(row.count, of: most) + " \(row.count)")
        }
        lines += ["", "Checks passed"]
        let labels = exercise.checks.map { label($0) + " [\($0.points)]" }
        let checkWidth = labels.map(\.count).max() ?? 0
        for (text, pass) in zip(labels, summary.checkPasses) {
            let percent = results.isEmpty ? 0 : Int((Double(pass.passed) / Double(results.count) * 100).rounded())
            lines.append("  " + text.padded(checkWidth) + " | " + ClassSummary.bar(pass.passed, of: results.count)
                         + " " + aligned("\(percent)%", 4) + "  \(pass.passed)/\(results.count)")
        }
        if let notice = exercise.hiddenNotice { lines += ["", notice] }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A check's name, marked when hidden.
    private static func label(_ check: GradedCheck) -> String {
        check.hidden ? check.name + " (hidden)" : check.name
    }

    /// The text right-aligned in `width` characters.
    private static func aligned(_ text: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - text.count)) + text
    }
}
