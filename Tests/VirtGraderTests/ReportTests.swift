import Testing
@testable import VirtGrader

@Suite struct ReportTests {
    /// A result whose names and messages hold what each format must escape.
    private func awkward() throws -> (SubmissionResult, Exercise) {
        let grader = try Grader(exercise: exercise())
        var result = grader.grade("a,\"b\" #1.vlab", bytes: Array("let answer = 42\n".utf8))
        result.checks[0].message = "bad <xml> & \"quotes\" \u{1} # not a directive"
        return (result, grader.exercise)
    }

    @Test func junitEscapesMarkupAndCharactersXmlForbids() throws {
        let (result, exercise) = try awkward()
        let xml = ReportFormat.junit.render(result, of: exercise)
        #expect(xml.contains(#"<failure message="bad &lt;xml&gt; &amp; &quot;quotes&quot; \#u{FFFD} # not a directive" type="expectation">"#))
        #expect(xml.contains(#"<testsuite name="90-small: a,&quot;b&quot; #1.vlab" tests="3" failures="1" errors="1""#))
    }

    @Test func csvQuotesNamesAndTapEscapesHashes() throws {
        let (result, exercise) = try awkward()
        #expect(ReportFormat.csv.render(result, of: exercise) == "submission,hypervisor,running,answer,total\n\"a,\"\"b\"\" #1.vlab\",0,0,1,1\n")
        let tap = ReportFormat.tap.render(result, of: exercise)
        #expect(tap.hasPrefix("TAP version 13\n1..3\nnot ok 1 - hypervisor [0/2]\n  ---\n  message: \"bad <xml> & \\\"quotes\\\" \\u0001 # not a directive\"\n"))
        #expect(tap.contains("not ok 2 - running (hidden) [0/3]\n"))
        #expect(tap.hasSuffix("# score 1/6\n# 3 of the 6 points come from hidden checks, which students see only once grades are published\n"))
    }

    @Test func theClassHistogramUsesTenRangesAboveTwentyPoints() throws {
        let text = smallExercise.replacingOccurrences(of: "points=3 hidden", with: "points=40 hidden")
        let e = try exercise(text)
        let summary = ClassSummary([], of: e)
        #expect(summary.histogram.map(\.label) == ["0-4", "5-9", "10-14", "15-19", "20-24", "25-29", "30-34", "35-39", "40-43"])
        #expect(ClassSummary.bar(1, of: 4, width: 8) == "██░░░░░░")
        #expect(ClassSummary.bar(0, of: 0) == String(repeating: "░", count: 20))
    }

    @Test func gradescopeMarksHiddenChecksAndSaysTheScoreIsNotWhole() throws {
        let grader = try Grader(exercise: exercise())
        let json = ReportFormat.gradescope.render(grader.grade("s", bytes: []), of: grader.exercise)
        #expect(json.contains(#"{"name":"running (hidden)","score":0,"max_score":3,"status":"failed","output":"error: VM 'v1' does not exist (hint: there are no VMs yet)","visibility":"after_published"}"#))
        #expect(json.contains(#""output":"Score: 0/6.\n3 of the 6 points come from hidden checks, which students see only once grades are published.""#))
    }
}
