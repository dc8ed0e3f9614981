import VirtCore
import VirtLang

/// `show`: the world, one object, or one kind, printed as tables.
enum Inspection {
    static func show(_ what: String?, in world: World) throws(CoreError) -> String {
        if let what {
            if let kind = ObjectKind(named: what) {
                return try table(kind, in: world) ?? "no \(kind.plural)"
            }
            guard let kind = world.kind(of: what) else {
                throw CoreError(.name, "nothing is called '\(what)'",
                                hint: Suggest.hint(for: what, among: world.everyName + World.kinds.map(\.name)
                                                        + VirtLab.registry.subcommands(of: ["show"])), at: "what")
            }
            guard let records = VirtLab.records(of: kind) else { return "\(kind.noun) \(what)" }
            let table = TableFormat.render(.record(try records.record(world, what)))
            guard let picture = records.picture else { return table }
            return table + "\n\n" + (try picture(world, what))
        }
        var sections = ["time " + Quantity.seconds(world.clock).description]
        // Owned objects (a host's NICs) are shown with their owner: `show pm1.eth0`.
        for kind in World.kinds where !kind.isOwned {
            if let t = try table(kind, in: world) { sections.append(t) }
        }
        let work = world.pendingWork()
        if !work.isEmpty {
            sections.append("pending work:\n" + work.map {
                "  \($0.summary)  \(progressBar($0.progress)) \(Int(($0.progress * 100).rounded()))%"
            }.joined(separator: "\n"))
        }
        return sections.joined(separator: "\n\n")
    }

    /// Every object of one kind as one table, or nil when there are none.
    private static func table(_ kind: ObjectKind, in world: World) throws(CoreError) -> String? {
        guard let records = VirtLab.records(of: kind) else { return nil }
        let names = world.names(ofKind: kind)
        guard !names.isEmpty else { return nil }
        let rows = try names.map { name throws(CoreError) in Value.record(try records.record(world, name)) }
        return kind.plural + ":\n" + TableFormat.render(.list(rows))
    }

    /// A 20-character bar for a fraction done.
    static func progressBar(_ fraction: Double) -> String {
        let filled = Int((min(1, max(0, fraction)) * 20).rounded())
        return "[" + String(repeating: "#", count: filled) + String(repeating: ".", count: 20 - filled) + "]"
    }
}
