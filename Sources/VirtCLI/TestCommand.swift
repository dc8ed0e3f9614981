import ArgumentParser
import VirtLang
import VirtLessons

/// `virtlab test [PATH...] [--coverage]`: checks lesson files (LESSONS.md "Checking lessons").
struct TestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Check lessons: examples run, solutions reach the goals, wrong attempts miss one.")

    @Argument(help: "Lesson files or folders (default: the lessons folder).") var paths: [String] = []
    @Flag(help: "List the COVERAGE.md topics no lesson covers instead.") var coverage = false
    @OptionGroup var place: LessonPlace

    func run() throws {
        let paths = self.paths.isEmpty ? [place.directory] : self.paths
        if coverage {
            let lessons = paths.flatMap(LessonTestRun.files).compactMap { path -> Lesson? in
                do { return try LessonLibrary.load(path) } catch {
                    Terminal.shared.err("\(error)")
                    return nil
                }
            }
            Terminal.shared.out(Coverage.report(for: lessons))
            Terminal.shared.flush()
            return
        }
        let failed = withLargeStack { LessonTestRun { Terminal.shared.out($0) }.run(paths: paths).failed }
        Terminal.shared.flush()
        if failed > 0 { throw ExitCode(1) }
    }
}
