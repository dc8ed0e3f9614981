import Foundation
import Testing
import VirtBindings
import VirtLang

/// Golden scripts: each `.vlab` under Golden/ states its expected stdout in
/// `# expect: LINE` comments (in order) and, when it must fail, the error in
/// `# expect error: TEXT` lines (each a line of the rendered error).
struct GoldenScript: CustomTestStringConvertible, Sendable {
    let path: String
    var testDescription: String { String(path.split(separator: "/").suffix(2).joined(separator: "/")) }

    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden").path

    static var all: [GoldenScript] {
        let files = FileManager.default.enumerator(atPath: folder)?.compactMap { $0 as? String } ?? []
        return files.filter { $0.hasSuffix(".vlab") }.sorted().map { GoldenScript(path: folder + "/" + $0) }
    }

    /// Runs the script in a fresh session: its stdout lines and rendered error.
    func run() throws -> (stdout: [String], error: String?) {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let interpreter = VirtLab.makeInterpreter()
        var lines: [String] = []
        interpreter.output = { lines += $0.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }
        interpreter.sourceLoader = { name, including in
            let dir = (including as NSString).deletingLastPathComponent
            return SourceFile(name: name, text: try String(contentsOfFile: dir + "/" + name, encoding: .utf8))
        }
        do {
            try interpreter.execute(SourceFile(name: path, text: text))
            return (lines, nil)
        } catch let error as ScriptError {
            return (lines, error.rendered())
        }
    }

    func expectations(_ marker: String) throws -> [String] {
        try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
            .compactMap { line in
                guard let r = line.range(of: "# \(marker): ") else { return nil }
                return String(line[r.upperBound...])
            }
    }
}

@Suite struct GoldenTests {
    @Test(arguments: GoldenScript.all)
    func script(_ golden: GoldenScript) throws {
        let (stdout, error) = try withLargeStack { Result { try golden.run() } }.get()
        #expect(stdout == (try golden.expectations("expect")))
        let expectedError = try golden.expectations("expect error")
        if expectedError.isEmpty {
            #expect(error == nil, "unexpected error:\n\(error ?? "")")
        } else {
            let rendered = try #require(error, "the script should have failed")
            for line in expectedError { #expect(rendered.contains(line), "missing in:\n\(rendered)\nline: \(line)") }
        }
    }

    @Test func goldenScriptsExist() {
        #expect(GoldenScript.all.count >= 10)
    }
}
