import Testing
@testable import VirtLessons

@Suite struct LessonParserTests {
    @Test func frontMatterAndSteps() throws {
        let text = """
        ---
        id: 03-three
        title: Three ways
        requires: 01-a, 02-b
        covers: S5, S6
        ---
        # Three ways
        Intro prose.

        ## Step 1 — First
        Prose one.
        ```vlab setup
        reset
        ```
        ```goal x is 1
        $x == 1
        ```
        ```hint
        Use let.
        ```
        ```solution
        let x = 1
        ```
        ```wrong
        let x = 2
        ```
        ## Second
        ```check placed points=3 hidden
        expect true
        ```
        """
        let lesson = try LessonParser.parse(text, path: "l.md")
        #expect(lesson.id == "03-three")
        #expect(lesson.title == "Three ways")
        #expect(lesson.requires == ["01-a", "02-b"])
        #expect(lesson.covers == ["S5", "S6"])
        #expect(lesson.introduction == "Intro prose.")
        #expect(lesson.steps.map(\.title) == ["First", "Second"])
        let first = lesson.steps[0]
        #expect(first.line == 10)
        #expect(first.shown == [.prose("Prose one.")])
        #expect(first.setups.map(\.line) == [13])
        #expect(first.goals.map(\.text) == ["x is 1"])
        #expect(first.goals[0].script.line == 16)
        #expect(first.hints == ["Use let."])
        #expect(first.solutions[0].text == "let x = 1")
        #expect(first.wrongs[0].line == 25)
        let check = try #require(lesson.steps[1].checks.first)
        #expect((check.name, check.points, check.hidden, check.script.line) == ("placed", 3, true, 29))
    }

    @Test func blocksBeforeTheFirstHeadingFormAnImplicitStep() throws {
        let parsed = try lesson("Intro.\n" + block("goal g", "(true)") + "## Next\n" + block("vlab example", "print hi"))
        #expect(parsed.steps.map(\.title) == ["Test", "Next"])
        #expect(parsed.introduction == "")
        #expect(parsed.steps[1].shown == [.code("print hi")])
    }

    @Test func unlabelledFencesAreShownNotRun() throws {
        let parsed = try lesson("## One\nSee:\n" + block("", "let x = 1") + "More.\n")
        #expect(parsed.steps[0].shown == [.prose("See:"), .code("let x = 1"), .prose("More.")])
        #expect(parsed.steps[0].setups.isEmpty)
    }

    /// The error's line in the whole file (front matter is lines 1-4 in `lesson(_:)`).
    func errorLine(_ body: String) -> (Int, String) {
        do {
            _ = try lesson(body)
            return (-1, "no error")
        } catch let error as LessonError {
            return (error.line, error.message)
        } catch {
            return (-1, "\(error)")
        }
    }

    @Test func unknownBlockKindNamesItsLine() {
        let (line, message) = errorLine("## One\nProse\n" + block("hints", "x"))
        #expect(line == 7)
        #expect(message == "unknown block kind 'hints'")
    }

    @Test func unterminatedFenceNamesTheOpeningLine() {
        let (line, message) = errorLine("## One\n\n```solution\nlet x = 1\n")
        #expect(line == 7)
        #expect(message.contains("never closed"))
    }

    @Test func syntaxErrorInABlockNamesTheLessonLine() {
        let (line, _) = errorLine("## One\n```solution\nlet x = 1\nlet y = (1 +\n```\n")
        #expect(line == 8)
    }

    @Test func frontMatterErrors() {
        func failure(_ text: String) -> (Int, String) {
            do {
                _ = try LessonParser.parse(text, path: "x.md")
                return (-1, "")
            } catch let error as LessonError {
                return (error.line, error.message)
            } catch { return (-1, "\(error)") }
        }
        #expect(failure("---\ntitle: T\n---\n## A\n").0 == 1)
        #expect(failure("---\ntitle: T\n---\n## A\n").1 == "the front matter has no 'id'")
        #expect(failure("# No front matter\n").0 == 1)
        #expect(failure("---\nid: a\ntitle: T\ncovers: S1, Z9\n---\n## A\n") == (4, "unknown topic id 'Z9' in 'covers'"))
        #expect(failure("---\nid: a\ntitel: T\n---\n## A\n") == (3, "unknown front matter key 'titel'"))
        #expect(failure("---\nid: a\ntitle: T\n---\n## A\n```goal\ntrue\n```\n") == (6, "a goal needs the text the student sees"))
        #expect(failure("---\nid: a\ntitle: T\n---\n## A\n```check c\ntrue\n```\n").1 == "check 'c' needs points=N")
    }

    @Test func stepHeadingsLoseTheirNumber() {
        #expect(LessonParser.stepTitle("Step 2 — Numbers") == "Numbers")
        #expect(LessonParser.stepTitle("Step 10: Procs") == "Procs")
        #expect(LessonParser.stepTitle("Steps of a migration") == "Steps of a migration")
    }
}
