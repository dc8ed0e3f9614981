import Foundation
import VirtFiles

/// The progress file: every lesson's progress as JSON, written atomically. A file
/// that cannot be read as progress is reported and set aside, never overwritten.
public struct ProgressStore: Sendable {
    public let path: String
    /// Receives reports about the file (a corrupt file set aside).
    public let warn: @Sendable (String) -> Void

    public init(path: String, warn: @escaping @Sendable (String) -> Void) {
        self.path = path
        self.warn = warn
    }

    /// `$XDG_DATA_HOME/virtlab/progress.json`, else `~/.local/share/virtlab/progress.json`.
    public static func defaultPath(environment: [String: String]) -> String {
        if let data = environment["XDG_DATA_HOME"], data.hasPrefix("/") { return data + "/virtlab/progress.json" }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return home + "/.local/share/virtlab/progress.json"
    }

    private struct File: Codable {
        var version = 1
        var lessons: [String: LessonProgress] = [:]
    }

    /// Only the version, read before the rest: a newer file is left alone.
    private struct Version: Codable { var version: Int }

    /// Every lesson's progress, by lesson id. A corrupt file is moved aside first;
    /// a file of a newer version is refused and left as it is (a newer VirtLab owns it).
    public func load() throws -> [String: LessonProgress] {
        guard let data = FileManager.default.contents(atPath: path) else { return [:] }
        if let version = try? JSONDecoder().decode(Version.self, from: data).version, version > File().version {
            throw LessonError(path: path, line: 0, "the progress file is version \(version), newer than this VirtLab reads (\(File().version))",
                              hint: "use the newer VirtLab that wrote it, or point XDG_DATA_HOME elsewhere; the file was left untouched")
        }
        do {
            return try JSONDecoder().decode(File.self, from: data).lessons
        } catch {
            let aside = try setAside()
            warn("warning: the progress file \(path) could not be read; it was moved to \(aside) and progress starts afresh")
            return [:]
        }
    }

    /// One lesson's progress.
    public func progress(of id: String) throws -> LessonProgress { try load()[id] ?? LessonProgress() }

    /// Changes one lesson's progress and writes the file.
    public func update(_ id: String, _ change: (inout LessonProgress) -> Void) throws {
        var lessons = try load()
        change(&lessons[id, default: LessonProgress()])
        try save(lessons)
    }

    /// Clears one lesson's progress, or everyone's when `id` is nil.
    public func reset(_ id: String?) throws {
        var lessons = try load()
        if let id { lessons[id] = nil } else { lessons = [:] }
        try save(lessons)
    }

    /// Writes the file atomically (through a symlink, keeping its permissions).
    private func save(_ lessons: [String: LessonProgress]) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let data = try encoder.encode(File(lessons: lessons))
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty { try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
        do {
            try FileWriter.write(data, to: path)
        } catch {
            throw LessonError(path: path, line: 0, "cannot write the progress file: \(error.message)", hint: error.hint ?? "check that its folder is writable")
        }
    }

    /// Renames the file to the first free `progress.json.corrupt-N`.
    private func setAside() throws -> String {
        var number = 1
        while FileManager.default.fileExists(atPath: "\(path).corrupt-\(number)") { number += 1 }
        let aside = "\(path).corrupt-\(number)"
        guard rename(path, aside) == 0 else {
            throw LessonError(path: path, line: 0, "the progress file is corrupt and cannot be moved aside",
                                  hint: "move it away yourself; it was left untouched")
        }
        return aside
    }
}
