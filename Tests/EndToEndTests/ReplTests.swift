import Foundation
import Testing

/// The REPL as a student meets it: on a pseudo-terminal (driven by
/// `repl_pty.py` with pexpect), and with statements piped in.
@Suite struct ReplTests {
    static let driver = Binary.root.appendingPathComponent("Tests/EndToEndTests/repl_pty.py").path

    /// Runs the pty driver on the built binary, killing it after `seconds`.
    private func drive(seconds: Double = 60) throws -> (status: Int32, log: String) {
        try #require(FileManager.default.isExecutableFile(atPath: Binary.path), "build first: \(Binary.path)")
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("repl-pty-\(UUID().uuidString).log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: log) }
        let output = try FileHandle(forWritingTo: log)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", Self.driver, Binary.path]
        process.standardOutput = output
        process.standardError = output
        process.standardInput = FileHandle.nullDevice
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        try process.run()
        if finished.wait(timeout: .now() + seconds) == .timedOut {
            process.terminate()
            finished.wait()
            Issue.record("the pty driver took longer than \(Int(seconds)) s")
        }
        try output.close()
        return (process.terminationStatus, String(decoding: try Data(contentsOf: log), as: UTF8.self))
    }

    @Test func editingCompletionBlocksCtrlCAndHistoryOnATerminal() throws {
        let run = try drive()
        #expect(run.status == 0, "\(run.log)")
        #expect(run.log.hasSuffix("ok\n"), "\(run.log)")
    }

    @Test func pipedStatementsRunWithoutPromptOrEditor() throws {
        let run = try Binary.run([], stdin: "let x = 20\nprint ($x + 22)\n")
        #expect(run.stdout == "42\n")
        #expect(run.stderr == "")
        #expect(run.status == 0)
    }
}
