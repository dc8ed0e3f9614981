import VirtBindings
import VirtLang

/// Lesson mode (LESSONS.md "Lesson mode"), fed one input line at a time: it runs
/// the learner's statements, checks the step's goals after each, and moves on when
/// they all hold. The terminal or pipe around it lives in the command line.
public final class LessonSession {
    public let lesson: Lesson
    /// The learner's session; replaced by `back` and `restart`.
    public private(set) var interpreter: Interpreter
    /// The current step's index; `lesson.steps.count` once the lesson is finished.
    public private(set) var current = 0

    let store: ProgressStore
    let makeSession: () -> Interpreter
    let out: (String) -> Void
    let err: (String) -> Void
    let color: Bool
    /// Text of a statement that continues on the next line.
    var pending = ""
    /// Hints shown so far, by step index.
    var hintsShown: [Int: Int] = [:]
    /// Indexes of the current step's goals that held at the last check.
    var holding: Set<Int> = []
    /// Indexes of the current step's questions answered right.
    var answered: Set<Int> = []
    /// The terminal's width, when tables should fit it (nil: print them whole).
    public var tableWidth: () -> Int? = { nil }
    /// False once the progress file failed, so it is reported once and never overwritten.
    var savesProgress = true

    /// - Parameters:
    ///   - makeSession: a fresh learner session (world, variables, procs).
    ///   - color: whether script errors are coloured.
    ///   - out: what the learner reads (prose, values, messages); `err`: errors.
    public init(lesson: Lesson, store: ProgressStore, makeSession: @escaping () -> Interpreter = VirtLab.makeInterpreter,
                color: Bool = false, out: @escaping (String) -> Void, err: @escaping (String) -> Void) {
        self.lesson = lesson
        self.store = store
        self.makeSession = makeSession
        self.color = color
        self.out = out
        self.err = err
        interpreter = makeSession()
    }

    /// The words of lesson mode's own commands (`run`, `hint`, …), for completion.
    public static var commandWords: [String] { LessonCommand.words }

    var isFinished: Bool { current >= lesson.steps.count }
    var step: Step { lesson.steps[min(current, lesson.steps.count - 1)] }

    /// The prompt naming the lesson and step (`00-the-language 2/6> `), or a continuation prompt.
    public var prompt: String {
        let primary = isFinished ? "\(lesson.id) done> " : "\(lesson.id) \(current + 1)/\(lesson.steps.count)> "
        return pending.isEmpty ? primary : String(repeating: " ", count: primary.count - 5) + "...> "
    }

    /// Prints the lesson's introduction and opens it at the first unfinished step.
    public func open() {
        out("\(lesson.title) (\(lesson.id))")
        if !lesson.introduction.isEmpty { out("\n" + lesson.introduction) }
        out("\nLesson commands: \(LessonCommand.words.joined(separator: ", ")). Ctrl-D leaves; your progress is kept.")
        let unfinished = loadProgress().firstUnfinished(of: lesson.steps.count)
        if unfinished == nil {
            out("You have finished this lesson before; here it is again from step 1.")
        } else if let unfinished, unfinished > 1 {
            out("Welcome back: picking up at step \(unfinished).")
        }
        go(to: (unfinished ?? 1) - 1)
    }

    /// Handles one input line: a lesson command, or (part of) a statement for the learner's session.
    public func feed(_ line: String) {
        if pending.isEmpty, let command = LessonCommand(line) {
            perform(command)
            return
        }
        pending += pending.isEmpty ? line : "\n" + line
        if Parser.isIncomplete(pending) { return }
        let text = pending
        pending = ""
        if text.trimmed.isEmpty { return }
        evaluate(text)
        checkGoals()
    }

    /// The input ended: runs a statement left incomplete, as the REPL does.
    public func endOfInput() {
        guard !pending.isEmpty else { return }
        let text = pending
        pending = ""
        evaluate(text)
        checkGoals()
    }

    /// Forgets a statement being continued (Ctrl-C at the prompt).
    public func discardPending() { pending = "" }

    /// Runs a line the learner typed, printing its value unless `none`, as the REPL does.
    func evaluate(_ text: String) {
        evaluate(SourceFile(name: "<lesson>", text: text), eachStatement: false)
    }

