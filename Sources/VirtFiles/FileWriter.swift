import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why a file could not be written or read: a message and a hint, for any front end.
public struct FileProblem: Error, Equatable {
    public let message: String
    public let hint: String?
}

/// The one way VirtLab writes files (`save`, `export`, `--state`, the progress
/// file, the grader's `--output`): atomically, and only to regular files. A
/// symlink is written through to its real path, an existing file keeps its
/// permissions, and a target that exists but is not a regular file (a device
/// such as /dev/null, a FIFO, a directory, a socket) is refused.
public enum FileWriter {
    /// Writes `data` to a temporary file beside the real target, then renames it over it.
    public static func write(_ data: Data, to path: String) throws(FileProblem) {
        let target = try realTarget(path)
        var info = stat()
        let exists = stat(target, &info) == 0
        if exists, let what = kind(info.st_mode) {
            throw FileProblem(message: "'\(path)' is \(what), not a regular file", hint: "give the path of a file to write")
        }
        let folder = (target as NSString).deletingLastPathComponent
        let name = (target as NSString).lastPathComponent
        var template = Array(((folder.isEmpty ? "." : folder) + "/.\(name).tmp-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else {
            throw FileProblem(message: "cannot write '\(path)'", hint: "check that its folder exists and is writable")
        }
        let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        let mode = exists ? info.st_mode & 0o7777 : 0o666 & ~currentUmask()
        let written = data.withUnsafeBytes { bytes -> Bool in
            var offset = 0
            while offset < bytes.count {
                let n = Glibc.write(fd, bytes.baseAddress! + offset, bytes.count - offset)
                if n <= 0 { return false }
                offset += n
            }
            return true
        }
        let finished = written && fchmod(fd, mode) == 0 && fsync(fd) == 0
        close(fd)
        guard finished, rename(temporary, target) == 0 else {
            unlink(temporary)
            throw FileProblem(message: "cannot write '\(path)'", hint: "check that its folder exists, is writable and has room")
        }
    }

    /// Reads a file, saying what the path is when it is not a readable file.
    public static func read(_ path: String) throws(FileProblem) -> [UInt8] {
        if path.isEmpty { throw FileProblem(message: "an empty path names no file", hint: "give the path of a file") }
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw FileProblem(message: "cannot read '\(path)'", hint: "no such file")
        }
        if info.st_mode & S_IFMT == S_IFDIR {
            throw FileProblem(message: "'\(path)' is a directory, not a file", hint: "give the path of a file")
        }
        guard let bytes = readAll(path) else {
            throw FileProblem(message: "cannot read '\(path)'", hint: "check its permissions")
        }
        return bytes
    }

    /// A file's bytes through POSIX calls (FileManager's first use was a tenth of
    /// an empty script's start-up); nil when it cannot be opened or read.
    private static func readAll(_ path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                return nil
            }
            if n == 0 { return bytes }
            bytes.append(contentsOf: chunk[..<n])
        }
    }

    /// Whether two paths name the same existing file (after symlinks and hard links).
    public static func sameFile(_ a: String, _ b: String) -> Bool {
        var x = stat(), y = stat()
        return stat(a, &x) == 0 && stat(b, &y) == 0 && x.st_dev == y.st_dev && x.st_ino == y.st_ino
    }

    /// The path a write lands on: symlinks followed (even a dangling one, which the write creates).
    static func realTarget(_ path: String) throws(FileProblem) -> String {
        if path.isEmpty { throw FileProblem(message: "an empty path names no file", hint: "give the path of a file to write") }
        var current = path
        for _ in 0..<40 {
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let n = readlink(current, &buffer, buffer.count - 1)
            guard n > 0 else { return current }
            let link = String(decoding: buffer[..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            let folder = (current as NSString).deletingLastPathComponent
            current = link.hasPrefix("/") || folder.isEmpty ? link : folder + "/" + link
        }
        throw FileProblem(message: "'\(path)' is a loop of symbolic links", hint: "give the path of a file to write")
    }

    /// "a directory", "a character device", …; nil for a regular file.
    static func kind(_ mode: mode_t) -> String? {
        switch mode & S_IFMT {
        case S_IFREG: return nil
        case S_IFDIR: return "a directory"
        case S_IFCHR: return "a character device"
        case S_IFBLK: return "a block device"
        case S_IFIFO: return "a FIFO (named pipe)"
        case S_IFSOCK: return "a socket"
        default: return "a special file"
        }
    }

    private static func currentUmask() -> mode_t {
        let mask = umask(0o022)
        umask(mask)
        return mask
    }
}
