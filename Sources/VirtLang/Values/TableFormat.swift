/// Records print as aligned two-column tables; lists of records as one row each.
public enum TableFormat {
    /// The value as the REPL shows it: tables for records, text otherwise.
    public static func render(_ value: Value) -> String {
        switch value {
        case .record(let r): return recordTable(r)
        case .list(let rows) where !rows.isEmpty && rows.allSatisfy(isRecord):
            return listTable(rows.compactMap { if case .record(let r) = $0 { return r } else { return nil } })
        default: return value.text
        }
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

    static func listTable(_ rows: [Record]) -> String {
        var columns: [String] = []
        for r in rows { for name in r.names where !columns.contains(name) { columns.append(name) } }
        let cells = rows.map { r in columns.map { r[$0].map(cell) ?? "-" } }
        let widths = columns.indices.map { c in max(columns[c].count, cells.map { $0[c].count }.max() ?? 0) }
        func line(_ items: [String]) -> String {
            var out = ""
            for (k, item) in items.enumerated() {
                out += k == items.count - 1 ? item : item.padded(widths[k]) + "  "
            }
            return out
        }
        return ([line(columns)] + cells.map(line)).joined(separator: "\n")
    }
}

extension String {
    /// The text padded with spaces to `width` characters (tables, help).
    public func padded(_ width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
