import VirtCore
import VirtLang

/// The world as the interpreter holds it: a class around the value type, so
/// commands mutate in place and a session copy is a cheap copy-on-write copy.
public final class WorldBox: WorldState {
    public var world: World

    public init(_ world: World = World()) { self.world = world }

    public func copy() -> WorldState { WorldBox(world) }

    public func objectNames(kinds: [ObjectKindName]?) -> [String] {
        guard let kinds, !kinds.isEmpty else { return world.everyName }
        return kinds.flatMap { ObjectKind(named: $0.name).map(world.names(ofKind:)) ?? [] }
    }
}

extension CommandCall {
    /// The session's world box (every session the bindings build has one).
    var box: WorldBox { interpreter.world as! WorldBox }

    /// The world, read-only: what a query sees.
    var world: World { box.world }

    /// Runs a core operation that may change the world. Only a command declared
    /// `mutates: true` may: a query asking to change the world is a bug in VirtLab,
    /// reported as such and changing nothing.
    @discardableResult
    func change<T>(_ body: (inout World) throws(CoreError) -> T) throws -> T {
        try checkMutates()
        return try body(&box.world)
    }

    private func checkMutates() throws {
        guard mutates else {
            throw error(.state, "internal error: a query tried to change the world", hint: "please report this")
        }
    }

    /// Runs a long core operation that polls `stop` as it works: a timeout or
    /// Ctrl-C (the interpreter's interrupt check) ends it with the interpreter's
    /// limit error, the world unchanged. It works on a copy, stored when done,
    /// because the interrupt check may read the session's world (the grader's does).
    func changeInterruptibly<T>(_ body: (inout World, () -> Bool) throws(CoreError) -> T) throws -> T {
        var stopped: ScriptError?
        let check = interpreter.interruptCheck
        do {
            try checkMutates()
            var world = box.world
            let result = try body(&world) {
                if stopped == nil { stopped = check?() }
                return stopped != nil
            }
            box.world = world
            return result
        } catch {
            if let stopped { throw stopped }
            throw error
        }
    }

    /// Runs a core query.
    /// The world is lent where it lies, not copied: a copy of every part's
    /// tables, retained and released, was a tenth of a `vm info`. While a query
    /// runs, nothing else may touch the world (exclusive access).
    func read<T>(_ body: (borrowing World) throws(CoreError) -> T) throws(CoreError) -> T {
        try Self.lend(&box.world, to: body)
    }

    private static func lend<T>(_ world: inout World, to body: (borrowing World) throws(CoreError) -> T) throws(CoreError) -> T {
        try body(world)
    }
}

/// The one place a core error becomes a script error: its kind, its message, a
/// did-you-mean for an unknown name, and the caret at the parameter the core
/// blamed (the command itself when it blamed none, or one not given).
extension CoreError: ScriptErrorConvertible {
    public func scriptError(in call: CommandCall) -> ScriptError {
        scriptError(at: call.span(of: parameter ?? ""))
    }

    /// The script error with its caret at `span`.
    public func scriptError(at span: SourceSpan?) -> ScriptError {
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
        return ScriptError(language, message, hint: hint, at: span)
    }
}
