import VirtCore
import VirtLang

/// `export dot FILE`: the world as a Graphviz graph — a node per object, an edge
/// wherever one object's record names another (a VM's host, an app's target).
enum ExportDot {
    static func graph(_ world: World) throws(CoreError) -> String {
        var lines = ["digraph virtlab {", "  rankdir=LR;"]
        let names = world.allNames
        let known = Set(names)
        for name in names {
            let kind = world.kind(of: name)!
            lines.append("  \(quote(name)) [label=\(quote("\(name)\\n\(kind.rawValue)")), shape=\(shape(kind))];")
            guard let provider = VirtLab.infoProviders.first(where: { $0.kind == kind }) else { continue }
            for field in try provider.record(world, name).fields where field.name != "name" {
                guard case .string(let other) = field.value, other != name, known.contains(other) else { continue }
                lines.append("  \(quote(other)) -> \(quote(name)) [label=\(quote(field.name))];")
            }
        }
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }

    private static func shape(_ kind: ObjectKind) -> String {
        switch kind {
        case .host: return "box3d"
        case .vm: return "box"
        default: return "ellipse"
        }
    }

    private static func quote(_ s: String) -> String {
        "\"" + s.replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
