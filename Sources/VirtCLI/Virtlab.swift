import ArgumentParser
import Foundation
import VirtLang

/// The `virtlab` command line.
public struct Virtlab: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "virtlab",
        abstract: "VirtLab: learn how virtualization really works, in a tiny scripting language.",
        subcommands: [ReplCommand.self, RunCommand.self, CheckCommand.self,
                      TestCommand.self, GradeCommand.self, LessonsCommand.self, LessonModeCommand.self],
        defaultSubcommand: ReplCommand.self)

    public init() {}

    /// Runs the command line. An unknown command word (`virtlab frobnicate`,
    /// `virtlab help bogus`) is a usage error (status 64) naming the commands,
    /// not the REPL's usage.
    public static func start(_ arguments: [String] = Array(CommandLine.arguments.dropFirst())) {
        if let scripts = plainRun(arguments) { Foundation.exit(RunCommand.run(scripts)) }
        if let problem = unknownCommand(in: arguments) {
            FileHandle.standardError.write(Data((problem + "\n").utf8))
            Foundation.exit(64)
        }
        main(arguments)
    }

    /// The scripts of `virtlab run FILE…` with no option (every word a file name), which
    /// runs without the argument parser: its reflection over every command was a fifth
    /// of an empty script's start-up (issue 16). Anything else goes through the parser.
    static func plainRun(_ arguments: [String]) -> [String]? {
        guard arguments.count > 1, arguments[0] == "run" else { return nil }
        let scripts = Array(arguments.dropFirst())
        return scripts.allSatisfy { !$0.isEmpty && !$0.hasPrefix("-") && $0 != "help" } ? scripts : nil
    }

    /// The names `virtlab` accepts as its first word.
    static var commandNames: [String] {
        configuration.subcommands.compactMap { $0.configuration.commandName } + ["help"]
    }

    /// The usage error for an unknown first word, or nil.
    static func unknownCommand(in arguments: [String]) -> String? {
        guard let first = arguments.first, !first.hasPrefix("-") else { return nil }
        var word = first
        if first == "help" {
            guard arguments.count > 1, !arguments[1].hasPrefix("-") else { return nil }
            word = arguments[1]
        }
        guard !commandNames.contains(word) else { return nil }
        let hint = Suggest.hint(for: word, among: commandNames) ?? "commands are " + commandNames.joined(separator: ", ")
        return "error: unknown command '\(word)'\nhint: \(hint)"
    }
}
