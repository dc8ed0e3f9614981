import Foundation

/// The lessons of one folder, in the order a learner should take them.
public struct LessonLibrary {
    public let directory: String
    /// The lessons that parsed, ordered by file name, then so that each comes after those it requires.
    public private(set) var lessons: [Lesson] = []
    /// The files that did not parse.
    public private(set) var problems: [LessonError] = []

    /// Reads every lesson file (`NN-topic.md`) of `directory`.
    public init(directory: String) throws {
        self.directory = directory
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isFolder), isFolder.boolValue else {
            throw LessonError(path: directory, line: 0, "no lessons folder here",
                                  hint: "run from the VirtLab folder, or name the folder with --dir or VIRTLAB_LESSONS")
        }
        var parsed: [Lesson] = []
        for path in Self.lessonFiles(in: directory) {
            do { parsed.append(try Self.load(path)) } catch let error as LessonError { problems.append(error) }
        }
        lessons = Self.ordered(parsed)
    }

    /// The lesson whose id is `query`, or the only one whose id starts with it (`00` for `00-the-language`).
    public func find(_ query: String) -> Lesson? {
        if let exact = lessons.first(where: { $0.id == query }) { return exact }
        let matches = lessons.filter { $0.id.hasPrefix(query) }
        return matches.count == 1 ? matches[0] : nil
    }

    /// The lesson files of a folder: `NN-topic.md`, sorted by name (README.md and others are not lessons).
    public static func lessonFiles(in directory: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.filter { name in
            name.hasSuffix(".md") && name.count > 3 && name.prefix(2).allSatisfy(\.isNumber) && name.dropFirst(2).first == "-"
        }.sorted().map { directory.hasSuffix("/") ? directory + $0 : directory + "/" + $0 }
    }

    /// Reads and parses one lesson file.
    public static func load(_ path: String) throws -> Lesson {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw LessonError(path: path, line: 0, "cannot read the lesson file")
        }
        return try LessonParser.parse(String(decoding: data, as: UTF8.self), path: path)
    }

    /// File order, except that a lesson moves after the lessons it requires.
    static func ordered(_ lessons: [Lesson]) -> [Lesson] {
        var remaining = lessons, result: [Lesson] = []
        let known = Set(lessons.map(\.id))
        while !remaining.isEmpty {
            let placed = Set(result.map(\.id))
            let next = remaining.firstIndex { $0.requires.allSatisfy { placed.contains($0) || !known.contains($0) } } ?? 0
            result.append(remaining.remove(at: next))
        }
        return result
    }
}
