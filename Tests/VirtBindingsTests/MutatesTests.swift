import Testing
@testable import VirtBindings
import VirtCore
import VirtLang

/// `mutates` means something, over the whole registry: a command declared
/// `mutates: false` leaves the world equal whatever it is given, and every command
/// that fails leaves the world equal (validate, then mutate).
@Suite struct MutatesTests {
    /// Words that break an argument (issue 10): an unknown name, zero, -1, the largest
    /// and smallest integers, 1e308, inf, nan, an empty text, a negative and a huge size,
    /// a 10,000-character name, control characters, and a name of every kind of object
    /// in the example world (`otherKinds`).
    static let badValues = ["nosuch", "0", "-1", "9223372036854775807", "-9223372036854775808", "1e308", "-1e308",
                            "inf", "nan", "''", "-5G", "1e300G", "1e300Gbps", "0.0000000001bps", "1e300s", "1e300%",
                            String(repeating: "n", count: 10_000), "\"a\\nb\"", "\"\u{1B}[2J\"", "\"\u{1}\u{7f}\""]
        + otherKinds

    /// One existing object of every kind in the example world (names of the wrong kind).
    static let otherKinds: [String] = {
        guard let world = try? base().world else { return [] }
        let all = world.objectNames(kinds: nil)
        return VirtLab.registry.commands.flatMap { spec in
            spec.params.compactMap { if case .object(let kinds) = $0.type { kinds.first } else { nil } }
        }.reduce(into: [String]()) { names, kind in
            if let name = world.objectNames(kinds: [kind]).first, !names.contains(name) { names.append(name) }
        }.filter(all.contains)
    }()

    /// A session holding every part's example objects, with files kept in memory.
    static func base() throws -> Interpreter {
        let interpreter = VirtLab.makeInterpreter()
        interpreter.fileAccess = ExampleTests.MemoryFiles()
        interpreter.output = { _ in }
        let setup = VirtLab.parts.map(\.exampleSetup).joined(separator: "\n")
        try interpreter.execute(setup + "\nsave lab.json", name: "setup")
        return interpreter
    }

    /// The command's own statement in its example (`jail create j1 on=bsd1; jail info j1` → `jail info j1`).
    static func statement(of spec: CommandSpec) -> String {
        let parts = spec.example.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
        return parts.last { $0.hasPrefix(spec.name) } ?? spec.example
    }

    /// Invocations, each after a prefix run unchecked: the example as it is, the example
    /// again after itself (a second `create` fails), then the example with each parameter
    /// given each bad value.
    static func invocations(of spec: CommandSpec) -> [(prefix: String, line: String)] {
        let statement = statement(of: spec)
        let words = statement.split(separator: " ").map(String.init)
        let head = words.prefix(spec.path.count)
        var rest = Array(words.dropFirst(spec.path.count))
        var result = [statement, statement]
        for param in spec.params {
            for bad in badValues {
                if param.positional {
                    let index = spec.params.filter(\.positional).firstIndex { $0.name == param.name }!
                    var positional = rest.filter { !$0.contains("=") }
                    let options = rest.filter { $0.contains("=") }
                    if index < positional.count { positional[index] = bad } else { positional.append(bad) }
                    result.append((head + positional + options).joined(separator: " "))
                } else {
                    rest = rest.filter { !$0.hasPrefix(param.name + "=") }
                    result.append((head + rest + ["\(param.name)=\(bad)"]).joined(separator: " "))
                    rest = Array(words.dropFirst(spec.path.count))
                }
            }
        }
        return result.enumerated().map { index, line in (index == 1 ? statement : "", line) }
    }

    @Test(arguments: VirtLab.registry.commands.map(\.name))
    func failuresAndQueriesLeaveTheWorldEqual(_ name: String) throws {
        let spec = try #require(VirtLab.registry.command(named: name))
        let base = try Self.base()
        for (prefix, line) in Self.invocations(of: spec) {
            let session = base.copy()
            _ = try? session.execute(prefix, name: "prefix")
            let before = (session.world as! WorldBox).world
            var failed = false
            do { try session.execute(line, name: "t") } catch { failed = true }
            let unchanged = (session.world as! WorldBox).world == before
            if failed { #expect(unchanged, "'\(line)' failed and changed the world") }
            if !spec.mutates { #expect(unchanged, "'\(line)' is a query (mutates: false) and changed the world") }
        }
    }

    /// A query's handler cannot change the world: `change` refuses when the command
    /// is not declared `mutates: true`.
    @Test func queriesCannotChangeTheWorld() throws {
        let registry = CommandRegistry()
        registry.register(CommandSpec("sneak", summary: "a query that tries to change the world", example: "sneak") { call in
            try call.change { (w: inout World) in w.reset() }
            return .none
        })
        let interpreter = Interpreter(registry: registry)
        interpreter.world = WorldBox()
        let error = #expect(throws: ScriptError.self) { try interpreter.execute("sneak") }
        #expect(error?.message.contains("a query tried to change the world") == true)
    }
}
