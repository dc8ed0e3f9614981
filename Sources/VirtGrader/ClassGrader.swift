import Dispatch
import Foundation
import Synchronization
import VirtLang

/// One submission to grade: the name reports use and the file to read.
public struct SubmissionFile: Sendable {
    public var name: String
    public var path: String
    public init(name: String, path: String) {
        self.name = name
        self.path = path
    }

    /// The `.vlab` files directly inside `folder`, sorted by name.
    public static func all(in folder: String) -> [SubmissionFile] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { $0.hasSuffix(".vlab") }.sorted().map {
            SubmissionFile(name: $0, path: (folder as NSString).appendingPathComponent($0))
        }
    }
}

extension Grader {
    /// Reads a submission file (a regular file, never more than the byte limit) and grades it.
    public func grade(_ file: SubmissionFile) -> SubmissionResult {
        let attributes = try? FileManager.default.attributesOfItem(atPath: file.path)
        let type = attributes?[.type] as? FileAttributeType
        if type == .typeSymbolicLink {
            return unscored(file.name, "the submission is a symbolic link; submit the script itself")
        }
        let resolved = try? FileManager.default.attributesOfItem(atPath: URL(fileURLWithPath: file.path).resolvingSymlinksInPath().path)
        guard (resolved?[.type] as? FileAttributeType ?? type) == .typeRegular,
              let handle = FileHandle(forReadingAtPath: file.path) else {
            return unscored(file.name, "the submission cannot be read as a file")
        }
        defer { try? handle.close() }
        let data = (try? handle.read(upToCount: limits.maxBytes + 1)) ?? Data()
        return grade(file.name, bytes: [UInt8](data))
    }

    /// Grades a class on `workers` threads (each with a stack deep enough for the
    /// recursion limit), in the order given; `progress` hears each one finish.
    public func grade(class files: [SubmissionFile], workers: Int,
                      progress: @escaping @Sendable (Int) -> Void = { _ in }) -> [SubmissionResult] {
        let results = Mutex([SubmissionResult?](repeating: nil, count: files.count))
        let next = Atomic(0), done = Atomic(0)
        let threads = max(1, min(workers, files.count))
        DispatchQueue.concurrentPerform(iterations: threads) { _ in
            withLargeStack {
                while true {
                    let index = next.add(1, ordering: .relaxed).oldValue
                    guard index < files.count else { break }
                    let result = grade(files[index])
                    results.withLock { $0[index] = result }
                    progress(done.add(1, ordering: .relaxed).newValue)
                }
            }
        }
        return results.withLock { $0.map { $0! } }
    }
}
