/// The `---` block that opens a lesson file: `id`, `title`, `requires`, `covers`.
struct FrontMatter {
    var id: String?
    var title: String?
    var requires: [String] = []
    var covers: [String] = []
    /// The index of the first line after the closing `---`.
    var bodyStart = 0

    static let keys = ["id", "title", "requires", "covers"]

    /// Reads the front matter at the top of `lines`.
    init(lines: [String], path: String) throws {
        guard lines.first?.trimmed == "---" else {
            throw LessonError(path: path, line: 1, "a lesson file starts with front matter",
                                  hint: "begin with '---', then 'id: NN-topic' and 'title: ...', then '---'")
        }
        guard let end = lines.indices.dropFirst().first(where: { lines[$0].trimmed == "---" }) else {
            throw LessonError(path: path, line: 1, "the front matter is not closed", hint: "end it with a line '---'")
        }
        for index in 1..<end {
            let line = lines[index].trimmed
            if line.isEmpty || line.hasPrefix("#") { continue }
            guard let colon = line.firstIndex(of: ":") else {
                throw LessonError(path: path, line: index + 1, "expected 'key: value' in the front matter")
            }
            let key = line[..<colon].trimmed, value = line[line.index(after: colon)...].trimmed
            switch key {
            case "id": id = value
            case "title": title = value
            case "requires": requires = Self.list(value)
            case "covers":
                covers = Self.list(value)
                if let unknown = covers.first(where: { !Coverage.ids.contains($0) }) {
                    throw LessonError(path: path, line: index + 1, "unknown topic id '\(unknown)' in 'covers'",
                                          hint: "topic ids are those of COVERAGE.md: \(Coverage.ids.joined(separator: ", "))")
                }
            default:
                throw LessonError(path: path, line: index + 1, "unknown front matter key '\(key)'",
                                      hint: "the keys are \(Self.keys.joined(separator: ", "))")
            }
        }
        if id?.isEmpty ?? true {
            throw LessonError(path: path, line: 1, "the front matter has no 'id'", hint: "add a line 'id: NN-topic'")
        }
        bodyStart = end + 1
    }

    /// `a, b c` → `[a, b, c]`.
    private static func list(_ text: String) -> [String] {
        text.split(whereSeparator: { $0 == "," || $0 == " " }).map(String.init)
    }
}

extension StringProtocol {
    /// The text without white space at either end.
    var trimmed: String {
        String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }
}
