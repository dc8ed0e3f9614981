/// REPL tab completion, derived from the registry: command words,
/// sub-commands, option names, option values (choices, objects of the option's
/// kind), proc options, and variable names after `$`.
public struct Completer {
    let interpreter: Interpreter

    /// A completer for the session `interpreter`: its registry, variables, procs and world.
    public init(interpreter: Interpreter) { self.interpreter = interpreter }

    /// Candidates for the word that `line` (the text before the cursor) ends
    /// with, and that word. `appendsSpace` is false for an option name
    /// (`cpus=`), whose value follows directly.
    public func complete(_ line: String) -> (word: String, candidates: [String], appendsSpace: Bool) {
        let chars = Array(line)
        if let variable = trailingVariable(chars) {
            return (variable, filter(interpreter.globals.names.map { "$" + $0 }, variable), true)
        }
        guard let start = commandStart(chars) else { return ("", [], true) }
        var words = split(chars[start...])
        let current = words.removeLast()
        if words.isEmpty {
            let starts = interpreter.registry.topWords + CommandRegistry.keywords.filter { $0 != "in" }
                + interpreter.procs.keys.sorted()
            return (current, filter(starts, current), true)
        }
        if words[0] == "help" {
            let path = Array(words.dropFirst())
            let next = path.isEmpty ? interpreter.registry.topWords : interpreter.registry.subcommands(of: path)
            return (current, filter(next, current), true)
        }
        if let proc = interpreter.procs[words[0]] {
            let used = Set(words.compactMap { $0.split(separator: "=").first.map(String.init) })
            return (current, filter(proc.parameters.filter { !used.contains($0) }.map { $0 + "=" }, current), false)
        }
        let head = Array(words.prefix { !$0.contains("=") }.prefix(3))
        if let (spec, consumed) = interpreter.registry.lookup(head) {
            let completion = completeArguments(spec, given: Array(words.dropFirst(consumed)), current: current)
            // A command that also heads others (`show`, `show topology`): offer their words too.
            guard consumed == words.count else { return completion }
            let deeper = filter(interpreter.registry.subcommands(of: spec.path), current)
            return (current, deeper + completion.candidates, deeper.isEmpty ? completion.appendsSpace : true)
        }
        if interpreter.registry.isGroup(head) {
            return (current, filter(interpreter.registry.subcommands(of: head), current), true)
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
        return (current, candidates + optionMatches, optionMatches.isEmpty)
    }

    private func values(for type: ParamType) -> [String] {
        switch type {
        case .object(let kinds): return interpreter.world?.objectNames(kinds: kinds) ?? []
        case .choice(let words): return words
        case .bool: return ["yes", "no"]
        case .list(let element): return values(for: element)
        default: return []
        }
    }

    /// `$name` when the text ends with a variable reference being typed.
    private func trailingVariable(_ chars: [Character]) -> String? {
        let name = chars.reversed().prefix { $0.isLetter || $0.isNumber || $0 == "_" }
        let dollar = chars.count - name.count - 1
        guard dollar >= 0, chars[dollar] == "$" else { return nil }
        return "$" + String(name.reversed())
    }

    /// Where the command being typed starts: after the innermost open `[` or
    /// `{`, or after the last `;` or `}`. Nil inside a string, a comment or
    /// an open `(`, where an expression rather than a command is typed.
    private func commandStart(_ chars: [Character]) -> Int? {
        var start: Int? = 0, enclosing: [Int?] = []
        var quoted = false, escaped = false
        for (i, c) in chars.enumerated() {
            if quoted {
                if escaped { escaped = false } else if c == "\\" { escaped = true } else if c == "\"" { quoted = false }
                continue
            }
            switch c {
            case "\"": quoted = true
            case "#": return nil
            case "[", "{", "(": enclosing.append(start); start = c == "(" ? nil : i + 1
            case "]", ")": start = enclosing.popLast() ?? start
            case "}": _ = enclosing.popLast(); start = i + 1
            case ";", "\n": if start != nil { start = i + 1 }
            default: break
            }
        }
        return quoted ? nil : start
    }

    /// The words of a command, a closed `[ ]`, `( )`, `{ }` or string counting
    /// as part of one word; the last element is the word being typed (maybe empty).
    private func split(_ text: ArraySlice<Character>) -> [String] {
        var words: [String] = [], word = "", depth = 0, quoted = false, escaped = false
        for c in text {
            if quoted {
                if escaped { escaped = false } else if c == "\\" { escaped = true } else if c == "\"" { quoted = false }
            } else if c == "\"" {
                quoted = true
            } else if "[({".contains(c) {
                depth += 1
            } else if "])}".contains(c) {
                depth -= 1
            } else if c.isWhitespace, depth == 0 {
                if !word.isEmpty { words.append(word) }
                word = ""
                continue
            }
            word.append(c)
        }
        return words + [word]
    }

    /// The words that start with `prefix`, once each. A qualified name (`pm1.eth0`) is
    /// offered only once the prefix reaches into its owner (`pm1.`), so owners come first.
    private func filter(_ words: [String], _ prefix: String) -> [String] {
        var seen: [String] = []
        for w in words where w.hasPrefix(prefix) && !seen.contains(w) {
            if let dot = w.lastIndex(of: "."), prefix.count <= w.distance(from: w.startIndex, to: dot) { continue }
            seen.append(w)
        }
        return seen
    }
}
