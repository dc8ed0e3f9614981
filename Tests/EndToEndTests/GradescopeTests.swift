import Foundation
import Testing

/// autograder/setup.sh and run_autograder end to end, in a temporary folder laid
/// out as Gradescope lays out /autograder (AUTOGRADER_ROOT points the scripts at it).
@Suite struct GradescopeTests {
    /// /autograder/source (the autograder zip: scripts, bin/virtlab, exercise/exercise.md), submission/, results/.
    private func layout() throws -> String {
        let root = NSTemporaryDirectory() + "virtlab-autograder-" + UUID().uuidString
        let fm = FileManager.default
        for folder in ["source/bin", "source/exercise", "submission", "results"] {
            try fm.createDirectory(atPath: root + "/" + folder, withIntermediateDirectories: true)
        }
        for script in ["setup.sh", "run_autograder"] {
            try fm.copyItem(atPath: Binary.root.path + "/autograder/" + script, toPath: root + "/source/" + script)
        }
        try fm.copyItem(atPath: Binary.path, toPath: root + "/source/bin/virtlab")
        try fm.copyItem(atPath: Binary.root.path + "/exercises/01-consolidation.md", toPath: root + "/source/exercise/exercise.md")
        let setup = try runTool([root + "/source/setup.sh"], environment: ["AUTOGRADER_ROOT": root])
        #expect(setup.status == 0, "\(setup.stderr)")
        #expect(setup.stdout.hasSuffix("the exercise is sound\n"))
        return root
    }

    private func runAutograder(_ root: String) throws -> [String: Any] {
        let r = try runTool([root + "/source/run_autograder"], environment: ["AUTOGRADER_ROOT": root])
        #expect(r.status == 0, "\(r.stderr)")
        let results = root + "/results/results.json"
        let check = try consumerSummary("gradescope", results)
        #expect(check.status == 0, "results.json breaks Gradescope's schema: \(check.stderr)")
        let data = try #require(FileManager.default.contents(atPath: results))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test func aSubmissionIsGradedIntoResultsJson() throws {
        let root = try layout()
        try Data("place all\nfor v in [vm list] { vm start $v.name }\nhost power pm4 off\nadvance 24h\nprint PASS\n".utf8)
            .write(to: URL(fileURLWithPath: root + "/submission/lab.vlab"))
        let results = try runAutograder(root)
        #expect(results["score"] as? Int == 10)
        let tests = try #require(results["tests"] as? [[String: Any]])
        #expect(tests.map { $0["visibility"] as! String } == Array(repeating: "visible", count: 6) + ["after_published"])
        #expect((results["output"] as? String)?.contains("2 of the 12 points come from hidden checks") == true)
    }

    @Test func noSubmissionOrSeveralStillWriteResults() throws {
        let root = try layout()
        var results = try runAutograder(root)
        #expect(results["score"] as? Int == 0)
        #expect((results["output"] as? String)?.hasPrefix("No .vlab file was submitted") == true)
        for name in ["a.vlab", "b.vlab"] {
            try Data("print hi\n".utf8).write(to: URL(fileURLWithPath: root + "/submission/" + name))
        }
        results = try runAutograder(root)
        #expect((results["output"] as? String)?.hasPrefix("Several .vlab files were submitted") == true)
    }

    @Test func aBrokenExerciseIsReportedNotCrashed() throws {
        let root = try layout()
        try Data("---\nid: x\ntitle: X\n---\n## S\n```solution\nreset\n```\n".utf8)
            .write(to: URL(fileURLWithPath: root + "/source/exercise/exercise.md"))
        try Data("reset\n".utf8).write(to: URL(fileURLWithPath: root + "/submission/lab.vlab"))
        let results = try runAutograder(root)
        #expect(results["score"] as? Int == 0)
        #expect((results["output"] as? String)?.contains("virtlab exit status 2") == true)
    }
}
