/// REPL tab completion, derived from the registry: command words,
/// sub-commands, option names, option values (choices, objects of the option's
/// kind), and variable names after `$`.
public struct Completer {
    let interpreter: Interpreter

    public init(interpreter: Interpreter) { self.interpreter = interpreter }

    /// Candidates for the word before the cursor, and that word.
    public func complete(_ line: String) -> (word: String, candidates: [String], appendsSpace: Bool) {
        let statement = line.split(separator: ";", omittingEmptySubsequences: false).last.map(String.init) ?? line
        let trimmed = statement.drop { $0 == " " || $0 == "\t" || $0 == "[" || $0 == "{" }
        var words = trimmed.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        let current = (statement.last.map { $0 == " " || $0 == "\t" } ?? true) ? "" : (words.popLast() ?? "")
        if current.hasPrefix("$") {
            let names = interpreter.globals.names + (interpreter.currentProc?.localNames ?? [])
            return (current, filter(names.map { "$" + $0 }, current), true)
        }
        let registry = interpreter.registry
        if words.isEmpty {
            let starts = registry.topWords + ["let", "if", "while", "for", "proc", "try", "expect", "source"]
                + interpreter.procs.keys.sorted()
            return (current, filter(starts, current), true)
        }
        let head = Array(words.prefix { !$0.contains("=") }.prefix(3))
        if let (spec, consumed) = registry.lookup(head) {
            return completeArguments(spec, given: Array(words.dropFirst(consumed)), current: current)
        }
        if registry.isGroup(head) {
            return (current, filter(registry.subcommands(of: head), current), true)
        }
        return (current, [], true)
    }

    private func completeArguments(_ spec: CommandSpec, given: [String],
                                   current: String) -> (word: String, candidates: [String], appendsSpace: Bool) {
        if let eq = current.firstIndex(of: "=") {
            let name = String(current[..<eq]), typed = String(current[current.index(after: eq)...])
            guard let param = spec.param(named: name), !param.positional else { return (current, [], true) }
            return (current, filter(values(for: param.type), typed).map { name + "=" + $0 }, true)
        }
        let positionalsGiven = given.filter { !$0.contains("=") }.count
        let positionals = spec.params.filter(\.positional)
        var candidates: [String] = []
        if positionalsGiven < positionals.count || positionals.last?.variadic == true {
            let param = positionalsGiven < positionals.count ? positionals[positionalsGiven] : positionals.last!
            candidates = filter(values(for: param.type), current)
        }
        let usedOptions = Set(given.compactMap { $0.split(separator: "=").first.map(String.init) })
        let options = spec.params.filter { !$0.positional && !usedOptions.contains($0.name) }.map { $0.name + "=" }
        let optionMatches = filter(options, current)
        if candidates.isEmpty, !optionMatches.isEmpty {
            return (current, optionMatches, false)
        }
        return (current, candidates + optionMatches, optionMatches.isEmpty)
    }

    private func values(for type: ParamType) -> [String] {
        switch type {
        case .object(let kind): return interpreter.world?.objectNames(kind: kind) ?? []
        case .choice(let words): return words
        case .bool: return ["yes", "no"]
        case .list(let element): return values(for: element)
        default: return []
        }
    }

    private func filter(_ words: [String], _ prefix: String) -> [String] {
        var seen: [String] = []
        for w in words where w.hasPrefix(prefix) && !seen.contains(w) { seen.append(w) }
        return seen
    }
}
