import VirtCore
import VirtLang

/// How one kind of object becomes a record (`KIND info`, `show`).
public struct InfoProvider: Sendable {
    public let kind: ObjectKind
    public let record: @Sendable (World, String) throws(CoreError) -> Record

    public init(kind: ObjectKind, record: @escaping @Sendable (World, String) throws(CoreError) -> Record) {
        self.kind = kind
        self.record = record
    }
}

/// `show`: the world, one object, or one kind, printed as tables.
enum Inspection {
    static func show(_ what: String?, in call: CommandCall) throws -> String {
        let world = call.box.world
        let providers = VirtLab.infoProviders
        func table(_ kind: ObjectKind) throws -> String? {
            guard let provider = providers.first(where: { $0.kind == kind }) else { return nil }
            let names = world.names(ofKind: kind)
            guard !names.isEmpty else { return nil }
            let rows = try names.map { name throws(CoreError) in Value.record(try provider.record(world, name)) }
            return kind.plural + ":\n" + TableFormat.render(.list(rows))
        }
        do {
            if let what {
                if let kind = ObjectKind(rawValue: what) {
                    return try table(kind) ?? "no \(kind.plural)"
                }
                guard let kind = world.kind(of: what) else {
                    throw CoreError(.name, "nothing is called '\(what)'",
                                    hint: Suggest.hint(for: what, among: world.allNames + ObjectKind.allCases.map(\.rawValue)))
                }
                guard let provider = providers.first(where: { $0.kind == kind }) else { return "\(kind.noun) \(what)" }
                return TableFormat.render(.record(try provider.record(world, what)))
            }
            var sections = ["time " + Quantity.seconds(world.clock).description]
            for kind in ObjectKind.allCases { if let t = try table(kind) { sections.append(t) } }
            let work = world.pendingWork()
            if !work.isEmpty {
                sections.append("pending work:\n" + work.map {
                    "  \($0.summary)  \(progressBar($0.progress)) \(Int(($0.progress * 100).rounded()))%"
                }.joined(separator: "\n"))
            }
            return sections.joined(separator: "\n\n")
        } catch let error as CoreError {
            throw error.scriptError
        }
    }

    /// A 20-character bar for a fraction done.
    static func progressBar(_ fraction: Double) -> String {
        let filled = Int((min(1, max(0, fraction)) * 20).rounded())
        return "[" + String(repeating: "#", count: filled) + String(repeating: ".", count: 20 - filled) + "]"
    }
}
