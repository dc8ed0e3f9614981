/// A lesson file that cannot be read or is malformed, with the line at fault; also
/// a progress file that cannot be written.
public struct LessonError: Error, Sendable, CustomStringConvertible {
    public var path: String
    /// 1-based; 0 when the error concerns the whole file.
    public var line: Int
    public var message: String
    public var hint: String?

    public init(path: String, line: Int, _ message: String, hint: String? = nil) {
        self.path = path
        self.line = line
        self.message = message
        self.hint = hint
    }

    /// `path:line: error: message`, then the hint on its own line.
    public var description: String {
        let place = line > 0 ? "\(path):\(line)" : path
        return "\(place): error: \(message)" + (hint.map { "\nhint: \($0)" } ?? "")
    }
}
