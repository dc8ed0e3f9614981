import Foundation
import VirtLang

/// `source` in the grading sandbox: only files inside the exercise's folder,
/// judged after symlinks are resolved, never one under a forbidden folder (the
/// class's submissions), and at most `maxBytes` long.
struct SandboxedSources: Sendable {
    static let maxBytes = 1 << 20
    /// The exercise's folder, after symlinks.
    let folder: String
    /// Folders or files a submission may not read, after symlinks.
    let forbidden: [String]
    /// The submission's name: a relative `source` in it is taken from the exercise's folder.
    let submission: String

    func load(_ path: String, from including: String) throws -> SourceFile {
        guard !path.isEmpty else { throw ScriptError(.value, "'source' needs a file name") }
        let base = including == submission ? folder : (including as NSString).deletingLastPathComponent
        let joined = path.hasPrefix("/") ? path : (base as NSString).appendingPathComponent(path)
        let real = URL(fileURLWithPath: joined).resolvingSymlinksInPath().path
        guard Self.isInside(real, folder), !forbidden.contains(where: { Self.isInside(real, $0) || real == $0 }) else {
            throw ScriptError(.sandbox, "'source \(path)' reaches outside the exercise's folder",
                              hint: "a graded submission can only source files the exercise provides")
        }
        let type = (try? FileManager.default.attributesOfItem(atPath: real))?[.type] as? FileAttributeType
        guard type == .typeRegular, let handle = FileHandle(forReadingAtPath: real) else {
            throw ScriptError(.io, "cannot read '\(path)'", hint: "no such file in the exercise's folder")
        }
        defer { try? handle.close() }
        let data = (try? handle.read(upToCount: Self.maxBytes + 1)) ?? Data()
        guard data.count <= Self.maxBytes else {
            throw ScriptError(.limit, "'\(path)' is larger than 1 MiB")
        }
        let relative = String(real.dropFirst(folder.count + 1))
        return SourceFile(name: relative, text: String(decoding: data, as: UTF8.self))
    }

    /// True when `path` is `folder` itself or lies below it.
    static func isInside(_ path: String, _ folder: String) -> Bool {
        path.hasPrefix(folder.hasSuffix("/") ? folder : folder + "/")
    }
}
