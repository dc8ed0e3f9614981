import VirtLang

/// One lesson file: its front matter, the prose before the first step, and its steps.
public struct Lesson: Sendable {
    /// The file the lesson was read from, as given (diagnostics name it).
    public var path: String
    public var id: String
    public var title: String
    /// Lessons to take first: they only order the list and are recommended.
    public var requires: [String]
    /// Topic ids of COVERAGE.md this lesson teaches.
    public var covers: [String]
    /// Prose before the first step that is not part of an implicit first step.
    public var introduction: String
    public var steps: [Step]
}

/// A step: from one `## ` heading to the next.
public struct Step: Sendable {
    public var title: String
    /// The line of the step's heading (1 for an implicit first step).
    public var line: Int
    /// What lesson mode prints, in file order: prose and example code.
    public var shown: [Shown] = []
    public var setups: [ScriptBlock] = []
    public var examples: [ScriptBlock] = []
    public var goals: [Goal] = []
    /// Questions the learner answers with `answer VALUE`; the step is done when they are answered right.
    public var questions: [Question] = []
    public var hints: [String] = []
    public var solutions: [ScriptBlock] = []
    public var wrongs: [ScriptBlock] = []
    public var checks: [Check] = []
}

/// A piece of a step as the student reads it.
public enum Shown: Sendable, Equatable {
    case prose(String)
    case code(String)
}

/// Script text from a fenced block, and where it starts in the lesson file.
public struct ScriptBlock: Sendable {
    public var text: String
    /// The 1-based line of the block's first line of code.
    public var line: Int

    /// The block as a source file named after the lesson, padded with blank
    /// lines so that errors point at the lesson file's own line numbers.
    public func source(in path: String) -> SourceFile {
        SourceFile(name: path, text: String(repeating: "\n", count: line - 1) + text)
    }
}

/// A `goal TEXT` block: an expression that must be true, or a script that must run to its end.
public struct Goal: Sendable {
    /// What the student sees.
    public var text: String
    public var script: ScriptBlock
}

/// A `check NAME points=N [hidden]` block of an exercise.
public struct Check: Sendable {
    public var name: String
    public var points: Int
    public var hidden: Bool
    public var script: ScriptBlock
}
