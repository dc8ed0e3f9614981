import VirtCore
import VirtLang

/// Builds VirtLab sessions: the language's commands plus the world's.
public enum VirtLab {
    /// Every command, in the order `help` lists them.
    public static let registry: CommandRegistry = {
        let r = Builtins.registry()
        r.register(WorldCommands.all)
        r.register(ServerCommands.all)
        r.addTopic("sources", summary: "where every default figure comes from", text: SourcesTopic.text)
        return r
    }()

    /// The record makers for `KIND info` and `show`, one per kind.
    static let infoProviders: [InfoProvider] = ServerCommands.infoProviders

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
