import VirtLang

extension LessonSession {
    /// Carries out a lesson command.
    func perform(_ command: LessonCommand) {
        switch command {
        case .run: runExamples()
        case .hint(let number): if let index = stepIndex(number) { showHint(index) }
        case .solution(let number): if let index = stepIndex(number) { showSolution(index) }
        case .goals: showGoals()
        case .skip: skip()
        case .back:
            if current == 0 { out("This is the first step.") } else { go(to: min(current, lesson.steps.count) - 1) }
        case .restart: go(to: 0)
        case .restartStep:
            if isFinished { out("The lesson is finished; 'back' returns to its last step.") } else { go(to: current) }
        case .answer(let text): answer(text)
        case .help(let word):
            if let word { out(LessonCommand.helpText(for: word)) } else {
                evaluate("help")
                out("\n" + LessonCommand.helpText())
            }
        case .progress: out(StepText.progress(of: lesson, loadProgress(), current: current))
        }
    }

    /// The step `number` names, or the current one (the last once the lesson is finished).
    private func stepIndex(_ number: Int?) -> Int? {
        guard let number else { return min(current, lesson.steps.count - 1) }
        guard (1...lesson.steps.count).contains(number) else {
            out("There is no step \(number); this lesson has steps 1 to \(lesson.steps.count).")
            return nil
        }
        return number - 1
    }

    private func runExamples() {
        guard !isFinished, !step.examples.isEmpty else {
            out(isFinished ? "The lesson is finished; 'back' returns to its last step." : "This step has no example.")
            return
        }
        for example in step.examples {
            out(StepText.indent(example.text, by: "» "))
            evaluate(example.source(in: lesson.path), eachStatement: true)
        }
        checkGoals()
    }

    private func showHint(_ index: Int) {
        let hints = lesson.steps[index].hints
        guard !hints.isEmpty else {
            out("Step \(index + 1) has no hints; 'solution' shows the answer.")
            return
        }
        let shown = hintsShown[index, default: 0]
        if shown < hints.count {
            hintsShown[index] = shown + 1
            out("Hint \(shown + 1) of \(hints.count): \(hints[shown])")
        } else {
            out(hints.enumerated().map { "Hint \($0 + 1) of \(hints.count): \($1)" }.joined(separator: "\n"))
            out("Those are all the hints; 'solution' shows the answer.")
        }
    }

    private func showSolution(_ index: Int) {
        let solutions = lesson.steps[index].solutions
        guard !solutions.isEmpty else {
            out("Step \(index + 1) has no solution to show.")
            return
        }
        for (number, solution) in solutions.enumerated() {
            out((number == 0 ? "A solution for step \(index + 1):" : "Another way:") + "\n" + StepText.indent(solution.text, by: "    "))
        }
        saveProgress { $0.markRevealed(index + 1) }
    }

    private func showGoals() {
        guard !isFinished else {
            out("The lesson is finished; every goal held.")
            return
        }
        for goal in step.goals {
            switch goal.evaluate(on: interpreter, path: lesson.path) {
            case .holds: out("✓ \(goal.text)")
            case .fails(let why): out("✗ \(goal.text) — not yet" + (why.map { " (\($0))" } ?? ""))
            case .error(let error): out("✗ \(goal.text) — not yet (\(error.message))")
            }
        }
        for (index, question) in step.questions.enumerated() {
            out((answered.contains(index) ? "✓ " : "✗ ") + question.prompt + (answered.contains(index) ? " — answered" : " — not answered yet"))
        }
    }

    /// Judges an answer to the step's first open question.
    private func answer(_ text: String) {
        guard !isFinished else {
            out("The lesson is finished; there is nothing to answer.")
            return
        }
        guard let index = openQuestion else {
            out(step.questions.isEmpty ? "This step asks no question." : "You have answered every question of this step.")
            return
        }
        guard heldGoals().count == step.goals.count else {
            out("First reach the step's goals ('goals' shows them): the question is about what you find then.")
            return
        }
        let question = step.questions[index]
        switch question.judge(text, on: interpreter, path: lesson.path) {
        case .right:
            answered.insert(index)
            out("✓ Right: \(question.text)")
            if let next = openQuestion { out("Next: " + step.questions[next].prompt) }
            checkGoals()
        case .wrong(let why):
            out("✗ Not quite: \(question.text) (\(why)). Run the experiment and read the result again; 'hint' may help.")
        case .unusable(let why):
            out("That is not an answer to this question: \(why).")
        case .broken(let error):
            reportLessonError(error)
        }
    }

    /// Applies the solution and moves on; when it does not apply to the learner's
    /// state, rebuilds the step's state from the lesson first.
    private func skip() {
        guard !isFinished, let solution = step.solutions.first else {
            out(isFinished ? "The lesson is finished; nothing to skip." : "This step has no solution to apply.")
            return
        }
        out("Applying the solution:\n" + StepText.indent(solution.text, by: "    "))
        let output = interpreter.output
        interpreter.output = { _ in }
        if (try? solution.run(in: interpreter, path: lesson.path)) == nil {
            rebuild(upTo: current)
            interpreter.output = { _ in }
            do { try solution.run(in: interpreter, path: lesson.path) } catch { reportLessonError(error) }
        }
        interpreter.output = output
        saveProgress { $0.markSkipped(self.current + 1) }
        advance()
    }
}
