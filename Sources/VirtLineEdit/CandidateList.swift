/// Lays out completion candidates in columns, like `ls`.
enum CandidateList {
    /// The candidates as rows of padded columns fitting `width`, each row ending in a newline.
    static func render(_ candidates: [String], width: Int) -> String {
        let cell = (candidates.map(\.count).max() ?? 0) + 2
        let columns = max(1, width / cell)
        let rows = (candidates.count + columns - 1) / columns
        var text = ""
        for row in 0..<rows {
            var line = ""
            // Column-major order: read down, then across.
            for column in 0..<columns {
                let index = column * rows + row
                guard index < candidates.count else { break }
                let item = candidates[index]
                line += item + String(repeating: " ", count: cell - item.count)
            }
            while line.last == " " { line.removeLast() }
            text += line + "\n"
        }
        return text
    }
}
