import Foundation
import Testing
import VirtLang
import VirtFiles
@testable import VirtLessons

/// Issue 10 for lessons and the progress file.
@Suite struct LessonHardeningTests {
    /// `virtlab test` on a lesson whose example or solution never ends: a reported problem, not a hang.
    @Test(arguments: ["vlab example", "solution"])
    func endlessBlocksAreStoppedByTheStepLimit(_ role: String) throws {
        let endless = try lesson("## One\n" + block(role, "while true {}") + block("goal g", "(true)")
                                 + (role == "solution" ? "" : block("solution", "let x = 1")))
        let start = Date()
        let reports = withLargeStack { LessonChecker().check(endless) }
        #expect(!reports[0].passed)
        #expect(reports[0].problems.contains { $0.contains("steps") }, "\(reports[0].problems)")
        #expect(Date().timeIntervalSince(start) < 120)
    }

    @Test func crlfAndAByteOrderMarkReadLikeLF() throws {
        let text = "\u{FEFF}---\r\nid: 99-crlf\r\ntitle: CRLF\r\n---\r\n## One\r\n```solution\r\nlet x = 1\r\n```\r\n"
        let parsed = try LessonParser.parse(text, path: "crlf.md")
        #expect(parsed.id == "99-crlf" && parsed.title == "CRLF")
        #expect(parsed.steps.count == 1)
    }

    @Test func aNewerProgressFileIsRefusedAndLeftAsItIs() throws {
        let path = try temporaryFolder() + "/progress.json"
        let newer = #"{"version": 99, "lessons": {}, "future": [1, 2]}"#
        try Data(newer.utf8).write(to: URL(fileURLWithPath: path))
        let store = ProgressStore(path: path) { _ in }
        #expect(throws: LessonError.self) { try store.update("00-x") { $0.markDone(1) } }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == newer)
        #expect(try FileManager.default.contentsOfDirectory(atPath: (path as NSString).deletingLastPathComponent) == ["progress.json"])
    }

    @Test func aSymlinkedProgressFileIsWrittenThrough() throws {
        let folder = try temporaryFolder()
        let real = folder + "/real.json", link = folder + "/progress.json"
        try Data(#"{"version": 1, "lessons": {}}"#.utf8).write(to: URL(fileURLWithPath: real))
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: real)
        try ProgressStore(path: link) { _ in }.update("00-x") { $0.markDone(1) }
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == real)
        #expect(try String(contentsOfFile: real, encoding: .utf8).contains("00-x"))
    }
    @Test func fileWriterRefusesWhatIsNotARegularFile() throws {
        #expect(throws: FileProblem.self) { try FileWriter.write(Data(), to: "/dev/null") }
        #expect(throws: FileProblem.self) { try FileWriter.write(Data(), to: "") }
        #expect(throws: FileProblem.self) { try FileWriter.write(Data(), to: NSTemporaryDirectory()) }
    }
}
