import Foundation
import Testing

/// `virtlab grade` as an instructor and Gradescope run it: exact scores, the
/// sandbox, every format read by its real consumer, exit statuses, determinism.
@Suite struct GradeTests {
    /// Grades one submission of the scene's exercise as JSON and returns (score, the submission's JSON).
    private func grade(_ scene: GradeScene, _ text: String, name: String = "s.vlab", extra: [String] = []) throws -> (Int, [String: Any]) {
        let path = try scene.submission(name, text)
        let r = try Binary.run(["grade", scene.exercise, path, "--format", "json"] + extra)
        #expect(r.status == 0, "\(r.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        return (try #require(json["score"] as? Int), json)
    }

    private func statuses(_ json: [String: Any]) -> [String] {
        (json["checks"] as? [[String: Any]] ?? []).map { "\($0["name"]!)=\($0["status"]!)" }
    }

    @Test func correctPartialAndCheatingSubmissionsScoreExactly() throws {
        let scene = try GradeScene()
        #expect(try grade(scene, GradeScene.correct).0 == 12)
        let (partial, json) = try grade(scene, "place all policy=ffd\nfor v in [vm list] { vm start $v.name }\n")
        #expect(partial == 7)
        #expect(statuses(json) == ["placed=passed", "running=passed", "few-hosts=failed", "no-overcommit=passed",
                                   "a-day=failed", "energy=failed", "db-apart=passed"])
        // Printing what a report would say earns nothing: only state counts (1 point holds after the setup).
        let cheat = "print PASS\nprint \"ok 1 - placed\"\nprint '{\"score\": 12}'\nprint '</testsuite>'\n"
        #expect(try grade(scene, cheat).0 == 1)
        let r = try Binary.run(["grade", scene.exercise, scene.classFolder + "/s.vlab", "--format", "tap"])
        #expect(!r.stdout.contains("PASS") && !r.stdout.contains("score\": 12"), "what a submission prints never reaches the report")
    }

    @Test func aLoopingSubmissionKeepsItsCreditAndSaysWhereItStopped() throws {
        let scene = try GradeScene()
        // A generous wall clock: this is about the step budget, even on a loaded machine.
        let (score, json) = try grade(scene, "place all policy=ffd\nwhile true { }\n", extra: ["--timeout", "300"])
        #expect(score == 5)
        #expect(json["stopped"] as? String == "stopped after 10,000,000 steps at line 2")
        let (small, smallJSON) = try grade(scene, "place all policy=ffd\nproc f { f }\nf\n")
        #expect(small == 5)
        #expect((smallJSON["stopped"] as? String ?? "").hasPrefix("stopped at line 2: recursion deeper than 10000 calls"))
    }

    @Test func theSandboxReadsAndWritesNothingOutsideTheExerciseFolder() throws {
        let scene = try GradeScene()
        let escaped = NSTemporaryDirectory() + "virtlab-escape-" + UUID().uuidString
        // Each outside file, if read, would earn full marks; each write would leave a file.
        let attempts = [
            "source \(scene.outside)\n": "stopped at line 1: 'source \(scene.outside)' reaches outside the exercise's folder",
            "source link.vlab\n": "stopped at line 1: 'source link.vlab' reaches outside the exercise's folder",
            "source ../outside/secret.vlab\n": "stopped at line 1: 'source ../outside/secret.vlab' reaches outside",
            "save \(escaped)\n": "stopped at line 1: 'save' cannot touch files here",
            "export dot \(escaped)\n": "stopped at line 1: 'export dot' cannot touch files here",
            "load \(scene.outside)\n": "stopped at line 1: 'load' cannot touch files here",
            "source ../class/other.vlab\n": "reaches outside",
        ]
        try scene.submission("other.vlab", GradeScene.correct)
        for (text, why) in attempts.sorted(by: { $0.key < $1.key }) {
            let (score, json) = try grade(scene, text)
            #expect(score == 1, "\(text)")
            #expect((json["stopped"] as? String ?? "").contains(why), "\(text): \(json["stopped"] ?? "nil")")
        }
        #expect(!FileManager.default.fileExists(atPath: escaped))
        // The exercise's own folder is open to `source`, relative to it.
        #expect(try grade(scene, "source helper.vlab\n").0 == 12)
    }

    @Test func aSubmissionThatIsNotTextScoresZeroWithThatFeedback() throws {
        let scene = try GradeScene()
        let path = scene.classFolder + "/binary.vlab"
        try Data([0x7F, 0x45, 0x4C, 0x46, 0, 1, 2]).write(to: URL(fileURLWithPath: path))
        let r = try Binary.run(["grade", scene.exercise, path], environment: ["NO_COLOR": "1"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("not graded: the submission is not text (a zero byte at offset 4)"))
        #expect(r.stdout.hasSuffix("score: 0/12 (2 of the 12 points come from hidden checks, which students see only once grades are published)\n"))
    }

    @Test func everyFormatIsReadByItsRealConsumer() throws {
        let scene = try GradeScene()
        let partial = try scene.submission("partial.vlab", "place all\nvm strat x\n")
        let expected = [
            "json": "partial.vlab=3",
            "gradescope": "score=3 tests=7 hidden=1",
            "exercism": "status=fail tests=7",
            "junit": "tests=7 failures=5 errors=0",
            "csv": "\(partial)=3",
        ]
        for (format, summary) in expected.sorted(by: { $0.key < $1.key }) {
            let out = scene.root + "/report." + format
            let r = try Binary.run(["grade", scene.exercise, partial, "--format", format, "--output", out])
            #expect(r.status == 0 && r.stdout.isEmpty, "\(format): \(r.stderr)")
            let read = try consumerSummary(format, out)
            #expect(read.status == 0, "\(format) rejected: \(read.stderr)")
            #expect(read.stdout == summary + "\n", "\(format)")
        }
        let tap = scene.root + "/report.tap"
        #expect(try Binary.run(["grade", scene.exercise, partial, "--format", "tap", "--output", tap]).status == 0)
        let prove = try runTool(["prove", "--exec", "cat", tap])
        #expect(prove.stdout.contains("Tests: 7 Failed: 5)"), "\(prove.stdout)")
        #expect(!prove.stdout.contains("Parse errors"), "\(prove.stdout)")
        let full = try scene.submission("full.vlab", GradeScene.correct)
        #expect(try Binary.run(["grade", scene.exercise, full, "--format", "tap", "--output", tap]).status == 0)
        #expect(try runTool(["prove", "--exec", "cat", tap]).stdout.contains("Result: PASS"))
    }

    @Test func exercismSaysErrorWithAMessageWhenNothingRan() throws {
        let scene = try GradeScene()
        let broken = try scene.submission("syntax.vlab", "let x = (1 +\n")
        let out = scene.root + "/results.json"
        #expect(try Binary.run(["grade", scene.exercise, broken, "--format", "exercism", "--output", out]).status == 0)
        #expect(try consumerSummary("exercism", out).stdout == "status=error tests=7\n")
        #expect(scene.read(out)?.contains(#""message":"did not run: syntax error at line 1"#) == true)
    }

    @Test func aClassIsGradedWithACsvRowEachAndASummary() throws {
        let scene = try GradeScene()
        try scene.submission("a-correct.vlab", GradeScene.correct)
        try scene.submission("b-partial.vlab", "place all policy=ffd\nfor v in [vm list] { vm start $v.name }\n")
        try scene.submission("c-cheat.vlab", "print PASS\n")
        try scene.submission("d-loop.vlab", "place all policy=ffd\nwhile true { }\n")
        try scene.write("not a submission", to: scene.classFolder + "/notes.txt")
        let csv = try Binary.run(["grade", scene.exercise, scene.classFolder, "--format", "csv", "--max-steps", "50000"])
        #expect(csv.status == 0)
        #expect(csv.stdout == """
            submission,placed,running,few-hosts,no-overcommit,a-day,energy,db-apart,total
            a-correct.vlab,2,2,2,1,1,2,2,12
            b-partial.vlab,2,2,0,1,0,0,2,7
            c-cheat.vlab,0,0,0,1,0,0,0,1
            d-loop.vlab,2,0,0,1,0,0,2,5

            """)
        #expect(csv.stderr.isEmpty, "no progress bar when stderr is not a terminal")
        let text = try Binary.run(["grade", scene.exercise, scene.classFolder, "--max-steps", "50000"]).stdout
        #expect(text.contains("  d-loop.vlab      5/12  stopped after 50,000 steps at line 2\n"))
        #expect(text.contains("Scores (mean 6.25, median 6 of 12)\n"))
        #expect(text.contains("   1 | ████████████████████ 1\n"))
        #expect(text.contains("  running [2]           | ██████████░░░░░░░░░░  50%  2/4\n"))
        #expect(text.contains("  db-apart (hidden) [2] | ███████████████░░░░░  75%  3/4\n"))
        let junit = scene.root + "/class.xml"
        #expect(try Binary.run(["grade", scene.exercise, scene.classFolder, "--format", "junit", "--output", junit, "--max-steps", "50000"]).status == 0)
        #expect(try consumerSummary("junit", junit).stdout == "tests=7 failures=0 errors=0 tests=7 failures=3 errors=0 tests=7 failures=6 errors=0 tests=7 failures=4 errors=0\n")
        let json = scene.root + "/class.json"
        #expect(try Binary.run(["grade", scene.exercise, scene.classFolder, "--format", "json", "--output", json, "--max-steps", "50000"]).status == 0)
        #expect(try consumerSummary("json", json).stdout == "a-correct.vlab=12 b-partial.vlab=7 c-cheat.vlab=1 d-loop.vlab=5\n")
    }

    @Test func aClassShowsAProgressBarOnATerminalOnly() throws {
        let scene = try GradeScene()
        for index in 1...5 { try scene.submission("s\(index).vlab", GradeScene.correct) }
        // stderr is a pseudo-terminal, stdout a pipe: the bar goes to the terminal and is cleared.
        let driver = """
            import os, pty, subprocess, sys
            master, slave = pty.openpty()
            p = subprocess.Popen(sys.argv[1:], stdout=subprocess.PIPE, stderr=slave)
            os.close(slave)
            out = p.stdout.read().decode()
            err = b""
            while True:
                try:
                    chunk = os.read(master, 4096)
                except OSError:
                    break
                if not chunk:
                    break
                err += chunk
            p.wait()
            print(repr(err.decode()))
            print("escape in stdout" if "\\x1b" in out else "plain stdout")
            """
        let r = try runTool(["python3", "-c", driver, Binary.path, "grade", scene.exercise, scene.classFolder, "--format", "csv"])
        #expect(r.stdout.contains("grading [##############################] 5/5"), "\(r.stdout)")
        #expect(r.stdout.contains("\\x1b[2K"), "the bar is cleared when grading ends")
        #expect(r.stdout.hasSuffix("plain stdout\n"))
    }

    @Test func gradesAreTheSameBytesOnEveryRun() throws {
        let scene = try GradeScene()
        try scene.submission("a.vlab", GradeScene.correct)
        try scene.submission("b.vlab", "place all\nvm strat x\n")
        try scene.submission("c.vlab", "place all policy=ffd\nwhile true { }\n")
        for format in ["json", "junit", "csv", "text"] {
            let args = ["grade", scene.exercise, scene.classFolder, "--format", format, "--max-steps", "20000"]
            let first = try Binary.run(args).stdout, second = try Binary.run(args + ["--jobs", "1"]).stdout
            #expect(withoutTimes(first) == withoutTimes(second), "\(format)")
        }
    }

    @Test func outputIsWrittenAtomicallyAndNeverOverAnInput() throws {
        let scene = try GradeScene()
        let submission = try scene.submission("s.vlab", GradeScene.correct)
        for target in [submission, scene.exercise] {
            let r = try Binary.run(["grade", scene.exercise, submission, "--output", target])
            #expect(r.status == 64)
            #expect(r.stderr.contains("is one of the inputs"))
        }
        let inClass = try Binary.run(["grade", scene.exercise, scene.classFolder, "--format", "csv", "--output", scene.classFolder + "/grades.csv"])
        #expect(inClass.status == 64)
        #expect(scene.read(submission) == GradeScene.correct)
        let out = scene.root + "/grades.txt"
        try scene.write("old grades", to: out)
        #expect(try Binary.run(["grade", scene.exercise, submission, "--output", out]).status == 0)
        #expect(scene.read(out)?.hasSuffix("score: 12/12 (2 of the 12 points come from hidden checks, which students see only once grades are published)\n") == true)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: scene.root).filter { $0.hasPrefix(".") || $0.contains("grades.txt.") }
        #expect(leftovers.isEmpty, "no temporary file is left behind")
    }

    @Test func badUsageExits64WithAClearError() throws {
        let scene = try GradeScene()
        let submission = try scene.submission("s.vlab", GradeScene.correct)
        let empty = scene.root + "/empty"
        try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
        let cases: [([String], String)] = [
            ([scene.exercise, empty], "no .vlab submissions in"),
            ([scene.exercise, scene.root + "/missing.vlab"], "no submission file or folder"),
            ([scene.root + "/missing.md", submission], "no exercise file"),
            ([scene.exerciseFolder, submission], "is a folder; name the exercise's .md file"),
            ([scene.exercise, submission, "--colour"], "Unknown option"),
            ([scene.exercise, submission, "--format", "yaml"], "format"),
            ([scene.exercise, scene.classFolder, "--format", "gradescope"], "reports one submission"),
            ([scene.exercise], "give a submission"),
            ([scene.exercise, submission, "--output", ""], "--output needs a file name"),
            ([scene.exercise, submission, "--max-steps", "0"], "--max-steps must be at least 1"),
            ([scene.exercise, submission, "--max-steps", "-1"], "--max-steps"),
            ([scene.exercise, submission, "--max-steps", "1e308"], "max-steps"),
            ([scene.exercise, submission, "--max-steps", "99999999999999999999"], "max-steps"),
            ([scene.exercise, submission, "--timeout", "0"], "--timeout must be more than 0"),
            ([scene.exercise, submission, "--timeout", "nan"], "--timeout must be more than 0"),
            ([scene.exercise, submission, "--jobs", "0"], "--jobs must be between 1 and 1024"),
            (["--check", scene.exercise, submission], "give no submission"),
        ]
        for (args, message) in cases {
            let r = try Binary.run(["grade"] + args)
            #expect(r.status == 64, "\(args): \(r.stderr)")
            #expect(r.stderr.contains(message), "\(args): \(r.stderr)")
        }
        // Extreme but valid limits grade normally.
        for extra in [["--max-steps", "9223372036854775807"], ["--timeout", "inf"], ["--timeout", "1e308"], ["--jobs", "1024"]] {
            #expect(try Binary.run(["grade", scene.exercise, submission] + extra).status == 0, "\(extra)")
        }
    }

    @Test func aBrokenExerciseExits2AndSaysWhy() throws {
        let scene = try GradeScene()
        let submission = try scene.submission("s.vlab", GradeScene.correct)
        let exercise = try #require(scene.read(scene.exercise))
        let broken: [(String, String)] = [
            (exercise.replacingOccurrences(of: "```check", with: "```goal"), "the exercise has no checks"),
            (exercise.replacingOccurrences(of: "check a-day points=1", with: "check a-day points=0"), "check 'a-day' has no points"),
            (exercise.replacingOccurrences(of: "check a-day points=1", with: "check placed points=1"), "two checks are named 'placed'"),
            (exercise.replacingOccurrences(of: "< 7kWh", with: "< 1kWh"), "the reference solution fails its own check 'energy'"),
            (exercise.replacingOccurrences(of: "hypervisor install pm$i kind=full", with: "hypervisor install pm$i kind=fast"), "the setup fails"),
            (exercise.replacingOccurrences(of: "```solution", with: "```wrong"), "the exercise has no reference solution"),
        ]
        for (text, message) in broken {
            try scene.write(text, to: scene.exercise)
            let r = try Binary.run(["grade", scene.exercise, submission])
            #expect(r.status == 2, "\(message): \(r.stderr)")
            #expect(r.stderr.contains(message), "\(message): \(r.stderr)")
        }
    }

    @Test func checkValidatesTheShippedExercisesAndCatchesAVacuousCheck() throws {
        for exercise in ["exercises/01-consolidation.md", "exercises/02-hypervisors.md"] {
            let r = try Binary.run(["grade", "--check", exercise])
            #expect(r.status == 0, "\(exercise): \(r.stdout)")
            #expect(r.stdout.hasPrefix("ok   reference solution: "))
            #expect(r.stdout.hasSuffix("the exercise is sound\n"))
        }
        let scene = try GradeScene()
        let exercise = try #require(scene.read(scene.exercise))
        try scene.write(exercise.replacingOccurrences(of: "expect [now] >= 24h \"a day has passed\"", with: "expect [now] >= 0s"), to: scene.exercise)
        let r = try Binary.run(["grade", "--check", scene.exercise])
        #expect(r.status == 2)
        #expect(r.stdout.contains("FAIL check 'a-day' at \(scene.exercise):"))
        #expect(r.stdout.hasSuffix("1 problem\n"))
    }
}
