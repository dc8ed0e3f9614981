import ArgumentParser
import Foundation
import VirtLessons

/// Where lessons and progress live: `--dir`, else `$VIRTLAB_LESSONS`, else `lessons/`;
/// progress in the XDG data folder.
struct LessonPlace: ParsableArguments {
    @Option(help: "The lessons folder (default: $VIRTLAB_LESSONS, else lessons/).") var dir: String?

    var directory: String { dir ?? ProcessInfo.processInfo.environment["VIRTLAB_LESSONS"] ?? "lessons" }

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
