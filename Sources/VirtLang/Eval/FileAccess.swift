/// File access the host program lends the interpreter for the commands declared
/// with `touchesFiles` (`save`, `load`, `export`); absent in grading's sandbox.
/// Commands reach it only through `CommandCall.files()`.
public protocol FileAccess: AnyObject {
    func read(_ path: String) throws -> String
    /// Writes atomically.
    func write(_ path: String, _ text: String) throws
    /// Writes bytes atomically (`capture … file=X.pcap`).
    func write(_ path: String, bytes: [UInt8]) throws
    /// A Graphviz graph rendered to `format` (`svg`, `png`) by the host's `dot` program.
    func render(graph: String, as format: String) throws -> [UInt8]
}

extension FileAccess {
    /// Stores bytes as text, one character per byte (Latin-1): enough for files kept in memory.
    public func write(_ path: String, bytes: [UInt8]) throws {
        try write(path, String(String.UnicodeScalarView(bytes.map { Unicode.Scalar($0) })))
    }

    /// No renderer: only the command-line front end lends Graphviz.
    public func render(graph: String, as format: String) throws -> [UInt8] {
        throw ScriptError(.io, "pictures cannot be rendered here", hint: "use 'export dot FILE' and render it with Graphviz")
    }
}
