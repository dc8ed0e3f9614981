import CLibEdit

/// Ctrl-C as a flag the evaluator polls, so an interrupted evaluation ends
/// and the REPL session goes on.
///
/// After ``install()``, SIGINT sets a flag instead of ending the process.
/// ``LineEditor/readLine(prompt:)`` cooperates: it clears the flag when it
/// starts, and a Ctrl-C while a line is edited discards that line (the call
/// returns ``ReadResult/interrupted`` with the flag cleared again). Between
/// reads, Ctrl-C only sets the flag.
public enum Interrupt {
    /// Installs the flag-setting SIGINT handler (idempotent) and unblocks
    /// SIGINT in the calling thread, which should be the one that evaluates.
    /// Interrupted system calls are restarted, so output is not disturbed.
    public static func install() {
        _ = virt_interrupt_install()
    }

    /// Restores the SIGINT disposition that was in place before ``install()``.
    public static func uninstall() {
        virt_interrupt_uninstall()
    }

    /// Whether Ctrl-C was pressed since the flag was last cleared.
    public static func check() -> Bool {
        virt_interrupt_pending() != 0
    }

    /// Clears the flag.
    public static func clear() {
        virt_interrupt_clear()
    }

    /// Runs `body` with the handler installed, restoring the previous
    /// disposition afterwards unless it was already installed.
    static func whileInstalled<T>(_ body: () -> T) -> T {
        let wasInstalled = virt_interrupt_install() != 0
        defer { if !wasInstalled { virt_interrupt_uninstall() } }
        return body()
    }
}
