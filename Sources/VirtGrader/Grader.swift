import Foundation
import VirtBindings
import VirtLang
import VirtLessons

/// The grader's budgets (LANGUAGE.md "Limits"): the step budget alone decides
/// where a submission stops; the wall clock is a safety net against a slow machine.
public struct GradingLimits: Sendable {
    public var maxSteps = 10_000_000
    public var timeout = 10.0
    /// The largest submission read, in bytes.
    public var maxBytes = 1 << 20
    /// The most objects (hosts, VMs, NICs, …) a submission's world may hold, so a
    /// loop of `vm create` stops long before it exhausts memory; checked, like
    /// the wall clock, every 1,024 steps, so where it stops is deterministic.
    public var maxObjects = 100_000
    public init() {}
}

/// Grades submissions of one exercise (LESSONS.md "Exercises and grading"): a
/// fresh sandboxed session each, the exercise's setup, the submission, then
/// every check on its own copy of the state the submission left.
public struct Grader: Sendable {
    public let exercise: Exercise
    public var limits: GradingLimits
    /// Paths (after symlinks) a submission may not `source`: the class's submissions.
    public var forbidden: [String]

    /// Validates the exercise by running it: the setup must run and the reference
    /// solution must earn full marks; otherwise a `LessonError` says why.
    public init(exercise: Exercise, limits: GradingLimits = GradingLimits(), forbidden: [String] = []) throws {
        self.exercise = exercise
        self.limits = limits
        self.forbidden = forbidden
        let path = exercise.path
        do {
            _ = try setUp(submission: "")
        } catch let error as ScriptError {
            throw LessonError(path: error.fileName.isEmpty ? path : error.fileName, line: error.line,
                              "the setup fails: \(error.message)", hint: error.hint)
        }
        let reference = grade("reference solution", parts: exercise.reference.map { $0.source(in: path) })
        if let why = reference.unscored ?? reference.stopped {
            throw LessonError(path: path, line: exercise.reference[0].line, "the reference solution does not run to its end: \(why)")
        }
        if let failed = reference.checks.first(where: { $0.status != .passed }) {
            throw LessonError(path: path, line: failed.check.check.script.line - 1,
                              "the reference solution fails its own check '\(failed.name)': \(failed.feedback)",
                              hint: "fix the check or the solution: the solution must earn full marks")
        }
    }

    /// Grades a submission's bytes: text up to `maxBytes`, or 0 with the reason.
    public func grade(_ name: String, bytes: [UInt8]) -> SubmissionResult {
        if bytes.count > limits.maxBytes {
            return unscored(name, "the submission is larger than \(NumberFormat.grouped(limits.maxBytes)) bytes")
        }
        if let zero = bytes.firstIndex(of: 0) {
            return unscored(name, "the submission is not text (a zero byte at offset \(zero)); submit a .vlab script")
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            return unscored(name, "the submission is not text (it is not valid UTF-8); submit a .vlab script")
        }
        return grade(name, parts: [SourceFile(name: name, text: text)])
    }

    /// Runs `parts` in order as one submission and judges every check.
    func grade(_ name: String, parts: [SourceFile]) -> SubmissionResult {
        let clock = ContinuousClock(), start = clock.now
        let session: Interpreter
        do {
            session = try setUp(submission: name)
        } catch {
            return unscored(name, "the exercise's setup failed")
        }
        let deadline = Deadline(seconds: limits.timeout)
        let maxObjects = limits.maxObjects
        session.interruptCheck = { [unowned session] in
            if let box = session.world as? WorldBox, box.world.objectCount > maxObjects {
                return ScriptError(.limit, "stopped after the world grew past \(NumberFormat.grouped(maxObjects)) objects")
            }
            return deadline.check()
        }
        var stopped: String?
        do {
            for part in parts { try session.execute(part) }
        } catch let error as ScriptError {
            if deadline.passed {
                return unscored(name, "stopped by the \(NumberFormat.format(limits.timeout))s wall-clock safety net \(place(of: error, in: name)) before its \(NumberFormat.grouped(limits.maxSteps))-step budget ran out; how far it got depends on the machine, so it is not scored — ask your instructor to grade it again", since: start)
            }
            stopped = describe(error, in: name)
        } catch {
            stopped = "stopped: \(error)"
        }
        session.interruptCheck = nil
        session.maxSteps = Int.max
        let checks = exercise.checks.map { judge($0, on: session) }
        return SubmissionResult(submission: name, checks: checks, stopped: stopped, unscored: nil,
                                seconds: Self.seconds(since: start, clock))
    }

