import VirtLang

/// A piece of a solution or wrong block: script to run, or an `answer VALUE` line.
enum ScriptPart {
    case script(ScriptBlock)
    /// The text after `answer`, and its 1-based line in the lesson file.
    case answer(String, line: Int)
}

extension ScriptBlock {
    /// Runs the block in `session`; `answer` lines go to `answer`, in order, with the
    /// session as it is at that point.
    public func run(in session: Interpreter, path: String, answer: (String, Int) -> Void = { _, _ in }) throws {
        for part in parts {
            switch part {
            case .script(let block): try session.execute(block.source(in: path))
            case .answer(let text, let line): answer(text, line)
            }
        }
    }

    /// The block split at its `answer VALUE` lines (a line whose first word is `answer`).
    var parts: [ScriptPart] {
        var parts: [ScriptPart] = []
        var chunk: [Substring] = [], chunkStart = line
        func flush() {
            if !chunk.isEmpty { parts.append(.script(ScriptBlock(text: chunk.joined(separator: "\n"), line: chunkStart))) }
            chunk = []
        }
        for (offset, text) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let words = text.split(whereSeparator: \.isWhitespace)
            if words.first == "answer" {
                flush()
                parts.append(.answer(String(text.trimmed.dropFirst(6)).trimmed, line: line + offset))
                chunkStart = line + offset + 1
            } else {
                chunk.append(text)
            }
        }
        flush()
        return parts
    }

    /// The span of the block's first line, for errors about the block as a whole.
    func firstLineSpan(in path: String) -> SourceSpan {
        let start = line - 1
        return SourceSpan(file: source(in: path), start: start, end: start + (text.split(separator: "\n").first?.utf8.count ?? 0))
    }
}

extension Lesson {
    /// Rebuilds the state a learner has at the start of step `index`: every earlier
    /// step's setups and first solution, then this step's setups, all in `session`.
    public func replay(upTo index: Int, in session: Interpreter) throws {
        for (number, step) in steps.prefix(index + 1).enumerated() {
            for setup in step.setups { try setup.run(in: session, path: path) }
            if number < index, let solution = step.solutions.first { try solution.run(in: session, path: path) }
        }
    }
}
