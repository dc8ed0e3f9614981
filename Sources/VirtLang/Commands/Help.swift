/// `help` and `apropos` text, derived from the registry.
public enum Help {
    /// The list of all commands, grouped by their first word.
    public static func overview(_ registry: CommandRegistry) -> String {
        var lines = ["Commands (help COMMAND for details; apropos WORD to search):"]
        for word in registry.topWords {
            let specs = registry.commands.filter { $0.path[0] == word }
            lines += specs.map(summaryLine)
        }
        lines.append("Statements: " + CommandRegistry.keywords.filter { !["elif", "else", "in", "catch"].contains($0) }.joined(separator: ", "))
        if !registry.topics.isEmpty {
            lines.append("Topics: " + registry.topics.map { "help \($0.name) (\($0.summary))" }.joined(separator: ", "))
        }
        return lines.joined(separator: "\n")
    }

    /// One command's page: usage, summary, options, details, example.
    public static func page(_ spec: CommandSpec) -> String {
        var lines = ["usage: \(spec.usage)", "", spec.summary]
        if !spec.params.isEmpty {
            lines.append("")
            let width = spec.params.map { $0.usage.count }.max() ?? 0
            for p in spec.params {
                var text = "  " + p.usage.padded(width) + "  " + p.summary
                if let d = p.defaultValue { text += " (default \(d.text))" }
                lines.append(text)
            }
        }
        if !spec.details.isEmpty { lines += ["", spec.details] }
        lines += ["", "example:", "  " + spec.example.replacingNewlines("\n  ")]
        return lines.joined(separator: "\n")
    }

    /// Commands below a group: `help vm`.
    public static func group(_ words: [String], _ registry: CommandRegistry) -> String {
        let specs = registry.commands.filter { Array($0.path.prefix(words.count)) == words }
        return specs.map(summaryLine).joined(separator: "\n")
    }

    /// The command reference as one Markdown page (`docs/commands.md`): every command,
    /// grouped by its first word, with usage, options, details and example.
    public static func reference(_ registry: CommandRegistry) -> String {
        var lines = ["# VirtLab command reference", "",
                     "Generated from the command registry, as `help COMMAND` prints it; do not edit by hand.", ""]
        for word in registry.topWords {
            lines += ["## \(word)", ""]
            for spec in registry.commands where spec.path[0] == word {
                lines += ["### `\(spec.name)`", "", "```", page(spec), "```", ""]
            }
        }
        return lines.joined(separator: "\n")
    }

    /// `  vm create              Create a VM …`: one command in a list.
    public static func summaryLine(_ spec: CommandSpec) -> String {
        "  " + spec.name.padded(22) + " " + spec.summary
    }
}

extension String {
    func replacingNewlines(_ with: String) -> String {
        split(separator: "\n", omittingEmptySubsequences: false).joined(separator: with)
    }
}
