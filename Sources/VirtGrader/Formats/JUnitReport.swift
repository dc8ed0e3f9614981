import VirtLang

/// JUnit XML: a `testsuite` per submission with counts and time, a `testcase`
/// per check, `<failure>` for a failed expectation and `<error>` for any other
/// error; a class is a `testsuites` of them.
enum JUnitReport {
    static func render(_ results: [SubmissionResult], of exercise: Exercise, asClass: Bool) -> String {
        var lines = [#"<?xml version="1.0" encoding="UTF-8"?>"#]
        let indent = asClass ? "  " : ""
        if asClass {
            let failures = results.reduce(0) { $0 + $1.checks.filter { $0.status == .failed }.count }
            let errors = results.reduce(0) { $0 + $1.checks.filter { $0.status == .error }.count }
            let time = results.reduce(0) { $0 + $1.seconds }
            lines.append("<testsuites name=\(attr(exercise.lesson.id)) tests=\"\(results.count * exercise.checks.count)\" failures=\"\(failures)\" errors=\"\(errors)\" time=\"\(seconds(time))\">")
        }
        for result in results { lines += suite(result, of: exercise).map { indent + $0 } }
        if asClass { lines.append("</testsuites>") }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func suite(_ result: SubmissionResult, of exercise: Exercise) -> [String] {
        let failures = result.checks.filter { $0.status == .failed }.count
        let errors = result.checks.filter { $0.status == .error }.count
        var lines = ["<testsuite name=\(attr("\(exercise.lesson.id): \(result.submission)")) tests=\"\(result.checks.count)\" failures=\"\(failures)\" errors=\"\(errors)\" skipped=\"0\" time=\"\(seconds(result.seconds))\">"]
        lines.append("  <properties>")
        lines.append("    <property name=\"score\" value=\"\(result.score)\"/>")
        lines.append("    <property name=\"max_score\" value=\"\(result.maxScore)\"/>")
        lines.append("  </properties>")
        for c in result.checks {
            let open = "  <testcase name=\(attr(c.name + (c.check.hidden ? " (hidden)" : ""))) classname=\(attr("\(exercise.lesson.id).step\(c.check.step)")) time=\"\(seconds(c.seconds))\""
            switch c.status {
            case .passed:
                lines.append(open + "/>")
            case .failed, .error:
                let tag = c.status == .failed ? "failure" : "error"
                let body = [c.left.map { "left:  \($0)" }, c.right.map { "right: \($0)" }].compactMap { $0 }.joined(separator: "\n")
                lines.append(open + ">")
                lines.append("    <\(tag) message=\(attr(c.message)) type=\(attr(c.kind))>\(text(body))</\(tag)>")
                lines.append("  </testcase>")
            }
        }
        if let note = result.unscored.map({ "not graded: \($0)" }) ?? result.stopped {
            lines.append("  <system-out>\(text(note))</system-out>")
        }
        lines.append("</testsuite>")
        return lines
    }

    private static func seconds(_ s: Double) -> String { NumberFormat.format(s.milliRounded) }

    /// A quoted attribute value.
    private static func attr(_ s: String) -> String { "\"" + text(s).replacingOccurrences(of: "\"", with: "&quot;") + "\"" }

    /// Character data: markup escaped, and characters XML 1.0 forbids replaced.
    private static func text(_ s: String) -> String {
        var out = ""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\n", "\t": out.unicodeScalars.append(scalar)
            case "\r": out += "&#13;"
            default:
                let v = scalar.value
                let allowed = v >= 0x20 && !(0xFFFE...0xFFFF).contains(v)
                out.unicodeScalars.append(allowed ? scalar : "\u{FFFD}")
            }
        }
        return out
    }
}
