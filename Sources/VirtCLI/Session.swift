import Foundation
import VirtFiles
import VirtBindings
import VirtLang
import VirtLineEdit

/// Files on disk for `save`, `load`, `export` and `source`.
final class LocalFiles: FileAccess {
    func read(_ path: String) throws -> String {
        do {
            return String(decoding: try FileWriter.read(path), as: UTF8.self)
        } catch {
            throw ScriptError(.io, error.message, hint: error.hint)
        }
    }

    func write(_ path: String, _ text: String) throws { try write(path, bytes: Array(text.utf8)) }

    func write(_ path: String, bytes: [UInt8]) throws {
        do {
            try FileWriter.write(Data(bytes), to: path)
        } catch {
            throw ScriptError(.io, error.message, hint: error.hint)
        }
    }

    func render(graph: String, as format: String) throws -> [UInt8] {
        do {
            return Array(try Graphviz.render(graph, as: format))
        } catch {
            throw ScriptError(.io, error.message, hint: error.hint)
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
        // A timeout beyond a century is no timeout (and must not overflow the clock).
        let deadline = timeout.flatMap { $0 < 3e9 ? DispatchTime.now().uptimeNanoseconds + UInt64($0 * 1e9) : nil }
        let start = DispatchTime.now().uptimeNanoseconds
        interpreter.interruptCheck = {
            if Interrupt.check() {
                Interrupt.clear()
                return ScriptError(.limit, "interrupted")
            }
            if let deadline, DispatchTime.now().uptimeNanoseconds > deadline {
                let elapsed = (Double(DispatchTime.now().uptimeNanoseconds - start) / 1e7).rounded() / 100
                return ScriptError(.limit, "stopped after \(NumberFormat.format(elapsed))s (timeout \(NumberFormat.format(timeout!))s)")
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
