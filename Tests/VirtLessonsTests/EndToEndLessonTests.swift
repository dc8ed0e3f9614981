import Foundation
import Testing

/// The built binary, `.build/debug/virtlab` in the repository.
let virtlabBinary = repositoryRoot + "/.build/debug/virtlab"

/// The built `virtlab` binary, driven through pipes with its own data folder.
@Suite(.enabled(if: FileManager.default.isExecutableFile(atPath: virtlabBinary),
                "skipped: \(virtlabBinary) is missing; run `swift build` first"))
struct EndToEndLessonTests {
    let data: String
    let lessons = repositoryRoot + "/lessons"

    init() throws { data = try temporaryFolder() }

    /// Runs virtlab with `arguments` and `input` on stdin; returns status, stdout, stderr.
    func virtlab(_ arguments: [String], input: String = "", in folder: String? = nil) throws -> (status: Int32, out: String, err: String) {
        let process = Process()
        if let folder { process.currentDirectoryURL = URL(fileURLWithPath: folder) }
        process.executableURL = URL(fileURLWithPath: virtlabBinary)
        process.arguments = arguments
        process.environment = ["XDG_DATA_HOME": data, "HOME": data, "NO_COLOR": "1"]
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        let out = String(decoding: stdout.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let err = String(decoding: stderr.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, out, err)
    }

    @Test func aLessonThroughPipedInputKeepsProgress() throws {
        let first = try virtlab(["lesson", "00", "--dir", lessons],
                                input: "let me = Grace\nhint\nlet me = \"Grace Hopper\"\nprogress\n")
        #expect(first.status == 0)
        #expect(first.out.contains("Hint 1 of 2:"))
        #expect(first.out.contains("✓ Step 1 done"))
        #expect(first.out.contains("  ▸ 2 Numbers and sizes  ← you are here"))
        #expect(FileManager.default.fileExists(atPath: data + "/virtlab/progress.json"))

        let again = try virtlab(["lesson", "--dir", lessons], input: "goals\n")
        #expect(again.out.contains("Welcome back: picking up at step 2."))
        #expect(try virtlab(["lessons", "--dir", lessons]).out.contains("in progress (1 of 7 steps)"))

        #expect(try virtlab(["lessons", "reset", "00", "--dir", lessons]).out == "Progress in 00-the-language cleared.\n")
        #expect(try virtlab(["lessons", "--dir", lessons]).out.contains("not started"))
    }

    /// Issue 9, 4.10: the lessons ship with the program, wherever it is started.
    @Test func theShippedLessonsAreFoundFromAnyFolder() throws {
        let listed = try virtlab(["lessons"], in: data)
        #expect(listed.status == 0, "\(listed.err)")
        #expect(listed.out.contains("00-the-language"))
        #expect(listed.out.contains("06-live-migration"))
        // An instructor's own folder still wins.
        try FileManager.default.createDirectory(atPath: data + "/mine", withIntermediateDirectories: true)
        try "---\nid: 01-own\ntitle: Own\n---\n## A\nRead.\n".write(toFile: data + "/mine/01-own.md", atomically: true, encoding: .utf8)
        let own = try virtlab(["lessons", "--dir", data + "/mine"], in: data)
        #expect(own.out.contains("01-own") && !own.out.contains("00-the-language"))
    }

    /// A question answered through a pipe: refused before the goals, a wrong answer, a missing unit, then right.
    @Test func aQuestionThroughPipedInput() throws {
        let input = """
            skip
            skip
            skip
            hypervisor install hw1 kind=hardware
            vm create bsdhw host=hw1 vcpus=2 mem=4G os=freebsd
            answer 0
            vm start bsdhw
            answer 1
            answer six
            answer 6.86
            answer 0
            progress
            run
            hypervisor install hw2 kind=hardware paging=nested
            vm create fast host=hw2 vcpus=1 mem=2G os=linux
            vm start fast
            answer 11.43
            hypervisor set hw1 vm-exit=500

            """
        let run = try virtlab(["lesson", "03", "--dir", lessons], input: input)
        #expect(run.status == 0, "\(run.err)")
        let tail = String(run.out[run.out.range(of: "── Step 4 of 6")!.lowerBound...])
        #expect(tail.contains("Question: What overhead does the syscall-heavy run have under binary translation on g1? (answer VALUE)"))
        #expect(tail.contains("First reach the step's goals ('goals' shows them)"))
        #expect(tail.contains("✗ Not quite: What overhead does the syscall-heavy run have under binary translation on g1? (that is not within 2% of the model's value)."))
        #expect(tail.contains("That is not an answer to this question: the answer is a number, and 'six' is a string."))
        #expect(tail.contains("✓ Right: How many VM exits does your guest on hw1 take for syscall-heavy?"))
        #expect(tail.contains("✓ Step 4 done"))
        #expect(tail.contains("  ▸ 5 Page tables: shadow or nested  ← you are here"))
        // Issue 9, 4.1: steps 5 and 6 work with the learner's own VM name (bsdhw, not gh).
        #expect(tail.contains("shadow paging: 11.4267"))
        #expect(!run.err.contains("does not exist"), "\(run.err)")
        #expect(tail.contains("✓ Step 5 done"))
        #expect(tail.contains("Lesson 03-three-hypervisors complete."))
    }

    @Test func aCorruptProgressFileIsReportedAndKept() throws {
        try FileManager.default.createDirectory(atPath: data + "/virtlab", withIntermediateDirectories: true)
        try "garbage".write(toFile: data + "/virtlab/progress.json", atomically: true, encoding: .utf8)
        let run = try virtlab(["lesson", "00", "--dir", lessons], input: "skip\n")
        #expect(run.err.contains("moved to \(data)/virtlab/progress.json.corrupt-1"))
        #expect(try String(contentsOfFile: data + "/virtlab/progress.json.corrupt-1", encoding: .utf8) == "garbage")
    }

    @Test func testExitsWithOneOnAFailure() throws {
        let good = try virtlab(["test", lessons + "/00-the-language.md"])
        #expect(good.status == 0)
        #expect(good.out.hasSuffix("7 passed, 0 failed\n"))
        let bad = data + "/01-vacuous.md"
        try "---\nid: 01-v\ntitle: V\n---\n## A\n```goal g\n(true)\n```\n```solution\n```\n```wrong\n```\n"
            .write(toFile: bad, atomically: true, encoding: .utf8)
        let failing = try virtlab(["test", bad])
        #expect(failing.status == 1)
        #expect(failing.out.hasSuffix("0 passed, 1 failed\n"))
    }
}
