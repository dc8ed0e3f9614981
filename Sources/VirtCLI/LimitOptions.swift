import ArgumentParser

/// `--max-steps N` and `--timeout S`, shared by `run` and `grade` (which have different defaults).
struct LimitOptions: ParsableArguments {
    @Option(parsing: .unconditional, help: "Stop after this many steps (statements and loop iterations).") var maxSteps: Int?
    @Option(parsing: .unconditional, help: "Stop after this many seconds of real time.") var timeout: Double?

    func validate() throws {
        if let maxSteps, maxSteps < 1 { throw ValidationError("--max-steps must be at least 1") }
        // inf (and anything beyond a century) means no timeout; nan, 0 and negatives are refused.
        if let timeout, !(timeout > 0) { throw ValidationError("--timeout must be more than 0 seconds, not \(timeout)") }
    }
}
