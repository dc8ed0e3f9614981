import ArgumentParser

/// The `virtlab` command line.
public struct Virtlab: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "virtlab",
        abstract: "VirtLab: learn how virtualization really works, in a tiny scripting language.",
        subcommands: [ReplCommand.self, RunCommand.self, CheckCommand.self,
                      TestCommand.self, GradeCommand.self, LessonsCommand.self, LessonModeCommand.self],
        defaultSubcommand: ReplCommand.self)

    public init() {}
}
