import Foundation

/// At the REPL, an evaluation that runs longer than half a second of real time
/// shows a moving bar on stderr (a terminal only) until it ends, so a student can
/// tell a long computation from a hang — and that Ctrl-C stops it.
final class ProgressLine: @unchecked Sendable {
    private var started: UInt64 = 0
    private var lastDrawn: UInt64 = 0
    private var shown = false
    private var frame = 0
    let enabled: Bool

    init(enabled: Bool) { self.enabled = enabled }

    /// Marks the start of an evaluation.
    func start() {
        started = DispatchTime.now().uptimeNanoseconds
        lastDrawn = started
    }

    /// Called while evaluating (every 1,024 steps): redraws at most ten times a second.
    func tick() {
        guard enabled else { return }
        let now = DispatchTime.now().uptimeNanoseconds
        guard now - started > 500_000_000, now - lastDrawn > 100_000_000 else { return }
        lastDrawn = now
        frame += 1
        let width = 20, position = frame % (2 * width - 2)
        let at = position < width ? position : 2 * width - 2 - position
        let bar = String(repeating: ".", count: at) + "#" + String(repeating: ".", count: width - 1 - at)
        let seconds = String(format: "%.1f", Double(now - started) / 1e9)
        Terminal.shared.raw("\r[\(bar)] running \(seconds)s — Ctrl-C interrupts")
        shown = true
    }

    /// Clears the bar when one was drawn.
    func finish() {
        guard shown else { return }
        Terminal.shared.raw("\r\u{1B}[2K")
        shown = false
    }
}
