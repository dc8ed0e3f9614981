import VirtLang

/// The JSON formats: the tool's own schema, Gradescope's results.json and
/// Exercism's test-runner results.json version 3. Keys keep a fixed order.
enum JSONReports {
    /// `{"exercise", "submission", "score", "max_score", "hidden_points", "stopped", "error", "execution_time", "checks"}`.
    static func own(_ result: SubmissionResult, of exercise: Exercise) -> String {
        JSONText.encode(.record(Record([("exercise", exerciseRecord(exercise))] + submissionFields(result)))) + "\n"
    }

    /// `{"exercise", "submissions": [...], "summary": {...}}`.
    static func classReport(_ results: [SubmissionResult], of exercise: Exercise) -> String {
        let summary = ClassSummary(results, of: exercise)
        let checks: [Value] = summary.checkPasses.map { name, passed in
            .record(Record([("name", .string(name)), ("passed", .int(passed))]))
        }
        let summaryRecord = Record([("submissions", .int(results.count)), ("mean", .double(summary.mean)),
                                    ("median", .double(summary.median)), ("checks", .list(checks))])
        return JSONText.encode(.record(Record([
            ("exercise", exerciseRecord(exercise)),
            ("submissions", .list(results.map { .record(Record(submissionFields($0))) })),
            ("summary", .record(summaryRecord)),
        ]))) + "\n"
    }

    private static func exerciseRecord(_ exercise: Exercise) -> Value {
        .record(Record([("id", .string(exercise.lesson.id)), ("title", .string(exercise.lesson.title)),
                        ("file", .string(exercise.path)), ("max_score", .int(exercise.maxScore)),
                        ("hidden_points", .int(exercise.hiddenPoints))]))
    }

    private static func submissionFields(_ result: SubmissionResult) -> [(String, Value)] {
        let checks: [Value] = result.checks.map { c in
            .record(Record([
                ("name", .string(c.name)), ("step", .int(c.check.step)), ("points", .int(c.check.points)),
                ("score", .int(c.score)), ("hidden", .bool(c.check.hidden)), ("status", .string(c.status.rawValue)),
                ("message", c.message.isEmpty ? .none : .string(c.message)),
                ("left", c.left.map(Value.string) ?? .none), ("right", c.right.map(Value.string) ?? .none),
            ]))
        }
        return [
            ("submission", .string(result.submission)), ("score", .int(result.score)), ("max_score", .int(result.maxScore)),
            ("stopped", result.stopped.map(Value.string) ?? .none), ("error", result.unscored.map(Value.string) ?? .none),
            ("execution_time", .double(result.seconds.milliRounded)), ("checks", .list(checks)),
        ]
    }

    /// Gradescope's results.json: hidden checks are `after_published`, and the
    /// top-level output says how many points they carry.
    static func gradescope(_ result: SubmissionResult, of exercise: Exercise) -> String {
        let tests: [Value] = result.checks.map { c in
            .record(Record([
                ("name", .string(c.name + (c.check.hidden ? " (hidden)" : ""))),
                ("score", .int(c.score)), ("max_score", .int(c.check.points)),
                ("status", .string(c.status == .passed ? "passed" : "failed")),
                ("output", .string(c.status == .passed ? "passed" : (c.status == .error ? "error: " : "") + c.feedback)),
                ("visibility", .string(c.check.hidden ? "after_published" : "visible")),
            ]))
        }
        let output = [result.unscored.map { "Not graded: \($0)" }, result.stopped.map { "Your script \($0)." },
                      "Score: \(result.score)/\(result.maxScore).", exercise.hiddenNotice.map { $0 + "." }]
            .compactMap { $0 }.joined(separator: "\n")
        return JSONText.encode(.record(Record([
            ("score", .int(result.score)), ("execution_time", .double(result.seconds.milliRounded)),
            ("output", .string(output)), ("tests", .list(tests)),
        ]))) + "\n"
    }

    /// Exercism's results.json version 3: `error` only when the submission could
    /// not run at all (not text, a syntax error, the wall clock), with a top-level message.
    static func exercism(_ result: SubmissionResult, of exercise: Exercise) -> String {
        let notRun = result.unscored ?? result.stopped.flatMap { $0.hasPrefix("did not run") ? $0 : nil }
        let status = notRun != nil ? "error" : result.passedAll ? "pass" : "fail"
        let tests: [Value] = result.checks.map { c in
            .record(Record([
                ("name", .string(c.name)),
                ("status", .string(c.status == .passed ? "pass" : c.status == .failed ? "fail" : "error")),
                ("message", c.status == .passed ? .none : .string(c.feedback)),
                ("test_code", .string(c.check.hidden ? "(hidden)" : c.check.check.script.text)),
                ("task_id", .int(c.check.step)),
            ]))
        }
        var fields: [(String, Value)] = [("version", .int(3)), ("status", .string(status))]
        if let notRun { fields.append(("message", .string(notRun))) }
        fields.append(("tests", .list(tests)))
        return JSONText.encode(.record(Record(fields))) + "\n"
    }
}
