/// File access the host program lends the interpreter for the commands declared
/// with `touchesFiles` (`save`, `load`, `export`); absent in grading's sandbox.
/// Commands reach it only through `CommandCall.files()`.
public protocol FileAccess: AnyObject {
    func read(_ path: String) throws -> String
    /// Writes atomically.
    func write(_ path: String, _ text: String) throws
}
