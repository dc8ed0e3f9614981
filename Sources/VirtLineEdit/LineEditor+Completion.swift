import CLibEdit

extension LineEditor {
    /// Tab: asks ``completer`` for candidates, replaces the word before the
    /// cursor with the unique candidate or the common prefix, and lists
    /// several candidates below the line before redrawing it.
    static func completeCallback(_ editLine: OpaquePointer?, _ key: Int32) -> UInt8 {
        guard let editLine, let editor = from(editLine), let completer = editor.completer,
              let info = el_line(editLine)?.pointee else { return UInt8(CC_REFRESH_BEEP) }
        let before = text(from: info.buffer, to: info.cursor)
        let line = text(from: info.buffer, to: info.lastchar)
        let completion = completer(line, before.count)
        guard !completion.candidates.isEmpty, before.hasSuffix(completion.word) else {
            return UInt8(CC_REFRESH_BEEP)
        }
        let replacement = completion.replacement
        if completion.candidates.count == 1 || replacement.count > completion.word.count {
            // libedit counts the line in wide characters, i.e. Unicode scalars.
            el_deletestr(editLine, Int32(completion.word.unicodeScalars.count))
            _ = el_insertstr(editLine, replacement)
        }
        guard completion.candidates.count > 1 else { return UInt8(CC_REFRESH) }
        let width = Int(virt_el_columns(editLine))
        virt_el_print(editLine, "\n" + CandidateList.render(completion.candidates, width: width))
        return UInt8(CC_REDISPLAY)
    }

    private static func text(from start: UnsafePointer<CChar>?, to end: UnsafePointer<CChar>?) -> String {
        guard let start, let end, end > start else { return "" }
        let bytes = UnsafeRawBufferPointer(start: start, count: end - start)
        return String(decoding: bytes, as: UTF8.self)
    }
}
