import ArgumentParser

/// `--max-steps N` and `--timeout S`, shared by `run` and `grade` (which have different defaults).
struct LimitOptions: ParsableArguments {
    @Option(parsing: .unconditional, help: "Stop after this many steps (statements and loop iterations).") var maxSteps: Int?
    @Option(parsing: .unconditional, help: "Stop after this many seconds of real time.") var timeout: Double?

    func validate() throws {
        if let maxSteps, maxSteps < 1 { throw ValidationError("--max-steps must be at least 1") }
        if let timeout, !(timeout > 0 && timeout.isFinite) {
            throw ValidationError("--timeout must be a finite number of seconds above 0, not \(timeout)")
        }
    }
}
