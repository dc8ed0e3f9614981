/// How one check came out.
public enum CheckStatus: String, Sendable {
    case passed, failed, error
}

/// One check's verdict on one submission.
public struct CheckResult: Sendable {
    public var check: GradedCheck
    public var status: CheckStatus
    /// Why it did not pass ("" when it passed): the expectation's message or the error.
    public var message: String
    /// The failed expectation's two sides, when it compared two values.
    public var left: String?
    public var right: String?
    /// The error kind for `error` (`name`, `limit`, …), `expectation` for a failure.
    public var kind: String
    public var seconds: Double

    public var name: String { check.name }
    public var score: Int { status == .passed ? check.points : 0 }

    /// The message with both sides on one line, for formats that have one line.
    public var feedback: String {
        var parts = [message]
        if let left { parts.append("left: \(left)") }
        if let right { parts.append("right: \(right)") }
        return parts.filter { !$0.isEmpty }.joined(separator: "; ")
    }
}

/// One submission's grade.
public struct SubmissionResult: Sendable {
    /// The submission as named in reports (a file name in a class).
    public var submission: String
    public var checks: [CheckResult]
    /// Where and why the submission stopped before its end ("stopped after
    /// 10,000,000 steps at line 2"); its checks still ran on the state it reached.
    public var stopped: String?
    /// Why the submission could not be graded at all (not text, the wall-clock
    /// safety net): every check is an error and the score is 0.
    public var unscored: String?
    /// Real time the grading took (the only field that differs between runs).
    public var seconds: Double

    public var score: Int { checks.reduce(0) { $0 + $1.score } }
    public var maxScore: Int { checks.reduce(0) { $0 + $1.check.points } }
    public var passedAll: Bool { unscored == nil && checks.allSatisfy { $0.status == .passed } }
}
