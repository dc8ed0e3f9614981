import Testing
import VirtBindings
@testable import VirtLessons

/// `question` blocks: parsing, judging answers, `virtlab test`, and lesson mode.
@Suite struct QuestionTests {
    /// A step that migrates nothing but asks what a copy takes: 8G over 10Gbps.
    static let copyStep = "## Copy\nHow long does 8G take over 10Gbps?\n"
        + block("question How long does copying 8G at 10Gbps take? tolerance=5%", "8G / 10Gbps")
        + block("question Which is larger? choices=size,time", "\"size\"")

    @Test func theParserReadsTextToleranceAndChoices() throws {
        let step = try lesson(Self.copyStep + block("solution", "answer 6.87s\nanswer size") + block("wrong", "answer 1s")).steps[0]
        #expect(step.questions.count == 2)
        #expect(step.questions[0].text == "How long does copying 8G at 10Gbps take?")
        #expect(step.questions[0].tolerance == 0.05)
        #expect(step.questions[0].choices.isEmpty)
        #expect(step.questions[1].choices == ["size", "time"])
        #expect(step.questions[1].tolerance == Question.defaultTolerance)
        #expect(step.questions[0].script.line == 8)
        let parts = step.solutions[0].parts
        #expect(parts.count == 2)
        if case .answer(let text, let line) = parts[0] { #expect(text == "6.87s" && line == 14) } else { Issue.record("not an answer") }
    }

    @Test(arguments: [
        ("question tolerance=5%", "a question needs the text the student sees"),
        ("question Q tolerance=5", "tolerance must be a percentage from 0% to below 100%, not '5'"),
        ("question Q tolerance=-1%", "tolerance must be a percentage"),
        ("question Q tolerance=100%", "tolerance must be a percentage"),
        ("question Q tolerance=inf%", "tolerance must be a percentage"),
        ("question Q tolerance=1e308%", "tolerance must be a percentage"),
        ("question Q choices=a", "choices must be two or more different words"),
        ("question Q choices=a,,b", "choices must be two or more different words"),
        ("question Q choices=a,A", "choices must be two or more different words"),
        ("question Q choices=a,b tolerance=5%", "a question takes tolerance= or choices=, not both"),
    ])
    func badQuestionsAreLocatedErrors(info: String, message: String) {
        do {
            _ = try lesson("## One\n" + block(info, "1"))
            Issue.record("parsed \(info)")
        } catch let error as LessonError {
            #expect(error.description.contains("test.md:6"), "\(error)")
            #expect(error.description.contains(message), "\(error)")
        } catch {
            Issue.record("\(error)")
        }
        #expect(throws: LessonError.self) { try lesson("## One\n" + block("question Q", "")) }
    }

    @Test func answersAreJudgedByValueUnitAndChoice() throws {
        let step = try lesson(Self.copyStep).steps[0]
        let session = VirtLab.makeInterpreter()
        let time = step.questions[0], choice = step.questions[1]
        #expect(time.judge("6.87s", on: session, path: "test.md").isRight)
        #expect(time.judge("6872ms", on: session, path: "test.md").isRight)
        #expect(time.judge("7.1s", on: session, path: "test.md").isRight)          // within 5 %
        #expect(time.judge("8s", on: session, path: "test.md").isWrong)
        #expect(time.judge("8G/10Gbps", on: session, path: "test.md").isRight)     // an expression is an answer too
        guard case .unusable(let unit) = time.judge("6.87", on: session, path: "test.md") else { Issue.record("a bare number"); return }
        #expect(unit == "the answer is a time: give its unit too, e.g. '6.87s'")
        guard case .unusable(let size) = time.judge("8G", on: session, path: "test.md") else { Issue.record("a size"); return }
        #expect(size == "the answer is a time, and '8G' is a size")
        guard case .unusable(let junk) = time.judge("soon", on: session, path: "test.md") else { Issue.record("junk"); return }
        #expect(junk == "the answer is a time, and 'soon' is a string")
        #expect(choice.judge("SIZE", on: session, path: "test.md").isRight)
        #expect(choice.judge("time", on: session, path: "test.md").isWrong)
        guard case .unusable(let other) = choice.judge("energy", on: session, path: "test.md") else { Issue.record("energy"); return }
        #expect(other == "'energy' is not one of the choices: size, time")
        for bad in ["", "inf", "-1", "1e308", "0"] {
            #expect(!time.judge(bad, on: session, path: "test.md").isRight, "\(bad)")
        }
    }

    @Test func plainNumbersUseTheTolerance() throws {
        let q = try lesson("## One\n" + block("question How many? tolerance=10%", "100")).steps[0].questions[0]
        let session = VirtLab.makeInterpreter()
        #expect(q.judge("109", on: session, path: "t").isRight)
        #expect(q.judge("111", on: session, path: "t").isWrong)
        guard case .unusable = q.judge("100s", on: session, path: "t") else { Issue.record("a time for a number"); return }
        let count = try lesson("## One\n" + block("question How many?", "6")).steps[0].questions[0]
        guard case .wrong(let why) = count.judge("7", on: session, path: "t") else { Issue.record("7 for 6"); return }
        #expect(why == "that is not the model's value")
    }

    @Test func virtlabTestChecksEveryQuestion() throws {
        let good = try lesson(Self.copyStep + block("solution", "answer 6.87s\nanswer size") + block("wrong", "answer 1s\nanswer time"))
        #expect(LessonChecker().check(good)[0].problems == [])

        let unanswered = try lesson(Self.copyStep + block("solution", "answer 6.87s") + block("wrong", "answer 1s\nanswer time"))
        #expect(LessonChecker().check(unanswered)[0].problems
            == ["test.md:14: the solution does not answer question 'Which is larger?' (line 11); add a line 'answer VALUE'"])

        let wrongSolution = try lesson(Self.copyStep + block("solution", "answer 9s\nanswer size") + block("wrong", "answer 1s\nanswer time"))
        #expect(LessonChecker().check(wrongSolution)[0].problems
            == ["test.md:14: the solution answers question 'How long does copying 8G at 10Gbps take?' wrong (the model's value is 6.872s)"])

