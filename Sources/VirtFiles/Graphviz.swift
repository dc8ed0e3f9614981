import Foundation

/// Renders Graphviz graphs with the `dot` program found on the search path, for
/// `export svg` and `export png`. The graph goes to `dot` through a temporary
/// file and `dot`'s messages to another, so neither side can block on a full pipe.
public enum Graphviz {
    /// The formats VirtLab asks `dot` for.
    public static let formats = ["svg", "png"]

    /// The rendered bytes of `graph`, or why there are none.
    public static func render(_ graph: String, as format: String,
                              searchPath: String = ProcessInfo.processInfo.environment["PATH"] ?? "") throws(FileProblem) -> Data {
        guard formats.contains(format) else {
            throw FileProblem(message: "Graphviz output '\(format)' is not one VirtLab writes", hint: "use svg or png")
        }
        guard let program = find("dot", in: searchPath) else {
            throw FileProblem(message: "Graphviz is not installed: 'export \(format)' needs its 'dot' program",
                              hint: "install the package graphviz (apt-get install graphviz), or write 'export dot FILE' and render it elsewhere")
        }
        let input = temporaryFile(), messages = temporaryFile()
        defer { unlink(input); unlink(messages) }
        do {
            try Data(graph.utf8).write(to: URL(fileURLWithPath: input))
            let process = Process()
            process.executableURL = URL(fileURLWithPath: program)
            process.arguments = ["-T\(format)", input]
            let output = Pipe()
            process.standardOutput = output
            process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: messages))
            process.standardInput = FileHandle.nullDevice
            try process.run()
            let rendered = output.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            guard process.terminationStatus == 0 else {
                let said = (try? String(contentsOfFile: messages, encoding: .utf8)) ?? ""
                throw FileProblem(message: "Graphviz's dot failed: \(said.trimmingCharacters(in: .whitespacesAndNewlines))",
                                  hint: "please report this with the script that drew the picture")
            }
            return rendered
        } catch let problem as FileProblem {
            throw problem
        } catch {
            throw FileProblem(message: "cannot run Graphviz's dot (\(program))", hint: "check that it is installed and runs")
        }
    }

    /// The first executable called `name` in a colon-separated search path.
    static func find(_ name: String, in searchPath: String) -> String? {
        searchPath.split(separator: ":").map { "\($0)/\(name)" }.first { access($0, X_OK) == 0 }
    }

    /// A new empty file in the temporary folder, made with mkstemp.
    private static func temporaryFile() -> String {
        var template = Array((NSTemporaryDirectory() + "/virtlab-graph-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        if fd >= 0 { close(fd) }
        return String(cString: template)
    }
}
