import ArgumentParser
import VirtLessons

/// `virtlab lessons` (the list with progress) and `virtlab lessons reset [ID]`.
struct LessonsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lessons", abstract: "List the lessons with your progress, or reset progress.",
        subcommands: [List.self, Reset.self], defaultSubcommand: List.self)

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the lessons with your progress (the default).")
        @OptionGroup var place: LessonPlace

        func run() throws {
            let library = try place.library()
            let progress = (try? place.store.load()) ?? [:]
            let idWidth = library.lessons.map(\.id.count).max() ?? 0
            let titleWidth = library.lessons.map(\.title.count).max() ?? 0
            for lesson in library.lessons {
                let status = (progress[lesson.id] ?? LessonProgress()).status(of: lesson.steps.count)
                Terminal.shared.out(lesson.id.padding(toLength: idWidth, withPad: " ", startingAt: 0) + "  "
                    + lesson.title.padding(toLength: titleWidth, withPad: " ", startingAt: 0) + "  " + status)
            }
            Terminal.shared.out(library.lessons.isEmpty ? "No lessons in \(place.directory)." : "\nStart or resume one with: virtlab lesson ID")
            Terminal.shared.flush()
        }
    }

    struct Reset: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Clear one lesson's progress, or all progress.")
        @Argument(help: "The lesson (default: all lessons).") var id: String?
        @OptionGroup var place: LessonPlace

        func run() throws {
            let lessonID = id.map { (try? LessonLibrary(directory: place.directory))?.find($0)?.id ?? $0 }
            do {
                try place.store.reset(lessonID)
            } catch {
                Terminal.shared.err("\(error)")
                throw ExitCode(1)
            }
            Terminal.shared.out(lessonID.map { "Progress in \($0) cleared." } ?? "All progress cleared.")
            Terminal.shared.flush()
        }
    }
}