    /// Runs `file`, printing the value of each top-level statement (`run`: as if each
    /// were typed on its own line) or only the last one (a typed line).
    func evaluate(_ file: SourceFile, eachStatement: Bool) {
        let show = { [out, tableWidth] (value: Value) in
            if case .none = value { return }
            out(TableFormat.render(value, width: tableWidth()))
        }
        do {
            interpreter.echoesValues = true
            if eachStatement { try interpreter.execute(file, each: show) } else { show(try interpreter.execute(file)) }
        } catch let error as ScriptError {
            err(error.rendered(color: color))
        } catch {
            err("error: \(error)")
        }
    }

    /// Evaluates the step's goals; announces each newly held one, and the step when
    /// all hold and every question is answered right.
    func checkGoals() {
        guard !isFinished else { return }
        let now = heldGoals()
        let allHeld = now.count == step.goals.count
        if allHeld, answered.count == step.questions.count {
            let met = step.goals.map(\.text) + (step.questions.isEmpty ? [] : ["questions answered"])
            out("✓ Step \(current + 1) done: " + met.joined(separator: "; ") + ".")
            saveProgress { $0.markDone(self.current + 1) }
            advance()
            return
        }
        for index in now.subtracting(holding).sorted() { out("✓ \(step.goals[index].text)") }
        if allHeld, !step.goals.isEmpty, holding.count < step.goals.count, let open = openQuestion {
            out("The goals hold; now answer the question. " + step.questions[open].prompt)
        }
        holding = now
    }

    /// The first question of the current step not yet answered right.
    var openQuestion: Int? { step.questions.indices.first { !answered.contains($0) } }

    /// The indexes of the current step's goals that hold now.
    func heldGoals() -> Set<Int> {
        Set(step.goals.indices.filter { step.goals[$0].evaluate(on: interpreter, path: lesson.path).holds })
    }

    /// Moves to the next step on top of the learner's state.
    func advance() {
        current += 1
        guard !isFinished else {
            out("\nLesson \(lesson.id) complete. 'progress' reviews it; 'hint N' and 'solution N' show any step's again.")
            return
        }
        runSetups()
        enterStep()
    }

    /// Opens step `index` with its state rebuilt from the lesson.
    func go(to index: Int) {
        current = index
        pending = ""
        rebuild(upTo: index)
        enterStep()
    }

    /// A fresh session in the state of step `index`: earlier setups and solutions replayed, silently.
    func rebuild(upTo index: Int) {
        interpreter = makeSession()
        interpreter.output = { _ in }
        do {
            try lesson.replay(upTo: index, in: interpreter)
        } catch {
            reportLessonError(error)
        }
        interpreter.output = { [out] in out($0.text) }
    }

    /// Prints the step; a step without goals or questions is done as soon as it is read.
    /// Goals that already hold are noted, so that only those the learner reaches are announced.
    func enterStep() {
        out("\n" + StepText.render(step, number: current + 1, of: lesson.steps.count))
        holding = heldGoals()
        answered = []
        if step.goals.isEmpty, step.questions.isEmpty {
            saveProgress { $0.markDone(self.current + 1) }
            advance()
        }
    }

    /// Runs the current step's setups silently.
    func runSetups() {
        let output = interpreter.output
        interpreter.output = { _ in }
        defer { interpreter.output = output }
        do {
            for setup in step.setups { try setup.run(in: interpreter, path: lesson.path) }
        } catch {
            reportLessonError(error)
        }
    }

    func reportLessonError(_ error: Error) {
        let text = (error as? ScriptError)?.rendered(color: color) ?? "\(error)"
        err("error in the lesson file (not your fault; 'skip' moves on):\n" + text)
    }

    func loadProgress() -> LessonProgress {
        do {
            return try store.progress(of: lesson.id)
        } catch {
            savesProgress = false
            err("\(error)")
            return LessonProgress()
        }
    }

    func saveProgress(_ change: (inout LessonProgress) -> Void) {
        guard savesProgress else { return }
        do {
            try store.update(lesson.id, change)
        } catch {
            savesProgress = false
            err("\(error)\nyour progress in this session will not be saved")
        }
    }
}
