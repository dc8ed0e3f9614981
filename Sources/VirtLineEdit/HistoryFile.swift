import Foundation

/// The history file: one entry per line, oldest first, with `\` written as
/// `\\` and a newline inside an entry (a multi-line statement) as `\n`.
/// Failures are silent: history is a convenience, never an error.
struct HistoryFile {
    let path: String
    let limit: Int

    /// The last `limit` entries, trimming the file when it has grown beyond that.
    func load() -> [String] {
        let entries = readAll()
        if entries.count > limit { rewrite(Array(entries.suffix(limit))) }
        return Array(entries.suffix(limit))
    }

    /// Appends one entry, creating the file and its directories when
    /// missing; trims the file to `limit` entries once it holds more.
    func append(_ entry: String) {
        guard makeParentDirectory() else { return }
        let fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return }
        let line = Array((Self.escape(entry) + "\n").utf8)
        _ = line.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        close(fd)
        let entries = readAll()
        if entries.count > limit { rewrite(Array(entries.suffix(limit))) }
    }

    private func readAll() -> [String] {
        guard let data = FileManager.default.contents(atPath: path) else { return [] }
        return String(decoding: data, as: UTF8.self)
            .split(separator: "\n", omittingEmptySubsequences: true)
            .map { Self.unescape(String($0)) }
    }

    /// Replaces the file atomically (write a sibling, then rename).
    private func rewrite(_ entries: [String]) {
        let text = entries.map { Self.escape($0) + "\n" }.joined()
        let temporary = path + ".tmp\(getpid())"
        guard FileManager.default.createFile(atPath: temporary, contents: Data(text.utf8),
                                             attributes: [.posixPermissions: 0o600]) else { return }
        if rename(temporary, path) != 0 { unlink(temporary) }
    }

    private func makeParentDirectory() -> Bool {
        let parent = (path as NSString).deletingLastPathComponent
        if parent.isEmpty || FileManager.default.fileExists(atPath: parent) { return true }
        return (try? FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true,
                                                         attributes: [.posixPermissions: 0o700])) != nil
    }

    static func escape(_ entry: String) -> String {
        entry.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\n", with: "\\n")
    }

    static func unescape(_ line: String) -> String {
        var result = ""
        var escaped = false
        for character in line {
            if escaped {
                result.append(character == "n" ? "\n" : character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else {
                result.append(character)
            }
        }
        return result
    }
}
