/// Records print as aligned two-column tables; lists of records as one row each.
public enum TableFormat {
    /// The value as the REPL shows it: tables for records, text otherwise. With
    /// `width` (a terminal's columns), a table's long cells are cut short with `…`
    /// so that each row fits; without it nothing is cut (pipes and files get it all).
    public static func render(_ value: Value, width: Int? = nil) -> String {
        switch value {
        case .record(let r): return recordTable(r)
        case .list(let rows) where !rows.isEmpty && rows.allSatisfy(isRecord):
            return listTable(rows.compactMap { if case .record(let r) = $0 { return r } else { return nil } }, width: width)
        default: return value.text
        }
    }

    /// The columns in groups that each fit in `limit` columns, every group led by
    /// the first column (the name), as wide tables are printed in parts; a column
    /// too wide even beside the name is narrowed (its cells cut with `…`).
    static func fit(_ widths: inout [Int], within limit: Int) -> [[Int]] {
        guard widths.reduce(0, +) + 2 * (widths.count - 1) > limit, widths.count > 1 else { return [Array(widths.indices)] }
        let room = max(4, limit - widths[0] - 2)
        for c in widths.indices.dropFirst() { widths[c] = min(widths[c], room) }
        var groups: [[Int]] = [], current = [0], used = widths[0]
        for c in widths.indices.dropFirst() {
            if current.count > 1, used + 2 + widths[c] > limit {
                groups.append(current)
                current = [0]
                used = widths[0]
            }
            current.append(c)
            used += 2 + widths[c]
        }
        return groups + [current]
    }

    /// The cell cut to `width` characters, ending in `…` when cut.
    static func elide(_ text: String, to width: Int) -> String {
        text.count <= width ? text : String(text.prefix(max(0, width - 1))) + "…"
    }

    private static func isRecord(_ v: Value) -> Bool {
        if case .record = v { return true }
        return false
    }

    /// A cell: lists joined by commas, nested records and lists of records summarized.
    static func cell(_ v: Value) -> String {
        switch v {
        case .list(let xs) where xs.contains(where: isRecord): return "(\(xs.count) rows)"
        case .list(let xs): return xs.isEmpty ? "-" : xs.map(\.text).joined(separator: ",")
        case .record(let r): return "(\(r.fields.count) fields)"
        case .none: return "-"
        default: return v.text
        }
    }

    static func recordTable(_ r: Record) -> String {
        let width = r.fields.map { $0.name.count }.max() ?? 0
        var lines: [String] = []
        for field in r.fields {
            if case .list(let rows) = field.value, !rows.isEmpty, rows.allSatisfy(isRecord) {
                lines.append(field.name.padded(width))
                lines.append(contentsOf: render(field.value).split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 })
            } else {
                lines.append(field.name.padded(width) + "  " + cell(field.value))
            }
        }
        return lines.joined(separator: "\n")
    }

    static func listTable(_ rows: [Record], width: Int? = nil) -> String {
        var columns: [String] = []
        for r in rows { for name in r.names where !columns.contains(name) { columns.append(name) } }
        let cells = rows.map { r in columns.map { r[$0].map(cell) ?? "-" } }
        var widths = columns.indices.map { c in max(columns[c].count, cells.map { $0[c].count }.max() ?? 0) }
        let groups = width.map { fit(&widths, within: $0) } ?? [Array(columns.indices)]
        func line(_ items: [String], _ group: [Int]) -> String {
            var out = ""
            for (k, c) in group.enumerated() {
                let text = elide(items[c], to: widths[c])
                out += k == group.count - 1 ? text : text.padded(widths[c]) + "  "
            }
            return out
        }
        return groups.map { group in ([line(columns, group)] + cells.map { line($0, group) }).joined(separator: "\n") }
            .joined(separator: "\n\n")
    }
}

extension String {
    /// The text padded with spaces to `width` characters (tables, help).
    public func padded(_ width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
