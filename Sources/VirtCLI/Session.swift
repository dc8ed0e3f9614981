import Foundation
import VirtBindings
import VirtLang
import VirtLineEdit

/// Files on disk for `save`, `load`, `export` and `source`.
final class LocalFiles: FileAccess {
    func read(_ path: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ScriptError(.io, "cannot read '\(path)'", hint: FileManager.default.fileExists(atPath: path) ? "check its permissions" : "no such file")
        }
        return String(decoding: data, as: UTF8.self)
    }

    func write(_ path: String, _ text: String) throws { try write(path, bytes: Array(text.utf8)) }

    func write(_ path: String, bytes: [UInt8]) throws {
        do {
            try Data(bytes).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw ScriptError(.io, "cannot write '\(path)'", hint: "check that its folder exists and is writable")
        }
    }

    /// `source PATH`, relative to the including file's folder.
    func loadSource(_ path: String, from including: String) throws -> SourceFile {
        var resolved = path
        if !path.hasPrefix("/"), including.contains("/") {
            resolved = (including as NSString).deletingLastPathComponent + "/" + path
        }
        return SourceFile(name: path.hasPrefix("/") ? path : resolved, text: try read(resolved))
    }
}

/// Limits for a run: steps, a wall-clock timeout, Ctrl-C.
struct Limits {
    var maxSteps: Int?
    var timeout: Double?

    func apply(to interpreter: Interpreter) {
        interpreter.maxSteps = maxSteps ?? Int.max
        let deadline = timeout.map { DispatchTime.now().uptimeNanoseconds + UInt64($0 * 1e9) }
        let seconds = timeout ?? 0
        interpreter.interruptCheck = {
            if Interrupt.check() {
                Interrupt.clear()
                return ScriptError(.limit, "interrupted")
            }
            if let deadline, DispatchTime.now().uptimeNanoseconds > deadline {
                return ScriptError(.limit, "stopped after \(NumberFormat.format(seconds))s (timeout)")
            }
            return nil
        }
    }
}

enum SessionFactory {
    /// A session for the command line: real files, printing to stdout.
    static func make(printer: Printer = Printer(), limits: Limits = Limits()) -> Interpreter {
        let interpreter = VirtLab.makeInterpreter()
        let files = LocalFiles()
        interpreter.fileAccess = files
        interpreter.sourceLoader = { try files.loadSource($0, from: $1) }
        interpreter.output = { printer.handle($0) }
        limits.apply(to: interpreter)
        return interpreter
    }
}
