/// All commands, in registration order; the single source of `help`,
/// `apropos`, argument checking, did-you-mean and completion.
public final class CommandRegistry: @unchecked Sendable {
    public private(set) var commands: [CommandSpec] = []
    private var byName: [String: Int] = [:]
    /// First words that have sub-commands (`vm`, `host`, `report`).
    private var prefixes: Set<String> = []
    /// Help topics that are not commands (`help sources`): name, one-line summary, text.
    public private(set) var topics: [(name: String, summary: String, text: String)] = []

    /// Adds a help topic; `help NAME` prints its text.
    public func addTopic(_ name: String, summary: String, text: String) {
        topics.removeAll { $0.name == name }
        topics.append((name, summary, text))
    }

    /// The statement keywords, offered by did-you-mean beside commands.
    public static let keywords = ["let", "if", "elif", "else", "while", "for", "in", "proc", "return",
                                  "break", "continue", "try", "catch", "expect", "source"]

    public init() {}

    /// Adds a command; a later registration of the same path replaces it.
    public func register(_ spec: CommandSpec) {
        if let index = byName[spec.name] {
            commands[index] = spec
            return
        }
        byName[spec.name] = commands.count
        commands.append(spec)
        for n in 1..<spec.path.count { prefixes.insert(spec.path.prefix(n).joined(separator: " ")) }
    }

    public func register(_ specs: [CommandSpec]) { specs.forEach(register) }

    public func command(named name: String) -> CommandSpec? { byName[name].map { commands[$0] } }

    /// True for a word a proc may not take: a command, a command group or a keyword.
    public func isReserved(_ word: String) -> Bool {
        byName[word] != nil || prefixes.contains(word) || Self.keywords.contains(word)
    }

    /// True when `words` is a command group (`vm`, `report`) rather than a command.
    public func isGroup(_ words: [String]) -> Bool { prefixes.contains(words.joined(separator: " ")) }

    /// The longest command path that the leading words name.
    public func lookup(_ words: [String]) -> (spec: CommandSpec, consumed: Int)? {
        for n in stride(from: min(3, words.count), through: 1, by: -1) {
            if let spec = command(named: words.prefix(n).joined(separator: " ")) { return (spec, n) }
        }
        return nil
    }

    /// Commands directly below a group: `vm` → `vm create`, `vm start`, ….
    public func subcommands(of group: [String]) -> [String] {
        let depth = group.count + 1
        var seen: [String] = []
        for spec in commands where spec.path.count >= depth && Array(spec.path.prefix(group.count)) == group {
            let word = spec.path[group.count]
            if !seen.contains(word) { seen.append(word) }
        }
        return seen
    }

    /// The first words of all commands, in registration order.
    public var topWords: [String] {
        var seen: [String] = []
        for spec in commands where !seen.contains(spec.path[0]) { seen.append(spec.path[0]) }
        return seen
    }

    /// Commands whose name, summary or details mention `word`.
    /// Commands whose name, summary or details has a word starting with `word`
    /// (`ring` finds "rings", not "string" or "running").
    public func apropos(_ word: String) -> [CommandSpec] {
        let w = word.lowercased()
        return commands.filter {
            [$0.name, $0.summary, $0.details].contains { Self.hasWord(startingWith: w, in: $0.lowercased()) }
        }
    }

    static func hasWord(startingWith word: String, in text: String) -> Bool {
        guard !word.isEmpty else { return false }
        var previous: Character = " "
        var index = text.startIndex
        while index < text.endIndex {
            if !previous.isLetter, !previous.isNumber, text[index...].hasPrefix(word) { return true }
            previous = text[index]
            index = text.index(after: index)
        }
        return false
    }
}
