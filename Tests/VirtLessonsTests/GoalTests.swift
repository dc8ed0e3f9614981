import Testing
import VirtBindings
import VirtLang
@testable import VirtLessons

@Suite struct GoalTests {
    let session = VirtLab.makeInterpreter()

    func goal(_ code: String) -> Goal { Goal(text: "g", script: ScriptBlock(text: code, line: 10)) }

    @Test func expressionsAndScripts() throws {
        try session.execute("let x = 3")
        #expect(goal("$x == 3").evaluate(on: session, path: "l.md").holds)
        #expect(!goal("$x == 4").evaluate(on: session, path: "l.md").holds)
        #expect(goal("expect $x > 1\nexpect $x < 5").evaluate(on: session, path: "l.md").holds)
        guard case .fails(let why?) = goal("expect $x == 4 \"x should be 4\"").evaluate(on: session, path: "l.md") else {
            Issue.record("a failed expect should fail the goal")
            return
        }
        #expect(why.contains("x should be 4"))
    }

    @Test func goalsRunOnACopy() throws {
        try session.execute("let x = 3")
        #expect(goal("let x = 99\nreset\nadvance 1h").evaluate(on: session, path: "l.md").holds)
        #expect(session.globals["x"] == .int(3))
        #expect(try session.execute("now").text == "0s")
    }

    @Test func otherErrorsAreErrorsOfTheLessonAtItsLine() {
        guard case .error(let error) = goal("(true)\n$nope == 1").evaluate(on: session, path: "l.md") else {
            Issue.record("an unknown variable should be an error")
            return
        }
        #expect(error.line == 11)
        #expect(error.fileName == "l.md")
        guard case .error = goal("42").evaluate(on: session, path: "l.md") else {
            Issue.record("a goal giving a number should be an error")
            return
        }
    }

    @Test func anEndlessGoalStops() {
        guard case .error(let error) = goal("while true { }").evaluate(on: session, path: "l.md") else {
            Issue.record("an endless goal should stop")
            return
        }
        #expect(error.kind == .limit)
    }
}
