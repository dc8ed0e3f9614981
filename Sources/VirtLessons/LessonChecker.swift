import VirtBindings
import VirtLang

/// The verdict of `virtlab test` on one step.
public struct StepReport: Sendable {
    public var lessonID: String
    public var number: Int
    public var count: Int
    public var title: String
    /// What is wrong, one line each, naming the lesson file's line.
    public var problems: [String] = []

    public var passed: Bool { problems.isEmpty }

    /// `ok   ID 2/6 Title`, or `FAIL ...` followed by one indented line per problem.
    public var text: String {
        let head = "\(passed ? "ok  " : "FAIL") \(lessonID) \(number)/\(count) \(title)"
        return ([head] + problems.map { "     " + $0 }).joined(separator: "\n")
    }
}

/// Checks a lesson as LESSONS.md "Checking lessons" asks: examples run,
/// every solution makes the goals hold, every wrong attempt makes one fail —
/// and, so that no goal is vacuous, every goal is failed by some wrong attempt.
public struct LessonChecker {
    /// A fresh session for each lesson.
    public var makeSession: () -> Interpreter

    public init(makeSession: @escaping () -> Interpreter = VirtLab.makeInterpreter) {
        self.makeSession = makeSession
    }

    /// One report per step, in order. Each step starts from the state the
    /// previous step's setups and first solution left.
    public func check(_ lesson: Lesson) -> [StepReport] {
        let session = makeSession()
        session.output = { _ in }
        return lesson.steps.enumerated().map { index, step in
            var report = StepReport(lessonID: lesson.id, number: index + 1, count: lesson.steps.count, title: step.title)
            let place = StepPlace(path: lesson.path, step: step)
            for setup in step.setups {
                place.run(setup, in: session, as: "setup", into: &report.problems)
            }
            for example in step.examples {
                place.run(example, in: session.copy(), as: "example", into: &report.problems)
            }
            for solution in step.solutions {
                report.problems += place.solutionProblems(solution, from: session)
            }
            var everFailed = Set<Int>()
            for wrong in step.wrongs {
                let (problems, failed) = place.wrongProblems(wrong, from: session)
                report.problems += problems
                everFailed.formUnion(failed)
            }
            if !step.wrongs.isEmpty { report.problems += place.neverFailed(everFailed) }
            report.problems += place.missingBlocks
            if let solution = step.solutions.first { try? solution.run(in: session, path: lesson.path) }
            return report
        }
    }
}

/// One step of one lesson file, for describing what is wrong with it.
private struct StepPlace {
    let path: String
    let step: Step

    func run(_ block: ScriptBlock, in session: Interpreter, as role: String, into problems: inout [String]) {
        do {
            try block.run(in: session, path: path)
        } catch let error as ScriptError {
            problems.append(describe(error, "the \(role) fails", at: block.line))
        } catch {
            problems.append("\(path):\(block.line): \(role) failed: \(error)")
        }
    }

    func solutionProblems(_ solution: ScriptBlock, from session: Interpreter) -> [String] {
        let copy = session.copy()
        var problems: [String] = []
        run(solution, in: copy, as: "solution", into: &problems)
        for goal in step.goals {
            switch goal.evaluate(on: copy, path: path) {
            case .holds: break
            case .fails(let why):
                problems.append("\(path):\(solution.line): the solution leaves goal '\(goal.text)' (line \(goal.script.line)) unmet: \(why ?? "it is false")")
            case .error(let error):
                problems.append(describe(error, "goal '\(goal.text)' fails with an error after the solution at line \(solution.line)", at: goal.script.line))
            }
        }
        return problems
    }

    /// A wrong attempt may stop with an error, as a learner's would; then at least one goal must fail.
    /// Returns the problems and the indexes of the goals it made fail.
    func wrongProblems(_ wrong: ScriptBlock, from session: Interpreter) -> (problems: [String], failed: Set<Int>) {
        let copy = session.copy()
        try? wrong.run(in: copy, path: path)
        var failed = Set<Int>()
        var problems: [String] = []
        for (index, goal) in step.goals.enumerated() {
            switch goal.evaluate(on: copy, path: path) {
            case .holds: break
            case .fails: failed.insert(index)
            case .error(let error):
                problems.append(describe(error, "goal '\(goal.text)' fails with an error after the wrong attempt at line \(wrong.line)", at: goal.script.line))
            }
        }
        if failed.isEmpty, problems.isEmpty {
            problems.append("\(path):\(wrong.line): the wrong attempt makes every goal hold, so a goal checks too little")
        }
        return (problems, failed)
    }

    /// Goals that every wrong attempt leaves holding: nothing shows they can fail.
    func neverFailed(_ failed: Set<Int>) -> [String] {
        step.goals.enumerated().filter { !failed.contains($0.offset) }.map { index, goal in
            "\(path):\(goal.script.line): no wrong attempt makes goal '\(goal.text)' fail, so it may be vacuous: add a wrong attempt that misses it"
        }
    }

    /// A step with goals needs a solution (for `skip`, `back` and this check) and a wrong attempt (so no goal is vacuous).
    var missingBlocks: [String] {
        var problems: [String] = []
        if step.goals.isEmpty {
            if !step.solutions.isEmpty || !step.wrongs.isEmpty {
                problems.append("\(path):\(step.line): the step has a solution or wrong attempt but no goal")
            }
            return problems
        }
        if step.solutions.isEmpty { problems.append("\(path):\(step.line): the step has goals but no solution") }
        if step.wrongs.isEmpty { problems.append("\(path):\(step.line): the step has goals but no wrong attempt") }
        return problems
    }

    /// `file:line:col: context: message (hint: ...)`; blocks are named after the lesson
    /// file, so the place is the lesson file's. An error without a place gets `line`.
    func describe(_ error: ScriptError, _ context: String, at line: Int) -> String {
        let place = error.span == nil ? "\(path):\(line)" : "\(error.fileName):\(error.line):\(error.column)"
        return "\(place): \(context): \(error.message)" + (error.hint.map { " (hint: \($0))" } ?? "")
    }
}
