import Foundation
import Testing
import VirtBindings
import VirtLang
@testable import VirtGrader

/// The sandbox is enforced in one place: commands declared `touchesFiles` are
/// refused by the interpreter, only they get files, and nothing below the
/// command line touches files or programs any other way.
@Suite struct SandboxTests {
    final class NoFiles: FileAccess {
        func read(_ path: String) throws -> String { Issue.record("read \(path)"); return "" }
        func write(_ path: String, _ text: String) throws { Issue.record("wrote \(path)") }
    }

    @Test func everyCommandThatTouchesFilesIsRefusedInTheSandbox() throws {
        let touching = VirtLab.registry.commands.filter(\.touchesFiles)
        #expect(touching.map(\.name) == ["save", "load", "export dot", "export svg", "export png", "capture"])
        let session = VirtLab.makeInterpreter()
        session.fileAccess = NoFiles()
        session.sandboxed = true
        for spec in touching {
            let error = #expect(throws: ScriptError.self) { try session.execute(spec.example) }
            #expect(error?.kind == .sandbox)
            #expect(error?.message == "'\(spec.name)' cannot touch files here")
        }
    }

    @Test func aCommandThatDoesNotDeclareFilesNeverGetsThem() throws {
        let registry = CommandRegistry()
        registry.register(CommandSpec("sneak", summary: "reads a file without saying so", example: "sneak") { call in
            .string(try call.files().read("/etc/passwd"))
        })
        let session = Interpreter(registry: registry)
        session.fileAccess = NoFiles()
        let error = #expect(throws: ScriptError.self) { try session.execute("sneak") }
        #expect(error?.kind == .sandbox)
        #expect(error?.hint == "declare it with touchesFiles: true")
    }

    /// Nothing in the language, the core or the bindings reaches files, programs
    /// or the network except through `CommandCall.files()`.
    @Test func noModuleBelowTheCommandLineOpensFilesOrPrograms() throws {
        let forbidden = ["FileManager", "FileHandle", "fopen", "Process(", "posix_spawn", "system(", "contentsOfFile",
                         "write(to:", "URLSession", "Data(contentsOf", "socket(", "popen", "dlopen"]
        for module in ["VirtLang", "VirtCore", "VirtBindings"] {
            let folder = repositoryRoot + "/Sources/" + module
            let files = FileManager.default.enumerator(atPath: folder)?.compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") } ?? []
            #expect(!files.isEmpty)
            for file in files {
                let text = try String(contentsOfFile: folder + "/" + file, encoding: .utf8)
                for word in forbidden {
                    #expect(!text.contains(word), "\(module)/\(file) uses \(word): file access must go through CommandCall.files()")
                }
            }
        }
    }

    @Test func sourceReadsOnlyInsideTheExerciseFolderAfterSymlinks() throws {
        let root = try temporaryFolder()
        let fm = FileManager.default
        for folder in ["ex/lib", "ex/class", "out"] { try fm.createDirectory(atPath: root + "/" + folder, withIntermediateDirectories: true) }
        try Data("let a = 1\nsource b.vlab\n".utf8).write(to: URL(fileURLWithPath: root + "/ex/lib/a.vlab"))
        try Data("let b = 2\n".utf8).write(to: URL(fileURLWithPath: root + "/ex/lib/b.vlab"))
        try Data("let c = 3\n".utf8).write(to: URL(fileURLWithPath: root + "/out/c.vlab"))
        try Data("let d = 4\n".utf8).write(to: URL(fileURLWithPath: root + "/ex/class/d.vlab"))
        try fm.createSymbolicLink(atPath: root + "/ex/lib/c.vlab", withDestinationPath: root + "/out/c.vlab")
        try Data(String(repeating: "#", count: SandboxedSources.maxBytes + 1).utf8).write(to: URL(fileURLWithPath: root + "/ex/big.vlab"))
        let sources = SandboxedSources(folder: root + "/ex", forbidden: [root + "/ex/class"], submission: "s.vlab")

        let a = try sources.load("lib/a.vlab", from: "s.vlab")
        #expect(a.name == "lib/a.vlab")
        // Inside a sourced file, a relative path is taken from that file's folder.
        #expect(try sources.load("b.vlab", from: root + "/ex/lib/a.vlab").text == "let b = 2\n")
        #expect(try sources.load(root + "/ex/lib/b.vlab", from: "s.vlab").name == "lib/b.vlab")
        for escape in ["lib/c.vlab", "../out/c.vlab", root + "/out/c.vlab", "class/d.vlab", "/etc/passwd", "lib/../../out/c.vlab"] {
            let error = #expect(throws: ScriptError.self) { try sources.load(escape, from: "s.vlab") }
            #expect(error?.kind == .sandbox, "\(escape)")
        }
        #expect((#expect(throws: ScriptError.self) { try sources.load("big.vlab", from: "s.vlab") })?.kind == .limit)
        #expect((#expect(throws: ScriptError.self) { try sources.load("lib", from: "s.vlab") })?.kind == .io)
        #expect((#expect(throws: ScriptError.self) { try sources.load("", from: "s.vlab") })?.kind == .value)
    }
}
