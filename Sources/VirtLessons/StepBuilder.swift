import VirtLang

/// Sorts the fenced blocks of a step by their info string.
struct StepBuilder {
    let path: String
    /// Prose lines not yet added to the step.
    var prose: [String] = []

    /// Info strings whose blocks are only shown, never run.
    static let shownKinds: Set<String> = ["", "vlab", "text", "console", "output"]
    static let kinds = ["vlab setup", "vlab example", "goal TEXT", "question TEXT [tolerance=5%] [choices=a,b,c]", "hint",
                        "solution", "wrong", "check NAME points=N [hidden]"]

    /// Adds the prose gathered so far to the step.
    mutating func flushProse(into step: inout Step) {
        let text = prose.joined(separator: "\n").trimmingBlankLines
        if !text.isEmpty { step.shown.append(.prose(text)) }
        prose = []
    }

    /// Adds a fenced block whose opening fence is on 1-based line `fenceLine`.
    mutating func add(_ info: String, body: String, at fenceLine: Int, to step: inout Step) throws {
        let words = info.split(whereSeparator: \.isWhitespace).map(String.init)
        let kind = words.first ?? ""
        let rest = words.dropFirst()
        let script = ScriptBlock(text: body, line: fenceLine + 1)
        switch (kind, rest.first) {
        case ("vlab", "setup"?), ("vlab", "example"?):
            try expectNothing(after: rest.dropFirst(), of: "vlab \(rest.first!)", at: fenceLine)
            try checkSyntax(script)
            if rest.first == "setup" { step.setups.append(script) } else {
                step.examples.append(script)
                flushProse(into: &step)
                step.shown.append(.code(body))
            }
        case ("goal", _):
            let text = info.dropFirst(4).trimmed
            guard !text.isEmpty else {
                throw LessonError(path: path, line: fenceLine, "a goal needs the text the student sees",
                                      hint: "write it after the word: ```goal the VM is running")
            }
            try checkSyntax(script)
            step.goals.append(Goal(text: text, script: script))
        case ("question", _):
            try checkSyntax(script)
            step.questions.append(try question(Array(rest), script: script, at: fenceLine))
        case ("hint", _):
            try expectNothing(after: rest, of: kind, at: fenceLine)
            step.hints.append(body.trimmingBlankLines)
        case ("solution", _), ("wrong", _):
            try expectNothing(after: rest, of: kind, at: fenceLine)
            for case .script(let part) in script.parts { try checkSyntax(part) }
            if kind == "solution" { step.solutions.append(script) } else { step.wrongs.append(script) }
        case ("check", _):
            try checkSyntax(script)
            step.checks.append(try check(Array(rest), script: script, at: fenceLine))
        case _ where Self.shownKinds.contains(info):
            flushProse(into: &step)
            step.shown.append(.code(body))
        default:
            throw LessonError(path: path, line: fenceLine, "unknown block kind '\(info)'",
                                  hint: "the kinds are \(Self.kinds.joined(separator: ", ")); a block without a kind is shown as code")
        }
    }

    private func expectNothing(after words: ArraySlice<String>, of kind: String, at line: Int) throws {
        guard let extra = words.first else { return }
        throw LessonError(path: path, line: line, "unexpected '\(extra)' after '\(kind)'",
                              hint: "the kinds are \(Self.kinds.joined(separator: ", "))")
    }

    /// `check NAME points=N [hidden]`.
    private func check(_ words: [String], script: ScriptBlock, at line: Int) throws -> Check {
        let usage = "write ```check NAME points=N, with 'hidden' at the end for a hidden check"
        guard let name = words.first, !name.contains("=") else {
            throw LessonError(path: path, line: line, "a check needs a name", hint: usage)
        }
        var points: Int?, hidden = false
        for word in words.dropFirst() {
            if word == "hidden" { hidden = true } else if word.hasPrefix("points="), let n = Int(word.dropFirst(7)), n >= 0 {
                points = n
            } else {
                throw LessonError(path: path, line: line, "unexpected '\(word)' in check '\(name)'", hint: usage)
            }
        }
        guard let points else { throw LessonError(path: path, line: line, "check '\(name)' needs points=N", hint: usage) }
        return Check(name: name, points: points, hidden: hidden, script: script)
    }

    /// `question TEXT [tolerance=N%] [choices=a,b,c]`: the options are the last words.
    private func question(_ words: [String], script: ScriptBlock, at line: Int) throws -> Question {
        let usage = "write ```question TEXT, optionally ending with tolerance=5% or choices=a,b,c"
        var words = words[...], tolerance: Double?, choices: [String]?
        while let last = words.last, let equals = last.firstIndex(of: "="),
              ["tolerance", "choices"].contains(last[..<equals]) {
            let value = last[last.index(after: equals)...]
            if last.hasPrefix("tolerance=") {
                guard tolerance == nil, value.hasSuffix("%"), let percent = Double(value.dropLast()), percent.isFinite,
                      percent >= 0, percent < 100 else {
                    throw LessonError(path: path, line: line, "tolerance must be a percentage from 0% to below 100%, not '\(value)'", hint: usage)
                }
                tolerance = percent / 100
            } else {
                let list = value.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmed }
                guard choices == nil, list.count >= 2, !list.contains(where: \.isEmpty),
                      Set(list.map { $0.lowercased() }).count == list.count else {
                    throw LessonError(path: path, line: line, "choices must be two or more different words separated by commas, not '\(value)'", hint: usage)
                }
                choices = list
            }
            words = words.dropLast()
        }
        guard !words.isEmpty else { throw LessonError(path: path, line: line, "a question needs the text the student sees", hint: usage) }
        if tolerance != nil, choices != nil {
            throw LessonError(path: path, line: line, "a question takes tolerance= or choices=, not both", hint: usage)
        }
        guard script.text.split(separator: "\n").contains(where: { !$0.trimmed.isEmpty }) else {
            throw LessonError(path: path, line: line, "the question has no expression computing its answer", hint: usage)
        }
        return Question(text: words.joined(separator: " "), tolerance: tolerance ?? Question.defaultTolerance,
                        choices: choices ?? [], script: script)
    }

    /// Parses a script block so syntax errors surface when the lesson is read.
    private func checkSyntax(_ script: ScriptBlock) throws {
        do {
            try Parser.check(script.source(in: path))
        } catch let error as ScriptError {
            throw LessonError(path: path, line: error.line, "\(error.message) (column \(error.column))", hint: error.hint)
        }
    }
}

extension String {
    /// The text without blank lines at either end.
    var trimmingBlankLines: String {
        var lines = split(separator: "\n", omittingEmptySubsequences: false)
        while lines.first?.trimmed.isEmpty == true { lines.removeFirst() }
        while lines.last?.trimmed.isEmpty == true { lines.removeLast() }
        return lines.joined(separator: "\n")
    }
}