    /// A fresh sandboxed session after the exercise's setup, its step count back at 0.
    private func setUp(submission: String) throws -> Interpreter {
        let session = VirtLab.makeInterpreter()
        session.output = { _ in }
        session.sandboxed = true
        session.fileAccess = nil
        let sources = SandboxedSources(folder: exercise.folder, forbidden: forbidden, submission: submission)
        session.sourceLoader = { try sources.load($0, from: $1) }
        for setup in exercise.setups { try setup.run(in: session, path: exercise.path) }
        session.steps = 0
        session.maxSteps = limits.maxSteps
        return session
    }

    private func judge(_ graded: GradedCheck, on session: Interpreter) -> CheckResult {
        let clock = ContinuousClock(), start = clock.now
        var result = CheckResult(check: graded, status: .passed, message: "", kind: "", seconds: 0)
        switch graded.check.script.judge(on: session, path: exercise.path) {
        case .holds: break
        case .fails(let error):
            result.status = .failed
            result.kind = ErrorKind.expectation.rawValue
            result.message = error?.message ?? "the check's condition is false"
            for note in error?.notes ?? [] {
                let trimmed = note.trimmingCharacters(in: .whitespaces)
                if trimmed.hasPrefix("left:") { result.left = String(trimmed.dropFirst(5)).trimmingCharacters(in: .whitespaces) }
                if trimmed.hasPrefix("right:") { result.right = String(trimmed.dropFirst(6)).trimmingCharacters(in: .whitespaces) }
            }
        case .error(let error):
            result.status = .error
            result.kind = error.kind.rawValue
            result.message = error.message + (error.hint.map { " (hint: \($0))" } ?? "")
        }
        result.seconds = Self.seconds(since: start, clock)
        return result
    }

    /// "stopped after 10,000,000 steps at line 2", "stopped at line 5: host 'pm9' does not exist".
    private func describe(_ error: ScriptError, in name: String) -> String {
        let hint = error.hint.map { " (hint: \($0))" } ?? ""
        if error.kind == .syntax { return "did not run: syntax error \(place(of: error, in: name)): \(error.message)\(hint)" }
        if error.kind == .limit, error.message.hasPrefix("stopped") { return "\(error.message) \(place(of: error, in: name))" }
        return "stopped \(place(of: error, in: name)): \(error.message)\(hint)"
    }

    /// "at line 2" in the submission, "at lib.vlab:3" in a sourced file.
    private func place(of error: ScriptError, in name: String) -> String {
        guard error.span != nil else { return "at its end" }
        return error.fileName == name ? "at line \(error.line)" : "at \(error.fileName):\(error.line)"
    }

    /// A grade of 0 for a submission that could not be graded, saying why.
    func unscored(_ name: String, _ why: String, since start: ContinuousClock.Instant? = nil) -> SubmissionResult {
        let checks = exercise.checks.map {
            CheckResult(check: $0, status: .error, message: why, kind: "submission", seconds: 0)
        }
        return SubmissionResult(submission: name, checks: checks, stopped: nil, unscored: why,
                                seconds: start.map { Self.seconds(since: $0, ContinuousClock()) } ?? 0)
    }

    private static func seconds(since start: ContinuousClock.Instant, _ clock: ContinuousClock) -> Double {
        let d = clock.now - start
        return Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    }
}

/// A wall-clock deadline polled by the interpreter; remembers that it passed.
private final class Deadline: @unchecked Sendable {
    private let end: UInt64
    private let seconds: Double
    private(set) var passed = false

    init(seconds: Double) {
        self.seconds = seconds
        end = DispatchTime.now().uptimeNanoseconds &+ UInt64(min(seconds, 1e9) * 1e9)
    }

    func check() -> ScriptError? {
        guard DispatchTime.now().uptimeNanoseconds > end else { return nil }
        passed = true
        return ScriptError(.limit, "stopped after \(NumberFormat.format(seconds))s of real time")
    }
}
