import VirtCore
import VirtLang

/// `export dot FILE`: the world as a Graphviz graph. Sites and racks are
/// frames (bold and dashed); an object that holds others (a host with its VMs,
/// vSwitches and disks, a VM with its vNICs, a pool with its volumes) is a frame
/// around them; links between objects that do not hold each other are lines
/// (cables, storage paths, a vNIC's vSwitch) labelled by the field that made them.
/// VLANs are colours: a vNIC or access port is filled with its VLAN's colour, a
/// line carries one strand per VLAN its ends are in. A legend shows the shapes
/// and colours used.
enum ExportDot {
    static func graph(_ world: World) throws(CoreError) -> String {
        let layout = try WorldLayout(world)
        var picture = DotPicture(layout: layout)
        return picture.draw(time: Quantity.seconds(world.clock).description)
    }
}

/// Builds the text of one picture from a layout.
private struct DotPicture {
    let layout: WorldLayout
    private var lines: [String] = []
    private var clusters = 0
    private let palette = ["#1b9e77", "#d95f02", "#7570b3", "#e7298a", "#66a61e", "#e6ab02", "#a6761d", "#1f78b4",
                           "#b2df8a", "#fb9a99", "#cab2d6", "#666666"]

    init(layout: WorldLayout) { self.layout = layout }

    mutating func draw(time: String) -> String {
        lines = [
            "digraph virtlab {",
            "  graph [rankdir=TB, compound=true, fontname=\"Helvetica\", label=\(quote("VirtLab world at \(time)")), labelloc=t];",
            "  node [fontname=\"Helvetica\", fontsize=10];",
            "  edge [fontname=\"Helvetica\", fontsize=8, dir=none];",
        ]
        for (site, places) in layout.bySite {
            frame(site.map { "site \($0)" }, style: "rounded,bold", depth: 1) { picture, depth in
                for place in places {
                    picture.frame(place.rack.map { "rack \($0)" }, style: "rounded,dashed", depth: depth) { picture, depth in
                        for root in place.roots { picture.object(root, depth: depth) }
                    }
                }
            }
        }
        for edge in layout.edges {
            let colours = Array(Set(layout.vlans(of: edge.from) + layout.vlans(of: edge.to))).sorted().map(colour)
            let colour = colours.isEmpty ? "" : ", color=\(quote(colours.joined(separator: ":")))"
            lines.append("  \(quote(edge.from)) -> \(quote(edge.to)) [label=\(quote(edge.field))\(colour)];")
        }
        legend()
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }

    /// A frame around what `body` draws, or no frame when `label` is nil.
    private mutating func frame(_ label: String?, style: String, depth: Int,
                                _ body: (inout DotPicture, Int) -> Void) {
        guard let label else { return body(&self, depth) }
        clusters += 1
        let pad = String(repeating: "  ", count: depth)
        lines.append("\(pad)subgraph cluster_\(clusters) {")
        lines.append("\(pad)  label=\(quote(label)); style=\(quote(style)); color=\"#555555\";")
        body(&self, depth + 1)
        lines.append("\(pad)}")
    }

    /// One object's node, inside a frame of its own when it holds others.
    private mutating func object(_ name: String, depth: Int) {
        let inside = layout.inside(name)
        let pad = String(repeating: "  ", count: depth)
        if inside.isEmpty { return lines.append(pad + node(name)) }
        clusters += 1
        lines.append("\(pad)subgraph cluster_\(clusters) {")
        lines.append("\(pad)  label=\"\"; style=\"rounded,filled\"; fillcolor=\"#f5f5f5\"; color=\"#bbbbbb\";")
        lines.append("\(pad)  " + node(name))
        for child in inside { object(child, depth: depth + 1) }
        lines.append("\(pad)}")
    }

    private func node(_ name: String) -> String {
        let kind = layout.kinds[name]!
        var attributes = shaped(kind, label: "\(name)\\n\(kind.name)", point: name)
        if case .int(let vlan)? = layout.records[name]?["vlan"] {
            attributes += ", style=filled, fillcolor=\(quote(colour(vlan) + "55")), color=\(quote(colour(vlan)))"
        }
        return "\(quote(name)) [\(attributes)];"
    }

    /// A kind's shape and a label; a point has no room for one, so its `point` name goes beside it.
    private func shaped(_ kind: ObjectKind, label: String, point: String) -> String {
        let shape = VirtLab.records(of: kind)?.shape ?? "ellipse"
        return (shape == "point" ? "xlabel=\(quote(point))" : "label=\(quote(label))") + ", shape=\(shape)"
    }

    /// The kinds drawn, with their shapes, and each VLAN's colour.
    private mutating func legend() {
        var kinds: [ObjectKind] = []
        for name in layout.names where !kinds.contains(layout.kinds[name]!) { kinds.append(layout.kinds[name]!) }
        guard !kinds.isEmpty else { return }
        lines.append("  subgraph cluster_legend {")
        lines.append("    label=\"legend\"; style=rounded; color=\"#999999\"; fontsize=9;")
        for kind in kinds {
            lines.append("    \(quote("legend " + kind.name)) [\(shaped(kind, label: kind.name, point: kind.name)), fontsize=8];")
        }
        for vlan in layout.allVLANs {
            lines.append("    \(quote("legend VLAN \(vlan)")) [label=\(quote("VLAN \(vlan)")), shape=box, style=filled, fillcolor=\(quote(colour(vlan) + "55")), color=\(quote(colour(vlan))), fontsize=8];")
        }
        lines.append("  }")
    }

    /// A VLAN's colour: VLANs in ascending order take the palette's colours in turn.
    private func colour(_ vlan: Int) -> String {
        palette[(layout.allVLANs.firstIndex(of: vlan) ?? 0) % palette.count]
    }

    private func quote(_ s: String) -> String {
        "\"" + s.replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
