import ArgumentParser
import Foundation
import VirtLessons

/// Where lessons and progress live: `--dir`, else `$VIRTLAB_LESSONS`, else
/// `lessons/` in the current folder when it holds lessons, else the lessons that
/// ship with the program; progress in the XDG data folder.
struct LessonPlace: ParsableArguments {
    @Option(help: "An instructor's lessons folder (default: $VIRTLAB_LESSONS, else the lessons that ship with virtlab).") var dir: String?

    var directory: String {
        if let dir = dir ?? ProcessInfo.processInfo.environment["VIRTLAB_LESSONS"] { return dir }
        if !LessonLibrary.lessonFiles(in: "lessons").isEmpty { return "lessons" }
        return Self.shipped(executable: Self.executablePath) ?? "lessons"
    }

    /// The running program's real path (symbolic links resolved).
    static var executablePath: String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().path
    }

    /// The lessons shipped with the program at `executable`: `share/virtlab/lessons`
    /// or `lessons` in one of the folders above it (an installed prefix, or the
    /// source tree that `.build/debug/virtlab` was built in).
    static func shipped(executable: String) -> String? {
        var folder = URL(fileURLWithPath: executable).deletingLastPathComponent()
        while folder.path != "/" {
            for candidate in ["share/virtlab/lessons", "lessons"] {
                let path = folder.appendingPathComponent(candidate).path
                if !LessonLibrary.lessonFiles(in: path).isEmpty { return path }
            }
            folder = folder.deletingLastPathComponent()
        }
        return nil
    }

    /// The lessons, with files that do not parse reported on stderr.
    func library() throws -> LessonLibrary {
        let library: LessonLibrary
        do {
            library = try LessonLibrary(directory: directory)
        } catch {
            Terminal.shared.err("\(error)")
            throw ExitCode(1)
        }
        for problem in library.problems { Terminal.shared.err("\(problem)") }
        return library
    }

    /// The learner's progress file.
    var store: ProgressStore {
        ProgressStore(path: ProgressStore.defaultPath(environment: ProcessInfo.processInfo.environment)) {
            Terminal.shared.err($0)
        }
    }
}
