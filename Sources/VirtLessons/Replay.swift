import VirtLang

extension ScriptBlock {
    /// Runs the block in `session`.
    public func run(in session: Interpreter, path: String) throws {
        try session.execute(source(in: path))
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
