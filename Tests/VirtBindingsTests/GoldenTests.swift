// Golden scripts: one behaviour per file, as Crafting Interpreters' `test/<feature>/<case>.lox`,
// at `Golden/<area>/<feature>/<case>.vlab` (e.g. `Golden/server/migration/precopy_rounds.vlab`).
// Each script starts with `reset` and its own setup, so it runs alone, in a fresh session.
// It states its expected stdout in `# expect: LINE` lines (in order, whole stdout) and, when it
// must fail, its error in `# expect error: TEXT` lines (each a line the rendered error contains).
// The test is named by the script's path under Golden/.
//
// Re-recording: `VIRTLAB_RECORD=1 swift test --filter GoldenTests` rewrites each script's
// `# expect:` lines with what it prints now (review with `git diff`). The new lines take the
// old lines' places in order; extra output goes after the last one (or at the end of the file),
// and old lines left over are removed. `# expect error:` lines are never rewritten: they stay
// checked while recording, so a script that fails differently still fails.

import Foundation
import Testing
import VirtBindings
import VirtLang

struct GoldenScript: CustomTestStringConvertible, Sendable {
    /// The script's full path.
    let path: String
    /// Its path under Golden/, which names its test.
    let name: String
    var testDescription: String { name }

    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden").path
    static let expectMarker = "# expect: "
    static let errorMarker = "# expect error: "
    /// Whether this run re-records the `# expect:` lines.
    static let recording = ProcessInfo.processInfo.environment["VIRTLAB_RECORD"] == "1"

    static var all: [GoldenScript] {
        let files = FileManager.default.enumerator(atPath: folder)?.compactMap { $0 as? String } ?? []
        return files.filter { $0.hasSuffix(".vlab") }.sorted().map { GoldenScript(path: folder + "/" + $0, name: $0) }
    }

    var text: String { get throws { try String(contentsOfFile: path, encoding: .utf8) } }

    /// Runs the script in a fresh session: its stdout lines and rendered error.
    func run() throws -> (stdout: [String], error: String?) {
        let interpreter = VirtLab.makeInterpreter()
        var lines: [String] = []
        interpreter.output = { lines += $0.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }
        interpreter.sourceLoader = { name, including in
            let dir = (including as NSString).deletingLastPathComponent
            return SourceFile(name: name, text: try String(contentsOfFile: dir + "/" + name, encoding: .utf8))
        }
        do {
            try interpreter.execute(SourceFile(name: path, text: try text))
            return (lines, nil)
        } catch let error as ScriptError {
            return (lines, error.rendered())
        }
    }

    /// The text after `marker` on each line that starts with it.
    func expectations(_ marker: String) throws -> [String] {
        try text.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { $0.hasPrefix(marker) }
            .map { String($0.dropFirst(marker.count)) }
    }

    /// Rewrites the file's `# expect:` lines as `stdout`, leaving it untouched when they already are.
    func record(_ stdout: [String]) throws {
        let old = try text
        let new = Self.recorded(old, stdout: stdout)
        if new != old { try new.write(toFile: path, atomically: true, encoding: .utf8) }
    }

    /// `text` with its `# expect:` lines replaced by `stdout`, in their places.
    static func recorded(_ text: String, stdout: [String]) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let slots = lines.indices.filter { lines[$0].hasPrefix(expectMarker) }
        let expected = stdout.map { expectMarker + $0 }
        for (slot, line) in zip(slots, expected) { lines[slot] = line }
        if expected.count > slots.count {
            // After the last slot, or before the final newline's empty piece.
            let at = slots.last.map { $0 + 1 } ?? (lines.last == "" ? lines.count - 1 : lines.count)
            lines.insert(contentsOf: expected[slots.count...], at: at)
        } else {
            for slot in slots[expected.count...].reversed() { lines.remove(at: slot) }
        }
        return lines.joined(separator: "\n")
    }
}

@Suite struct GoldenTests {
    @Test(arguments: GoldenScript.all)
    func script(_ golden: GoldenScript) throws {
        let (stdout, error) = try withLargeStack { Result { try golden.run() } }.get()
        if GoldenScript.recording {
            try golden.record(stdout)
        }
        let expected = try golden.expectations(GoldenScript.expectMarker)
        #expect(stdout == expected, "\(golden.name): stdout differs")
        let expectedError = try golden.expectations(GoldenScript.errorMarker)
        if expectedError.isEmpty {
            #expect(error == nil, "\(golden.name): unexpected error:\n\(error ?? "")")
        } else {
            let rendered = try #require(error, "\(golden.name): the script should have failed")
            for line in expectedError { #expect(rendered.contains(line), "\(golden.name): missing in:\n\(rendered)\nline: \(line)") }
        }
    }

    @Test func goldenScriptsExist() {
        #expect(GoldenScript.all.count >= 10)
    }

    /// Each script runs alone: `reset` is its first statement.
    @Test(arguments: GoldenScript.all)
    func startsWithReset(_ golden: GoldenScript) throws {
        let statements = try golden.text.split(separator: "\n").filter { !$0.hasPrefix("#") }
        #expect(statements.first == "reset", "\(golden.name): the first statement should be reset")
    }

    /// The re-record switch's own work, on a temporary copy of a golden script.
    @Test func recordingRewritesWrongExpectations() throws {
        let original = try #require(GoldenScript.all.first { $0.name == "language/numbers/division.vlab" })
        let right = try original.text
        let copyPath = FileManager.default.temporaryDirectory.appendingPathComponent("golden-\(UUID()).vlab").path
        defer { try? FileManager.default.removeItem(atPath: copyPath) }
        let wrong = right.replacingOccurrences(of: "# expect: true 3.5", with: "# expect: false 4.5")
        #expect(wrong != right)
        try wrong.write(toFile: copyPath, atomically: true, encoding: .utf8)
        let copy = GoldenScript(path: copyPath, name: "copy")
        try copy.record(try withLargeStack { Result { try copy.run() } }.get().stdout)
        #expect(try copy.text == right)
    }

    @Test func recordingAddsAndRemovesLines() {
        let text = "reset\nprint a\n# expect: x\n# expect error: e\n"
        #expect(GoldenScript.recorded(text, stdout: ["a", "b"]) == "reset\nprint a\n# expect: a\n# expect: b\n# expect error: e\n")
        #expect(GoldenScript.recorded(text, stdout: []) == "reset\nprint a\n# expect error: e\n")
        #expect(GoldenScript.recorded("reset\nprint a\n", stdout: ["a"]) == "reset\nprint a\n# expect: a\n")
        #expect(GoldenScript.recorded(text, stdout: ["a"]) == text.replacingOccurrences(of: "# expect: x", with: "# expect: a"))
    }
}
