import Foundation

/// `virtlab test [PATH...]`: checks lesson files and folders, one line per step.
public struct LessonTestRun {
    public var checker: LessonChecker
    /// Where the lines go.
    public var out: (String) -> Void

    public init(checker: LessonChecker = LessonChecker(), out: @escaping (String) -> Void) {
        self.checker = checker
        self.out = out
    }

    /// Checks every lesson file of `paths` (folders stand for their `NN-topic.md` files),
    /// prints one line per step and the closing `N passed, N failed`; returns the tally.
    @discardableResult
    public func run(paths: [String]) -> (passed: Int, failed: Int) {
        var passed = 0, failed = 0
        for path in paths.flatMap(Self.files) {
            do {
                for report in checker.check(try LessonLibrary.load(path)) {
                    out(report.text)
                    if report.passed { passed += 1 } else { failed += 1 }
                }
            } catch {
                out("FAIL \(path)\n     \(error)".replacingOccurrences(of: "\nhint:", with: "\n     hint:"))
                failed += 1
            }
        }
        out("\(passed) passed, \(failed) failed")
        return (passed, failed)
    }

    /// A folder's lesson files, or the path itself.
    public static func files(_ path: String) -> [String] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue else { return [path] }
        return LessonLibrary.lessonFiles(in: path)
    }
}
