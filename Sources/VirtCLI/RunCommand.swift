import ArgumentParser
import Foundation
import VirtFiles
import VirtBindings
import VirtLang

/// `virtlab run FILE... [--json] [--state FILE] [--max-steps N] [--timeout S]`.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run", abstract: "Run scripts in one session, in order.")

    @Argument(help: "The .vlab scripts to run ('-' reads one from standard input).") var files: [String]
    @Flag(help: "Print each printed value as one JSON line.") var json = false
    @Option(help: "Write the final world to this file in the save format.") var state: String?
    @OptionGroup var limits: LimitOptions

    func run() throws {
        let status = Self.run(files, json: json, state: state, limits: Limits(maxSteps: limits.maxSteps, timeout: limits.timeout))
        if status != 0 { throw ExitCode(status) }
    }

    /// Runs the scripts on a large stack and flushes the output; returns the exit status.
    static func run(_ paths: [String], json: Bool = false, state: String? = nil, limits: Limits = Limits()) -> Int32 {
        let status = withLargeStack { runAll(paths, json: json, state: state, limits: limits) }
        Terminal.shared.flush()
        return status
    }

    private static func runAll(_ paths: [String], json: Bool, state: String?, limits: Limits) -> Int32 {
        let interpreter = SessionFactory.make(printer: Printer(json: json), limits: limits)
        let files = LocalFiles()
        var status: Int32 = 0
        if let state, let input = paths.first(where: { $0 != "-" && FileWriter.sameFile($0, state) }) {
            Terminal.shared.err("error: --state '\(state)' is one of the scripts ('\(input)'); the run would overwrite it\nhint: write the world somewhere else")
            return 64
        }
        for path in paths {
            do {
                let text = path == "-" ? Self.standardInput() : try files.read(path)
                try interpreter.execute(SourceFile(name: path == "-" ? "<stdin>" : path, text: text))
            } catch let error as ScriptError {
                Terminal.shared.report(error)
                status = 1
                break
            } catch {
                Terminal.shared.err("error: \(error)")
                status = 1
                break
            }
        }
        if let state {
            do {
                try files.write(state, VirtLab.savedWorld(of: interpreter))
            } catch let error as ScriptError {
                Terminal.shared.report(error)
                status = 1
            } catch {
                Terminal.shared.err("error: \(error)")
                status = 1
            }
        }
        return status
    }
}

extension RunCommand {
    /// All of standard input, as a script (`virtlab run -`, like `python3 -`).
    static func standardInput() -> String {
        String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
    }
}

/// `virtlab check FILE...`: parse only.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", abstract: "Check scripts for syntax errors without running them.")

    @Argument(help: "The .vlab scripts to check.") var files: [String]

    func run() throws {
        var failed = false
        for path in files {
            do {
                try Parser.check(SourceFile(name: path, text: try LocalFiles().read(path)))
            } catch let error as ScriptError {
                Terminal.shared.report(error)
                failed = true
            }
        }
        Terminal.shared.flush()
        if failed { throw ExitCode(1) }
    }
}
