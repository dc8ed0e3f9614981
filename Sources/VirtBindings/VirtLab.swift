import VirtCore
import VirtLang

/// Builds VirtLab sessions: the language's commands plus the world's.
public enum VirtLab {
    /// Every part of the world, in order: the one list a new part is added to
    /// (beside its core descriptor in `World.parts`).
    static let parts: [BindingPart] = [ServerCommands.part, StorageCommands.part, StorageDFS.part, NetworkCommands.part]

    /// Every command, in the order `help` lists them.
    public static let registry: CommandRegistry = {
        let r = Builtins.registry()
        r.register(WorldCommands.all)
        for part in parts { r.register(part.commands) }
        r.addTopic("sources", summary: "where every default figure comes from", text: SourcesTopic.text)
        return r
    }()

    /// The record makers for `KIND info`, `show` and `export dot`, one per kind.
    static let kinds: [KindRecords] = parts.flatMap(\.kinds)

    /// The record maker of one kind.
    static func records(of kind: ObjectKind) -> KindRecords? { kinds.first { $0.kind == kind } }

    /// The session's world in the `save` format (`virtlab run --state FILE`).
    public static func savedWorld(of interpreter: Interpreter) -> String {
        (interpreter.world as? WorldBox)?.world.savedJSON() ?? World().savedJSON()
    }

    /// A fresh session with an empty world.
    public static func makeInterpreter() -> Interpreter {
        let interpreter = Interpreter(registry: registry)
        interpreter.world = WorldBox()
        return interpreter
    }
}
