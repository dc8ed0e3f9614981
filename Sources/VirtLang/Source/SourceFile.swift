/// A script's text, kept for error messages (the source line under a caret).
public final class SourceFile: Sendable {
    /// The name shown in diagnostics: a path, or `<repl>`.
    public let name: String
    public let text: String
    let bytes: [UInt8]
    private let lineStarts: [Int]

    /// A leading UTF-8 byte-order mark is skipped (editors on Windows write one).
    public init(name: String, text: String) {
        self.name = name
        self.text = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        bytes = Array(self.text.utf8)
        var starts = [0]
        for (i, b) in bytes.enumerated() where b == UInt8(ascii: "\n") { starts.append(i + 1) }
        lineStarts = starts
    }

    /// 1-based line and column (in characters) of a byte offset.
    public func lineColumn(of offset: Int) -> (line: Int, column: Int) {
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        let start = lineStarts[low]
        let prefix = bytes[start..<min(offset, bytes.count)]
        let column = String(decoding: prefix, as: UTF8.self).count + 1
        return (low + 1, column)
    }

    /// The text of a 1-based line, without its newline.
    public func line(_ number: Int) -> String {
        guard number >= 1, number <= lineStarts.count else { return "" }
        let start = lineStarts[number - 1]
        var end = number < lineStarts.count ? lineStarts[number] - 1 : bytes.count
        if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return String(decoding: bytes[start..<max(start, end)], as: UTF8.self)
    }

    /// The source text of a span.
    func text(of span: SourceSpan) -> String {
        let lo = max(0, min(span.start, bytes.count)), hi = max(lo, min(span.end, bytes.count))
        return String(decoding: bytes[lo..<hi], as: UTF8.self)
    }
}

/// Where a node came from: a byte range in one source file.
public struct SourceSpan: Sendable {
    public let file: SourceFile
    /// Byte offsets, stored in 32 bits: every syntax node holds a span, and a
    /// script is far below 4 GiB.
    private let start32: UInt32
    private let end32: UInt32
    public var start: Int { Int(start32) }
    public var end: Int { Int(end32) }

    public init(file: SourceFile, start: Int, end: Int) {
        self.file = file
        start32 = UInt32(clamping: start)
        end32 = UInt32(clamping: end)
    }

    /// The span's source text.
    public var text: String { file.text(of: self) }
}
