import VirtCore
import VirtLang

/// The world as the interpreter holds it: a class around the value type, so
/// commands mutate in place and a session copy is a cheap copy-on-write copy.
public final class WorldBox: WorldState {
    public var world: World

    public init(_ world: World = World()) { self.world = world }

    public func copy() -> WorldState { WorldBox(world) }

    public func objectNames(kind: String?) -> [String] {
        guard let kind else { return world.allNames }
        return kind.split(separator: ",").flatMap { ObjectKind(rawValue: String($0)).map(world.names(ofKind:)) ?? [] }
    }
}

extension CommandCall {
    /// The session's world box (every session the bindings build has one).
    public var box: WorldBox { interpreter.world as! WorldBox }

    /// Runs a core operation on the world; its CoreError becomes a script error.
    public func mutate<T>(_ body: (inout World) throws(CoreError) -> T) throws -> T {
        do {
            return try body(&box.world)
        } catch {
            throw error.scriptError
        }
    }
}

extension CoreError: ScriptErrorConvertible {
    public var scriptError: ScriptError {
        let language: ErrorKind = switch kind {
        case .name: .name
        case .value: .value
        case .state: .state
        case .io: .io
        }
        var hint = hint
        if let unknown = unknownName, let near = Suggest.closest(to: unknown.name, among: unknown.candidates) {
            hint = "did you mean '\(near)'?" + (hint.map { " (\($0))" } ?? "")
        }
        return ScriptError(language, message, hint: hint)
    }
}
