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
            // Every block gets the goals' step allowance: `while true {}` in a lesson is a reported problem, not a hang.
            for setup in step.setups {
                place.run(setup, in: session.allowingBlockSteps(), as: "setup", into: &report.problems)
            }
            for example in step.examples {
                place.run(example, in: session.allowingBlockSteps().copy(), as: "example", into: &report.problems)
            }
            for solution in step.solutions {
                report.problems += place.solutionProblems(solution, from: session.allowingBlockSteps())
            }
            var everFailed = Set<Int>(), everWrong = Set<Int>()
            for wrong in step.wrongs {
                let (problems, failed, answeredWrong) = place.wrongProblems(wrong, from: session.allowingBlockSteps())
                report.problems += problems
                everFailed.formUnion(failed)
                everWrong.formUnion(answeredWrong)
            }
            if !step.wrongs.isEmpty { report.problems += place.neverFailed(everFailed) + place.neverAnsweredWrong(everWrong) }
            report.problems += place.missingBlocks
            if let solution = step.solutions.first { try? solution.run(in: session.allowingBlockSteps(), path: lesson.path) }
            return report
        }
    }
}

extension Interpreter {
    /// Allows the next block `ScriptBlock.stepAllowance` steps from here.
    func allowingBlockSteps() -> Interpreter {
        maxSteps = steps &+ ScriptBlock.stepAllowance
        return self
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

    /// Runs a solution or wrong attempt on a copy of `session`, judging its `answer`
    /// lines on the state at that line: the first answers the step's first question,
    /// the second its second, and so on. Returns the copy, the verdicts by question, and problems with the answers.
    func attempt(_ block: ScriptBlock, from session: Interpreter, as role: String, stopsOnError: Bool)
        -> (copy: Interpreter, verdicts: [Int: [Verdict]], problems: [String]) {
        let copy = session.copy()
        var verdicts: [Int: [Verdict]] = [:], problems: [String] = []
        var next = 0
        let judge = { (text: String, line: Int) in
            guard next < step.questions.count else {
                problems.append("\(path):\(line): the \(role) answers more questions than the step asks")
                return
            }
            let index = next
            next += 1
            let verdict = step.questions[index].judge(text, on: copy, path: path)
            verdicts[index, default: []].append(verdict)
            switch verdict {
            case .right, .wrong: break
            case .unusable(let why): problems.append("\(path):\(line): the \(role)'s answer '\(text)' is not an answer to question '\(step.questions[index].text)': \(why)")
            case .broken(let error): problems.append(describe(error, "question '\(step.questions[index].text)' fails with an error", at: step.questions[index].script.line))
            }
        }
        if stopsOnError {
            try? block.run(in: copy, path: path, answer: judge)
        } else {
            do {
                try block.run(in: copy, path: path, answer: judge)
            } catch let error as ScriptError {
                problems.append(describe(error, "the \(role) fails", at: block.line))
            } catch {
                problems.append("\(path):\(block.line): \(role) failed: \(error)")
            }
        }
        return (copy, verdicts, problems)
    }

    func solutionProblems(_ solution: ScriptBlock, from session: Interpreter) -> [String] {
        var (copy, verdicts, problems) = attempt(solution, from: session, as: "solution", stopsOnError: false)
        for (index, question) in step.questions.enumerated() where verdicts[index]?.last?.isRight != true {
            if verdicts[index] == nil {
                problems.append("\(path):\(solution.line): the solution does not answer question '\(question.text)' (line \(question.script.line)); add a line 'answer VALUE'")
                problems += valueProblems(question, on: copy)
            } else if verdicts[index]!.contains(where: \.isWrong) {
                let expected = (try? question.value(on: copy, path: path).text) ?? "?"
                problems.append("\(path):\(solution.line): the solution answers question '\(question.text)' wrong (the model's value is \(expected))")
            }
        }
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

    /// A question's value must evaluate, and a choice question's value must be one of its choices.
    func valueProblems(_ question: Question, on session: Interpreter) -> [String] {
        do {
            let value = try question.value(on: session, path: path)
            if !question.choices.isEmpty, !question.choices.contains(where: { $0.lowercased() == value.text.lowercased() }) {
                return ["\(path):\(question.script.line): question '\(question.text)' gives '\(value.text)', which is not one of its choices"]
            }
            return []
        } catch let error as ScriptError {
            return [describe(error, "question '\(question.text)' fails with an error", at: question.script.line)]
        } catch {
            return ["\(path):\(question.script.line): question '\(question.text)' failed: \(error)"]
        }
    }

    /// A wrong attempt may stop with an error, as a learner's would; then at least one goal
    /// must fail or one answer be wrong. Returns the problems, the indexes of the goals it
    /// made fail and of the questions it answered wrong.
    func wrongProblems(_ wrong: ScriptBlock, from session: Interpreter) -> (problems: [String], failed: Set<Int>, answeredWrong: Set<Int>) {
        var (copy, verdicts, problems) = attempt(wrong, from: session, as: "wrong attempt", stopsOnError: true)
        let answeredWrong = Set(verdicts.filter { $0.value.contains(where: \.isWrong) }.keys)
        var failed = Set<Int>()
        for (index, goal) in step.goals.enumerated() {
            switch goal.evaluate(on: copy, path: path) {
            case .holds: break
            case .fails: failed.insert(index)
            case .error(let error):
                problems.append(describe(error, "goal '\(goal.text)' fails with an error after the wrong attempt at line \(wrong.line)", at: goal.script.line))
            }
        }
        if failed.isEmpty, answeredWrong.isEmpty, problems.isEmpty {
            problems.append("\(path):\(wrong.line): the wrong attempt makes every goal hold" + (step.questions.isEmpty ? "" : " and answers no question wrong") + ", so a goal checks too little")
        }
        return (problems, failed, answeredWrong)
    }

    /// Questions no wrong attempt answers wrong: nothing shows a wrong answer is refused.
    func neverAnsweredWrong(_ wrong: Set<Int>) -> [String] {
        step.questions.enumerated().filter { !wrong.contains($0.offset) }.map { index, question in
            "\(path):\(question.script.line): no wrong attempt answers question '\(question.text)' wrong: add a wrong attempt with a line 'answer WRONG-VALUE'"
        }
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
        if step.goals.isEmpty, step.questions.isEmpty {
            if !step.solutions.isEmpty || !step.wrongs.isEmpty {
                problems.append("\(path):\(step.line): the step has a solution or wrong attempt but no goal")
            }
            return problems
        }
        if step.solutions.isEmpty { problems.append("\(path):\(step.line): the step has goals or questions but no solution") }
        if step.wrongs.isEmpty { problems.append("\(path):\(step.line): the step has goals or questions but no wrong attempt") }
        return problems
    }

    /// `file:line:col: context: message (hint: ...)`; blocks are named after the lesson
    /// file, so the place is the lesson file's. An error without a place gets `line`.
    func describe(_ error: ScriptError, _ context: String, at line: Int) -> String {
        let place = error.span == nil ? "\(path):\(line)" : "\(error.fileName):\(error.line):\(error.column)"
        return "\(place): \(context): \(error.message)" + (error.hint.map { " (hint: \($0))" } ?? "")
    }
}
