import Testing
@testable import VirtLessons

@Suite struct LessonCheckerTests {
    /// Every lesson of the repository passes `virtlab test`.
    @Test(arguments: LessonLibrary.lessonFiles(in: repositoryRoot + "/lessons"))
    func everyLessonPasses(_ path: String) throws {
        let lines = Lines()
        let tally = LessonTestRun(out: lines.add).run(paths: [path])
        #expect(tally.failed == 0, "\(lines.text)")
        #expect(tally.passed > 0)
    }

    @Test func thereAreLessons() {
        #expect(!LessonLibrary.lessonFiles(in: repositoryRoot + "/lessons").isEmpty)
        #expect(!LessonLibrary.lessonFiles(in: repositoryRoot + "/lessons").contains { $0.hasSuffix("README.md") })
    }

    @Test func aVacuousGoalIsReported() throws {
        let vacuous = try lesson("## One\n" + block("goal x is positive", "$x > 0 or true")
                                 + block("solution", "let x = 1") + block("wrong", "let x = -1"))
        let reports = LessonChecker().check(vacuous)
        #expect(!reports[0].passed)
        #expect(reports[0].problems.first == "test.md:13: the wrong attempt makes every goal hold, so a goal checks too little")
        #expect(reports[0].text.hasPrefix("FAIL 99-test 1/1 One"))
    }

    @Test func aGoalNoWrongAttemptFailsIsReported() throws {
        let step = try lesson("## One\n" + block("goal x is 2", "$x == 2") + block("goal y is 3", "$y == 3")
                              + block("solution", "let x = 2; let y = 3") + block("wrong", "let x = 1; let y = 3"))
        #expect(LessonChecker().check(step)[0].problems
            == ["test.md:10: no wrong attempt makes goal 'y is 3' fail, so it may be vacuous: add a wrong attempt that misses it"])
        let covered = try lesson("## One\n" + block("goal x is 2", "$x == 2") + block("goal y is 3", "$y == 3")
                                 + block("solution", "let x = 2; let y = 3") + block("wrong", "let x = 1; let y = 3")
                                 + block("wrong", "let x = 2; let y = 4"))
        #expect(LessonChecker().check(covered)[0].passed)
    }

    @Test func aSolutionThatMissesIsReportedWithBothLines() throws {
        let missing = try lesson("## One\n" + block("goal x is 2", "expect $x == 2")
                                 + block("solution", "let x = 1") + block("wrong", "let x = 3"))
        let problem = try #require(LessonChecker().check(missing)[0].problems.first)
        #expect(problem.hasPrefix("test.md:10: the solution leaves goal 'x is 2' (line 7) unmet: expectation failed"))
    }

    @Test func scriptErrorsPointAtTheLessonLine() throws {
        let broken = try lesson("## One\nProse.\n" + block("vlab example", "print ok\nprint $missing"))
        #expect(LessonChecker().check(broken)[0].problems == ["test.md:9:7: the example fails: unknown variable '$missing' (hint: define it first with 'let missing = …')"])
    }

    @Test func stepsBuildOnEarlierSolutionsAndGoalErrorsFail() throws {
        let two = try lesson("## One\n" + block("goal a", "$x == 1") + block("solution", "let x = 1") + block("wrong", "let x = 0")
                             + "## Two\n" + block("goal b", "$x + $y == 3") + block("solution", "let y = 2") + block("wrong", "let z = 2"))
        let reports = LessonChecker().check(two)
        #expect(reports[0].passed)
        #expect(!reports[1].passed)
        #expect(reports[1].problems.contains { $0.contains("goal 'b' fails with an error after the wrong attempt") })
    }

    @Test func goalsNeedASolutionAndAWrongAttempt() throws {
        let bare = try lesson("## One\n" + block("goal a", "(true)"))
        #expect(LessonChecker().check(bare)[0].problems.count == 2)
    }

    @Test func theClosingLineCountsStepsAndUnreadableFilesFail() throws {
        let folder = try temporaryFolder()
        try "---\ntitle: no id\n---\n## A\n".write(toFile: folder + "/01-bad.md", atomically: true, encoding: .utf8)
        let lines = Lines()
        let tally = LessonTestRun(out: lines.add).run(paths: [folder, repositoryRoot + "/lessons/00-the-language.md"])
        #expect(tally.failed == 1)
        #expect(lines.all.last == "\(tally.passed) passed, 1 failed")
        #expect(lines.all.first?.hasPrefix("FAIL \(folder)/01-bad.md\n     \(folder)/01-bad.md:1: error: the front matter has no 'id'") == true)
    }

    @Test func coverageListsTopicsNoLessonCovers() throws {
        let covering = try lesson("## One\n", id: "01-x")
        var withCovers = covering
        withCovers.covers = Coverage.ids.filter { $0 != "S7b" }
        #expect(Coverage.uncovered(by: [withCovers]).map(\.id) == ["S7b"])
        #expect(Coverage.ids.count == 27)
        #expect(Coverage.report(for: [covering]).hasPrefix("27 of 27 topics"))
    }
}

/// Collects output lines.
final class Lines: @unchecked Sendable {
    private(set) var all: [String] = []
    func add(_ line: String) { all.append(line) }
    var text: String { all.joined(separator: "\n") }
}
