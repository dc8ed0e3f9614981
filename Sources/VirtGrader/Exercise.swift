import Foundation
import VirtLang
import VirtLessons

/// A graded check and the step (1-based) it belongs to.
public struct GradedCheck: Sendable {
    public var check: Check
    public var step: Int
    public var name: String { check.name }
    public var points: Int { check.points }
    public var hidden: Bool { check.hidden }
}

/// A wrong attempt: the reference solution with one step's solution replaced by a `wrong` block.
public struct WrongAttempt: Sendable {
    /// The line of the `wrong` block's first line of code.
    public var line: Int
    public var blocks: [ScriptBlock]
}

/// An exercise (LESSONS.md "Exercises and grading"): a lesson-format file whose
/// `check` blocks carry points. Every setup runs, in file order, before the
/// submission; the checks then run in file order.
public struct Exercise: Sendable {
    /// The most points one check may carry (so totals never overflow).
    public static let maxPoints = 1_000_000

    public var lesson: Lesson
    public var checks: [GradedCheck]
    public var setups: [ScriptBlock]
    /// The first solution of every step, in order.
    public var reference: [ScriptBlock]
    public var wrongs: [WrongAttempt]
    /// The folder a submission may `source` from, after symlinks.
    public var folder: String

    public var path: String { lesson.path }
    public var maxScore: Int { checks.reduce(0) { $0 + $1.points } }
    /// Points carried by hidden checks.
    public var hiddenPoints: Int { checks.filter(\.hidden).reduce(0) { $0 + $1.points } }

    /// Reads and validates an exercise file; a `LessonError` says what is wrong with it.
    public static func load(_ path: String) throws -> Exercise {
        let lesson = try LessonLibrary.load(path)
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().resolvingSymlinksInPath().path
        return try Exercise(lesson: lesson, folder: folder)
    }

    /// Builds an exercise from a parsed lesson, refusing what cannot be graded.
    public init(lesson: Lesson, folder: String) throws {
        self.lesson = lesson
        self.folder = folder
        let steps = lesson.steps
        checks = steps.enumerated().flatMap { index, step in step.checks.map { GradedCheck(check: $0, step: index + 1) } }
        setups = steps.flatMap(\.setups)
        reference = steps.compactMap(\.solutions.first)
        wrongs = steps.enumerated().flatMap { index, step in
            step.wrongs.map { wrong in
                WrongAttempt(line: wrong.line, blocks: steps.enumerated().compactMap { other, s in
                    other == index ? wrong : s.solutions.first
                })
            }
        }
        try validate()
    }

    private func validate() throws {
        let path = lesson.path
        guard !checks.isEmpty else {
            throw LessonError(path: path, line: 0, "the exercise has no checks, so nothing can be graded",
                              hint: "add blocks like ```check placed points=3")
        }
        var seen: [String: Int] = [:]
        for graded in checks {
            let line = graded.check.script.line - 1
            if graded.points == 0 {
                throw LessonError(path: path, line: line, "check '\(graded.name)' has no points",
                                  hint: "give it points=N with N at least 1")
            }
            if graded.points > Self.maxPoints {
                throw LessonError(path: path, line: line, "check '\(graded.name)' carries more than \(NumberFormat.grouped(Self.maxPoints)) points",
                                  hint: "use smaller points; only their ratios matter")
            }
            if let first = seen[graded.name] {
                throw LessonError(path: path, line: line, "two checks are named '\(graded.name)' (lines \(first) and \(line))",
                                  hint: "check names head the report's columns: make them unique")
            }
            seen[graded.name] = line
        }
        guard !reference.isEmpty else {
            throw LessonError(path: path, line: 0, "the exercise has no reference solution",
                              hint: "add a ```solution block: it must earn full marks, which shows every check can pass")
        }
    }
}
