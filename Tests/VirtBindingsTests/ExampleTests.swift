import Testing
@testable import VirtBindings
import VirtLang

/// Every command's `help` example runs, after the setup its part declares
/// (`BindingPart.exampleSetup`: the objects the part's examples name).
@Suite struct ExampleTests {
    /// Files kept in memory, so `save`, `load` and `export` examples touch no disk.
    final class MemoryFiles: FileAccess {
        var files: [String: String] = [:]
        func read(_ path: String) throws -> String {
            guard let text = files[path] else { throw ScriptError(.io, "cannot read '\(path)'") }
            return text
        }
        func write(_ path: String, _ text: String) throws { files[path] = text }
        /// Stands in for Graphviz: the "picture" is the format and the graph it was given.
        func render(graph: String, as format: String) throws -> [UInt8] { Array("\(format):\(graph)".utf8) }
    }

    /// The setup of the part that registers `command` (none for the language's and the world's own).
    static func setup(for command: String) -> String {
        VirtLab.parts.first { $0.commands.contains { $0.name == command } }?.exampleSetup ?? ""
    }

    @Test(arguments: VirtLab.registry.commands.map(\.name))
    func exampleRuns(_ name: String) throws {
        let spec = try #require(VirtLab.registry.command(named: name))
        let interpreter = VirtLab.makeInterpreter()
        let files = MemoryFiles()
        interpreter.fileAccess = files
        try interpreter.execute(Self.setup(for: name) + "\nsave lab.json", name: "setup")
        do {
            try interpreter.execute(spec.example, name: "example")
        } catch let error as ScriptError {
            Issue.record("example of '\(name)' failed: \(spec.example)\n\(error.rendered())")
        }
        #expect(spec.example.contains(name), "the example of '\(name)' should use it")
    }

    @Test func everyCommandHasSummaryAndExample() {
        for spec in VirtLab.registry.commands {
            #expect(!spec.summary.isEmpty, "\(spec.name) has no summary")
            #expect(!spec.example.isEmpty, "\(spec.name) has no example")
        }
    }

    @Test func sandboxRefusesFiles() throws {
        let interpreter = VirtLab.makeInterpreter()
        interpreter.fileAccess = MemoryFiles()
        interpreter.sandboxed = true
        for command in ["save x.json", "load x.json", "export dot x.dot", "export svg x.svg", "export png x.png"] {
            let error = #expect(throws: ScriptError.self) { try interpreter.execute(command) }
            #expect(error?.kind == .sandbox, "\(command) should be refused by the sandbox")
        }
    }
}