        let neverWrong = try lesson(Self.copyStep + block("solution", "answer 6.87s\nanswer size") + block("wrong", "answer 1s\nanswer size"))
        #expect(LessonChecker().check(neverWrong)[0].problems
            == ["test.md:11: no wrong attempt answers question 'Which is larger?' wrong: add a wrong attempt with a line 'answer WRONG-VALUE'"])

        let broken = try lesson("## One\n" + block("question Q", "$nothing") + block("solution", "answer 1") + block("wrong", "answer 2"))
        #expect(LessonChecker().check(broken)[0].problems.first?.contains("question 'Q' fails with an error: unknown variable '$nothing'") == true)

        let notAChoice = try lesson("## One\n" + block("question Q choices=a,b", "\"c\"") + block("solution", "let x = 1") + block("wrong", "answer a"))
        #expect(LessonChecker().check(notAChoice)[0].problems.contains("test.md:7: question 'Q' gives 'c', which is not one of its choices"))
    }

    /// The answer is judged on the state at the `answer` line: the experiment before it counts.
    @Test func answersInABlockSeeTheStateBeforeThem() throws {
        let step = try lesson("## One\n" + block("question What is x?", "$x")
                              + block("solution", "let x = 3\nanswer 3\nlet x = 4") + block("wrong", "let x = 3\nanswer 4"))
        #expect(LessonChecker().check(step)[0].passed)
    }

    @Test func inLessonModeAStepWaitsForItsQuestions() throws {
        let transcript = Lines()
        let sample = try lesson("""
            ## Step 1 — Copy
            \(block("vlab setup", "let size = 8G"))\
            \(block("goal rate is 10Gbps", "$rate == 10Gbps"))\
            \(block("question How long does $size take at $rate? tolerance=5%", "$size / $rate"))\
            \(block("solution", "let rate = 10Gbps\nanswer 6.87s"))\
            \(block("wrong", "let rate = 10Gbps\nanswer 1s"))\
            ## Step 2 — End
            \(block("goal done", "$rate == 1Gbps"))\
            \(block("solution", "let rate = 1Gbps"))\
            \(block("wrong", "let rate = 2Gbps"))
            """, id: "08-q")
        let store = ProgressStore(path: try temporaryFolder() + "/p.json") { transcript.add("warn: " + $0) }
        let session = LessonSession(lesson: sample, store: store, out: transcript.add, err: { transcript.add("err: " + $0) })
        session.open()
        #expect(transcript.text.contains("Goal: rate is 10Gbps\n\nQuestion: How long does $size take at $rate? (answer VALUE)"))
        func feed(_ line: String) -> String {
            let before = transcript.all.count
            session.feed(line)
            return transcript.all.dropFirst(before).joined(separator: "\n")
        }
        // Answering before the experiment is refused: the question is about its outcome.
        #expect(feed("answer 6.9s") == "First reach the step's goals ('goals' shows them): the question is about what you find then.")
        #expect(feed("let rate = 10Gbps") == "✓ rate is 10Gbps\nThe goals hold; now answer the question. Question: How long does $size take at $rate? (answer VALUE)")
        #expect(feed("answer 6.87").hasPrefix("That is not an answer to this question: the answer is a time"))
        #expect(feed("answer 1s").hasPrefix("✗ Not quite: How long does $size take at $rate? (that is not within 5% of the model's value)."))
        #expect(feed("goals").hasSuffix("✗ Question: How long does $size take at $rate? (answer VALUE) — not answered yet"))
        #expect(session.prompt == "08-q 1/2> ")
        #expect(feed("answer 6.9s").hasPrefix("✓ Right: How long does $size take at $rate?\n✓ Step 1 done: rate is 10Gbps; questions answered."))
        #expect(session.prompt == "08-q 2/2> ")
        #expect(feed("answer 3") == "This step asks no question.")
        // restart step rebuilds this step's starting state and keeps the lesson's progress.
        _ = feed("let rate = 5Gbps")
        _ = feed("restart step")
        #expect(feed("print $rate") == "10Gbps")
        #expect(session.prompt == "08-q 2/2> ")
        #expect(try store.progress(of: "08-q").isFinished(1))
    }
}
