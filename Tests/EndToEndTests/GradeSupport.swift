import Foundation

/// A grading scene in a temporary folder: `exercise/` holds a copy of
/// exercises/01-consolidation.md and a helper script, `outside/` a script the
/// sandbox must not reach, `class/` the submissions.
struct GradeScene {
    let root: String
    var exerciseFolder: String { root + "/exercise" }
    var exercise: String { exerciseFolder + "/exercise.md" }
    var classFolder: String { root + "/class" }
    var outside: String { root + "/outside/secret.vlab" }

    /// The reference solution of exercise 01: 12/12.
    static let correct = "place all policy=ffd\nfor v in [vm list] { vm start $v.name }\nhost power pm4 off\nadvance 24h\n"

    init() throws {
        root = NSTemporaryDirectory() + "virtlab-grade-" + UUID().uuidString
        let fm = FileManager.default
        for folder in ["exercise", "outside", "class"] {
            try fm.createDirectory(atPath: root + "/" + folder, withIntermediateDirectories: true)
        }
        try fm.copyItem(atPath: Binary.root.path + "/exercises/01-consolidation.md", toPath: exercise)
        try write(Self.correct, to: exerciseFolder + "/helper.vlab")
        try write(Self.correct, to: outside)
        try fm.createSymbolicLink(atPath: exerciseFolder + "/link.vlab", withDestinationPath: outside)
    }

    func write(_ text: String, to path: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }

    /// Writes a submission into the class folder and returns its path.
    @discardableResult
    func submission(_ name: String, _ text: String) throws -> String {
        let path = classFolder + "/" + name
        try write(text, to: path)
        return path
    }

    func read(_ path: String) -> String? {
        FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
    }
}

/// Runs a program other than virtlab (a real consumer of a report: prove, python).
func runTool(_ arguments: [String], environment: [String: String] = [:]) throws -> Binary.Outcome {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = arguments
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let stdout = out.fileHandleForReading.readDataToEndOfFile()
    let stderr = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Binary.Outcome(stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self),
                          status: process.terminationStatus)
}

/// Checks a report with its real consumer (Schemas/validate.py: jsonschema, xml.etree, csv) and returns its summary line.
func consumerSummary(_ format: String, _ report: String) throws -> Binary.Outcome {
    let schemas = Binary.root.path + "/Tests/EndToEndTests/Schemas/"
    let schema = ["json": "virtlab", "gradescope": "gradescope", "exercism": "exercism"][format].map { schemas + $0 + ".schema.json" }
    return try runTool(["python3", schemas + "validate.py", format, report] + (schema.map { [$0] } ?? []))
}

/// A report with its run-time fields (`execution_time`, `time`) blanked, for comparing runs.
func withoutTimes(_ text: String) -> String {
    text.replacingOccurrences(of: #""execution_time":[0-9.e-]+"#, with: "", options: .regularExpression)
        .replacingOccurrences(of: #"time="[0-9.e-]+""#, with: "", options: .regularExpression)
}
