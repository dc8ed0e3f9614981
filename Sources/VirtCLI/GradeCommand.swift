import ArgumentParser
import Foundation
import VirtFiles
import VirtGrader
import VirtLang

extension ReportFormat: ExpressibleByArgument {}

/// `virtlab grade EXERCISE.md SUBMISSION.vlab|DIR/ [--format F] [--output FILE]` and
/// `virtlab grade --check EXERCISE.md` (LESSONS.md "Exercises and grading").
/// Exit 0 when grading ran, 2 when the exercise is broken, 64 on bad usage.
struct GradeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "grade",
        abstract: "Grade a submission, or a folder of them, against an exercise's checks.",
        discussion: "Exit status: 0 when grading ran (whatever the score), 2 when the exercise is broken, 64 on bad usage.")

    @Argument(help: "The exercise file (lesson format, with check blocks).") var exercise: String
    @Argument(help: "A .vlab submission, or a folder of them.") var submission: String?
    @Option(help: "text, json, gradescope, junit, tap, exercism or csv.") var format: ReportFormat = .text
    @Option(help: "Write the results to this file (atomically) instead of standard output.") var output: String?
    @Flag(help: "Validate the exercise: the solution earns full marks, each wrong attempt loses some, every check can fail.")
    var check = false
    @Option(help: "Submissions graded at once in a folder (default: the number of cores).") var jobs: Int?
    @OptionGroup var limits: LimitOptions

    func validate() throws {
        if let jobs, jobs < 1 || jobs > 1024 { throw ValidationError("--jobs must be between 1 and 1024") }
        if check, submission != nil { throw ValidationError("--check validates an exercise: give no submission") }
        if !check, submission == nil { throw ValidationError("give a submission file or folder to grade (or --check)") }
        if check, output != nil { throw ValidationError("--check prints its findings; --output is for grades") }
    }

    func run() throws {
        guard FileManager.default.fileExists(atPath: exercise) else { throw usage("no exercise file '\(exercise)'") }
        if isFolder(exercise) { throw usage("'\(exercise)' is a folder; name the exercise's .md file") }
        var gradingLimits = GradingLimits()
        if let maxSteps = limits.maxSteps { gradingLimits.maxSteps = maxSteps }
        if let timeout = limits.timeout { gradingLimits.timeout = timeout }
        let folder = submission.flatMap { isFolder($0) ? real($0) : nil }
        if let submission, !FileManager.default.fileExists(atPath: submission) {
            throw usage("no submission file or folder '\(submission)'")
        }
        let files = try submissionFiles(folder: folder)
        if let folder, !format.gradesClasses {
            throw usage("--format \(format.rawValue) reports one submission, and '\(folder)' is a folder",
                        hint: "grade a class with --format text, json, junit or csv")
        }
        try checkOutput()
        let grader: Grader
        do {
            grader = try withLargeStack {
                Result { try Grader(exercise: Exercise.load(exercise), limits: gradingLimits, forbidden: folder.map { [$0] } ?? []) }
            }.get()
        } catch {
            Terminal.shared.err("\(error)")
            throw ExitCode(2)
        }
        if check { return try runCheck(grader) }
        let report: String
        if folder != nil {
            let bar = ClassProgress(total: files.count, enabled: Terminal.shared.stderrIsTerminal)
            let results = grader.grade(class: files, workers: jobs ?? ProcessInfo.processInfo.activeProcessorCount) { bar.advance(to: $0) }
            bar.finish()
            report = format.render(class: results, of: grader.exercise)
        } else {
            report = format.render(withLargeStack { grader.grade(files[0]) }, of: grader.exercise)
        }
        try emit(report)
    }

    private func runCheck(_ grader: Grader) throws {
        let found = withLargeStack { ExerciseCheck(grader) }
        found.lines.forEach(Terminal.shared.out)
        Terminal.shared.flush()
        if found.failed > 0 { throw ExitCode(2) }
    }

    private func submissionFiles(folder: String?) throws -> [SubmissionFile] {
        guard let submission else { return [] }
        guard let folder else { return [SubmissionFile(name: submission, path: submission)] }
        let files = SubmissionFile.all(in: folder)
        if files.isEmpty { throw usage("no .vlab submissions in '\(submission)'") }
        return files
    }

    /// Refuses an `--output` that is one of the inputs, or a folder.
    private func checkOutput() throws {
        guard let output else { return }
        if output.isEmpty { throw usage("--output needs a file name") }
        if isFolder(output) { throw usage("--output '\(output)' is a folder; name a file") }
        let target = real(output)
        for input in [exercise, submission].compactMap({ $0 }) {
            let path = real(input)
            if target == path || (isFolder(input) && target.hasPrefix(path + "/")) {
                throw usage("--output '\(output)' is one of the inputs ('\(input)'); grading would overwrite it",
                            hint: "write the results somewhere else")
            }
        }
    }

    /// The report on stdout, or written atomically to `--output`.
    private func emit(_ report: String) throws {
        guard let output else {
            Terminal.shared.out(String(report.dropLast()))
            Terminal.shared.flush()
            return
        }
        do {
            try FileWriter.write(Data(report.utf8), to: output)
        } catch {
            Terminal.shared.err("error: \(error.message)" + (error.hint.map { "\nhint: \($0)" } ?? ""))
            throw ExitCode(1)
        }
    }

    private func usage(_ message: String, hint: String? = nil) -> ExitCode {
        Terminal.shared.err("error: \(message)" + (hint.map { "\nhint: \($0)" } ?? ""))
        return ExitCode(64)
    }

    private func isFolder(_ path: String) -> Bool {
        var folder: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &folder) && folder.boolValue
    }

    private func real(_ path: String) -> String { URL(fileURLWithPath: path).resolvingSymlinksInPath().standardizedFileURL.path }
}

/// The class progress bar: on a terminal's stderr only, redrawn at most ten times a second.
final class ClassProgress: @unchecked Sendable {
    private let total: Int
    private let enabled: Bool
    private let lock = NSLock()
    private var lastDrawn: UInt64 = 0
    private var shown = false

    init(total: Int, enabled: Bool) {
        self.total = total
        self.enabled = enabled
    }

    func advance(to done: Int) {
        guard enabled else { return }
        lock.withLock {
            let now = DispatchTime.now().uptimeNanoseconds
            guard done == total || now - lastDrawn > 100_000_000 else { return }
            lastDrawn = now
            let width = 30, filled = done * width / max(1, total)
            let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
            Terminal.shared.raw("\rgrading [\(bar)] \(done)/\(total)")
            shown = true
        }
    }

    func finish() {
        guard shown else { return }
        Terminal.shared.raw("\r\u{1B}[2K")
    }
}
