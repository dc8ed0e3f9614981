/// File access the host program lends the interpreter for `save`, `load` and
/// `export`; absent in grading's sandbox.
public protocol FileAccess: AnyObject {
    func read(_ path: String) throws -> String
    /// Writes atomically.
    func write(_ path: String, _ text: String) throws
}

extension Interpreter {
    /// The file access for a command, or a sandbox error naming it.
    public func files(for command: String) throws -> FileAccess {
        guard !sandboxed, let fileAccess else {
            throw ScriptError(.sandbox, "'\(command)' cannot touch files here", hint: "graded submissions cannot save, load or export")
        }
        return fileAccess
    }
}
