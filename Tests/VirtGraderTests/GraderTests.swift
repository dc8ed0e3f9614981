import Foundation
import Testing
import VirtLang
import VirtLessons
@testable import VirtGrader

@Suite struct GraderTests {
    private func grade(_ text: String, limits: GradingLimits = GradingLimits()) throws -> SubmissionResult {
        try Grader(exercise: exercise(), limits: limits).grade("s.vlab", bytes: Array(text.utf8))
    }

    @Test func partialCreditIsTheSumOfTheChecksThatHold() throws {
        let result = try grade("hypervisor install pm1 kind=full\nlet answer = 42\nvm create v1 host=pm1 vcpus=1 mem=1G os=linux\n")
        #expect(result.score == 3 && result.maxScore == 6)
        #expect(result.checks.map(\.status) == [.passed, .failed, .passed])
        #expect(result.checks.map(\.check.step) == [1, 1, 2])
        #expect(result.checks[1].message == "expectation failed: [vm info v1].state == running")
        #expect((result.checks[1].left, result.checks[1].right) == ("stopped", "running"))
        #expect(result.stopped == nil && result.unscored == nil)
    }

    @Test func aCheckThatIsFalseWithoutAnExpectationFails() throws {
        let result = try grade("let answer = 7\n")
        #expect(result.checks[2].status == .failed)
        #expect(result.checks[2].message == "the check's condition is false")
    }

    @Test func aCheckThatHitsAnotherErrorScoresZeroAsAnError() throws {
        // The check asks about a VM the submission never made.
        let result = try grade("")
        #expect(result.checks[1].status == .error)
        #expect(result.checks[1].kind == "name")
        #expect(result.checks[1].message.hasPrefix("VM 'v1' does not exist"))
    }

    @Test func checksRunIndependentlyOnCopies() throws {
        // Each check installs a hypervisor: were the copies shared, the second would fail.
        let text = "---\nid: x\ntitle: X\n---\n## S\n" + block("vlab setup", "reset\nhost add pm2 cpus=4 mem=8G")
            + block("check first points=1", "hypervisor install pm2 kind=full") + block("check second points=1", "hypervisor install pm2 kind=full")
            + block("solution", "let x = 1")
        let result = try Grader(exercise: exercise(text)).grade("s", bytes: [])
        #expect(result.checks.map(\.status) == [.passed, .passed])
    }

    @Test func aSubmissionStoppedByTheStepBudgetKeepsItsCreditAndSaysWhere() throws {
        var limits = GradingLimits()
        limits.maxSteps = 500
        let result = try grade("hypervisor install pm1 kind=full\nlet answer = 42\nwhile true {\n  let x = 1\n}\n", limits: limits)
        #expect(result.score == 3)
        #expect(result.stopped == "stopped after 500 steps at line 4")
    }

    @Test func aWorldThatGrowsWithoutBoundStopsDeterministically() throws {
        var limits = GradingLimits()
        limits.maxObjects = 1_000
        let text = "hypervisor install pm1 kind=full\nlet answer = 42\nfor i in 1..1000000 {\n  host add h$i cpus=1 mem=1G\n}\n"
        let first = try grade(text, limits: limits), second = try grade(text, limits: limits)
        #expect(first.score == 3)
        #expect(first.stopped == "stopped after the world grew past 1,000 objects at line 3")
        #expect(first.stopped == second.stopped)
    }

    @Test func theStepBudgetCountsTheSubmissionOnly() throws {
        var limits = GradingLimits()
        limits.maxSteps = 4
        // The setup takes 4 steps; the submission's 4 fit the budget on their own.
        #expect(try grade("hypervisor install pm1 kind=full\nlet answer = 42\nlet y = 1\nlet z = 1\n", limits: limits).stopped == nil)
    }

    @Test func theWallClockSafetyNetGivesAnErrorNotALowerScore() throws {
        var limits = GradingLimits()
        limits.timeout = 0.05
        let result = try grade("hypervisor install pm1 kind=full\nwhile true { }\n", limits: limits)
        #expect(result.score == 0)
        #expect(result.checks.allSatisfy { $0.status == .error })
        let why = try #require(result.unscored)
        #expect(why.hasPrefix("stopped by the 0.05s wall-clock safety net at line 2 before its 10,000,000-step budget ran out"))
    }

    @Test func aSyntaxErrorRunsNothingAndSaysSo() throws {
        let result = try grade("hypervisor install pm1 kind=full\nlet x = (1 +\n")
        #expect(result.score == 0)
        #expect(result.stopped?.hasPrefix("did not run: syntax error at line 2") == true)
    }

    @Test func bytesThatAreNotTextAreNotGraded() throws {
        #expect(try grade("ok").unscored == nil)
        let grader = try Grader(exercise: exercise())
        #expect(grader.grade("b", bytes: [0xFF, 0xFE]).unscored == "the submission is not text (it is not valid UTF-8); submit a .vlab script")
        var limits = GradingLimits()
        limits.maxBytes = 4
        #expect(try grade("12345", limits: limits).unscored == "the submission is larger than 4 bytes")
    }

    @Test func theSameSubmissionGetsTheSameReportBytes() throws {
        let grader = try Grader(exercise: exercise())
        for format in ReportFormat.allCases {
            let a = grader.grade("s.vlab", bytes: Array("hypervisor install pm1 kind=para\nvm strat\n".utf8))
            var b = grader.grade("s.vlab", bytes: Array("hypervisor install pm1 kind=para\nvm strat\n".utf8))
            b.seconds = a.seconds
            for index in b.checks.indices { b.checks[index].seconds = a.checks[index].seconds }
            #expect(format.render(a, of: grader.exercise) == format.render(b, of: grader.exercise), "\(format)")
        }
    }

    @Test func aClassGradedInParallelMatchesOneByOne() throws {
        let folder = try temporaryFolder()
        let texts = ["hypervisor install pm1 kind=full", "let answer = 42", "while true { }", "", "vm strat"]
        for (index, text) in texts.enumerated() {
            try Data(text.utf8).write(to: URL(fileURLWithPath: folder + "/s\(index).vlab"))
        }
        var limits = GradingLimits()
        limits.maxSteps = 10_000
        let grader = try Grader(exercise: exercise(), limits: limits)
        let files = SubmissionFile.all(in: folder)
        let parallel = grader.grade(class: files, workers: 4).map { "\($0.submission)=\($0.score)" }
        let serial = files.map { grader.grade($0) }.map { "\($0.submission)=\($0.score)" }
        #expect(parallel == serial)
        #expect(parallel == ["s0.vlab=2", "s1.vlab=1", "s2.vlab=0", "s3.vlab=0", "s4.vlab=0"])
    }
}
