import VirtCore
import VirtLang

/// `show topology`: the world as a tree in the terminal — sites, racks, and each
/// object inside what holds it (a host's NICs, vSwitches, disks and VMs, a VM's
/// vNICs, a pool's volumes), with the few fields that say what it is doing.
/// It places objects as the pictures of `export dot` do (`WorldLayout`).
enum Topology {
    /// The record fields printed beside an object, when it has them and they are not `none`.
    static let briefFields = ["state", "hypervisor", "mode", "raid", "size", "vlan", "vlans", "ip", "peer", "vm"]

    static func tree(_ world: World) throws(CoreError) -> String {
        let layout = try WorldLayout(world)
        guard !layout.names.isEmpty else { return "the world is empty" }
        var roots: [Node] = []
        for (site, places) in layout.bySite {
            var inSite: [Node] = []
            for place in places {
                let objects = place.roots.map { node($0, layout) }
                if let rack = place.rack { inSite.append(Node(label: "rack \(rack)", children: objects)) } else { inSite += objects }
            }
            if let site { roots.append(Node(label: "site \(site)", children: inSite)) } else { roots += inSite }
        }
        return roots.flatMap { $0.lines() }.joined(separator: "\n")
    }

    private static func node(_ name: String, _ layout: WorldLayout) -> Node {
        var label = "\(layout.kinds[name]!.name) \(name)"
        let brief = briefFields.compactMap { field -> String? in
            guard let value = layout.records[name]?[field], value != .none, value != .string("none"),
                  value != .list([]), value != layout.parent[name].map(Value.string) else { return nil }
            return "\(field)=\(value.brief)"
        }
        if !brief.isEmpty { label += "  " + brief.joined(separator: " ") }
        return Node(label: label, children: layout.inside(name).map { node($0, layout) })
    }

    /// One line of the tree and the lines below it.
    private struct Node {
        let label: String
        let children: [Node]

        func lines() -> [String] {
            var result = [label]
            for (i, child) in children.enumerated() {
                let last = i == children.count - 1
                let sub = child.lines()
                result.append((last ? "└── " : "├── ") + sub[0])
                result += sub.dropFirst().map { (last ? "    " : "│   ") + $0 }
            }
            return result
        }
    }
}

private extension Value {
    /// A field's value as one word: lists joined by commas.
    var brief: String {
        if case .list(let items) = self { return items.map(\.brief).joined(separator: ",") }
        return text
    }
}
