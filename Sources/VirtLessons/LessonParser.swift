import VirtLang

/// Reads a lesson file: front matter, steps at `## ` headings, and the fenced
/// blocks of LESSONS.md. Errors name the lesson file's line.
public enum LessonParser {
    /// Parses lesson text; `path` names the file in diagnostics and script errors.
    public static func parse(_ text: String, path: String) throws -> Lesson {
        // Swift reads "\r\n" as one character: split the bytes, so CRLF files read as LF ones (and skip a BOM).
        let body = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        let lines = body.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map {
            String(decoding: $0.last == UInt8(ascii: "\r") ? $0.dropLast() : $0, as: UTF8.self)
        }
        let front = try FrontMatter(lines: lines, path: path)
        var builder = StepBuilder(path: path)
        var steps = [Step(title: "", line: 1)]
        var index = front.bodyStart
        while index < lines.count {
            let line = lines[index]
            if let fence = Fence(opening: line) {
                let close = try fence.closingIndex(in: lines, after: index, path: path)
                let body = lines[(index + 1)..<close].joined(separator: "\n")
                try builder.add(fence.info, body: body, at: index + 1, to: &steps[steps.count - 1])
                index = close + 1
                continue
            }
            if line.hasPrefix("## ") {
                builder.flushProse(into: &steps[steps.count - 1])
                steps.append(Step(title: Self.stepTitle(line.dropFirst(3).trimmed), line: index + 1))
            } else {
                builder.prose.append(line)
            }
            index += 1
        }
        builder.flushProse(into: &steps[steps.count - 1])
        // What precedes the first heading is an implicit first step only when it has blocks.
        let introduction = steps[0].hasBlocks ? "" : Self.withoutTitle(steps.removeFirst().proseText)
        guard let title = front.title ?? lines[front.bodyStart...].first(where: { $0.hasPrefix("# ") }).map({ $0.dropFirst(2).trimmed }) else {
            throw LessonError(path: path, line: 1, "the lesson has no title", hint: "add 'title: ...' to the front matter")
        }
        if steps.first?.line == 1 { steps[0].title = title }
        if steps.isEmpty {
            throw LessonError(path: path, line: 0, "the lesson has no steps", hint: "start each step with a '## ' heading")
        }
        return Lesson(path: path, id: front.id!, title: title, requires: front.requires, covers: front.covers,
                      introduction: introduction, steps: steps)
    }

    /// The introduction without its `# ` title line (lesson mode prints the title itself).
    static func withoutTitle(_ prose: String) -> String {
        prose.hasPrefix("# ") ? String(prose.drop { $0 != "\n" }).trimmingBlankLines : prose
    }

    /// A heading without a leading `Step 2 —` (lesson mode numbers steps itself).
    static func stepTitle(_ heading: String) -> String {
        guard heading.hasPrefix("Step ") else { return heading }
        let rest = heading.dropFirst(5).drop(while: \.isNumber)
        guard rest.count < heading.count - 5 else { return heading }
        let title = rest.drop { " —–-:.".contains($0) }
        return title.isEmpty ? heading : String(title)
    }
}

/// An opening code fence (three or more backticks or tildes, indented at most three spaces) and its info string.
struct Fence {
    let marker: Character
    let length: Int
    let info: String

    init?(opening line: String) {
        let unindented = line.drop { $0 == " " }
        guard line.count - unindented.count <= 3, let first = unindented.first, first == "`" || first == "~" else { return nil }
        let run = unindented.prefix { $0 == first }
        guard run.count >= 3 else { return nil }
        marker = first
        length = run.count
        info = unindented.dropFirst(run.count).trimmed
    }

    /// The index of the line that closes this fence.
    func closingIndex(in lines: [String], after open: Int, path: String) throws -> Int {
        for index in (open + 1)..<lines.count {
            let text = lines[index].trimmed
            if text.count >= length, text.allSatisfy({ $0 == marker }) { return index }
        }
        throw LessonError(path: path, line: open + 1, "this \(String(repeating: marker, count: length)) block is never closed",
                              hint: "end it with a line of \(String(repeating: marker, count: length))")
    }
}

extension Step {
    /// Whether the step has any block beyond prose and shown code.
    var hasBlocks: Bool {
        !(setups.isEmpty && examples.isEmpty && goals.isEmpty && questions.isEmpty && hints.isEmpty
          && solutions.isEmpty && wrongs.isEmpty && checks.isEmpty)
    }

    /// The step's prose alone, paragraphs separated by blank lines.
    var proseText: String {
        shown.compactMap { if case .prose(let text) = $0 { text } else { nil } }.joined(separator: "\n\n")
    }
}
