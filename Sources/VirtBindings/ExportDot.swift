import VirtCore
import VirtLang

/// `export dot FILE`: the world as a Graphviz graph — a node per object, shaped by
/// its kind, and an edge wherever a record field declared as a link names another
/// object (a VM's host, a host's VMs, an app's target), list fields included.
enum ExportDot {
    static func graph(_ world: World) throws(CoreError) -> String {
        var lines = ["digraph virtlab {", "  rankdir=LR;"]
        for name in world.everyName {
            let kind = world.kind(of: name)!
            let records = VirtLab.records(of: kind)
            lines.append("  \(quote(name)) [label=\(quote("\(name)\\n\(kind.name)")), shape=\(records?.shape ?? "ellipse")];")
            guard let records else { continue }
            let record = try records.record(world, name)
            for field in records.links {
                for other in linked(record[field]) where other != name && world.kind(of: other) != nil {
                    lines.append("  \(quote(other)) -> \(quote(name)) [label=\(quote(field))];")
                }
            }
        }
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }

    /// The names a link field holds: one name, a list of names, or none.
    private static func linked(_ value: Value?) -> [String] {
        switch value {
        case .string(let name)?: [name]
        case .list(let items)?: items.compactMap { if case .string(let s) = $0 { s } else { nil } }
        default: []
        }
    }

    private static func quote(_ s: String) -> String {
        "\"" + s.replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
