import Foundation
import VirtLang

/// Standard output and error: stdout buffered (flushed before anything goes to
/// stderr, so the two interleave in order), colour only on a terminal and never with NO_COLOR.
final class Terminal: @unchecked Sendable {
    static let shared = Terminal()

    private var buffer: [UInt8] = []
    let stdoutIsTerminal = isatty(1) == 1
    let stderrIsTerminal = isatty(2) == 1
    /// (`getenv`, not ProcessInfo: building the environment's dictionary was a
    /// tenth of an empty script's start-up.)
    let noColor = getenv("NO_COLOR") != nil

    var colorErrors: Bool { stderrIsTerminal && !noColor }

    /// The terminal's width in columns when stdout is a terminal (tables are fitted
    /// to it); nil for pipes and files, which get every table whole.
    var columns: Int? {
        guard stdoutIsTerminal else { return nil }
        var size = winsize()
        guard ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }

    func out(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        buffer.append(10)
        if buffer.count > 1 << 16 || stdoutIsTerminal { flush() }
    }

    func err(_ text: String) {
        flush()
        var bytes = Array(text.utf8)
        if bytes.last != 10 { bytes.append(10) }
        writeAll(2, bytes)
    }

    /// Writes to stderr without a newline (a progress line being redrawn).
    func raw(_ text: String) {
        flush()
        writeAll(2, Array(text.utf8))
    }

    func flush() {
        guard !buffer.isEmpty else { return }
        writeAll(1, buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    private func writeAll(_ fd: Int32, _ bytes: [UInt8]) {
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = write(fd, raw.baseAddress! + offset, raw.count - offset)
                if n <= 0 { if errno == EINTR { continue } else { return } }
                offset += n
            }
        }
    }

    /// Renders a script error for stderr.
    func report(_ error: ScriptError) { err(error.rendered(color: colorErrors)) }
}

/// How printed values look: text tables, or one JSON line each (`--json`).
struct Printer {
    var json = false

    func handle(_ output: Output) {
        switch output {
        case .print(let values) where json:
            Terminal.shared.out(JSONText.encode(values.count == 1 ? values[0] : .string(output.text)))
        case .text(let text) where json:
            Terminal.shared.out(JSONText.encode(.string(text)))
        default:
            Terminal.shared.out(output.text)
        }
    }
}
