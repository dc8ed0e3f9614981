import VirtLang

/// TAP version 13 (what Perl's `prove` reads) with YAML diagnostics under each
/// check that did not pass.
enum TAPReport {
    static func render(_ result: SubmissionResult, of exercise: Exercise) -> String {
        var lines = ["TAP version 13", "1..\(result.checks.count)"]
        for (index, c) in result.checks.enumerated() {
            let description = (c.name + (c.check.hidden ? " (hidden)" : "") + " [\(c.score)/\(c.check.points)]")
                .replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "#", with: "\\#")
            lines.append("\(c.status == .passed ? "ok" : "not ok") \(index + 1) - \(description)")
            guard c.status != .passed else { continue }
            lines += ["  ---", "  message: \(JSONText.quote(c.message))",
                      "  severity: \(c.status == .failed ? "fail" : "error")", "  data:",
                      "    kind: \(JSONText.quote(c.kind))", "    step: \(c.check.step)"]
            if let left = c.left { lines.append("    left: \(JSONText.quote(left))") }
            if let right = c.right { lines.append("    right: \(JSONText.quote(right))") }
            lines.append("  ...")
        }
        let notes = [result.unscored.map { "not graded: \($0)" }, result.stopped,
                     "score \(result.score)/\(result.maxScore)", exercise.hiddenNotice]
        lines += notes.compactMap { $0 }.flatMap { $0.split(separator: "\n").map { "# " + $0 } }
        return lines.joined(separator: "\n") + "\n"
    }
}
