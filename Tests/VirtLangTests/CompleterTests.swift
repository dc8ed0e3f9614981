import Testing
import VirtLang

/// A world holding fixed objects, by kind.
private final class FakeWorld: WorldState {
    let objects: [String: [String]]
    init(_ objects: [String: [String]]) { self.objects = objects }
    func copy() -> WorldState { FakeWorld(objects) }
    func objectNames(kinds: [ObjectKindName]?) -> [String] {
        kinds.map { $0.flatMap { objects[$0.name] ?? [] } } ?? objects.values.flatMap { $0 }
    }
}

/// Tab completion from the registry, with server-like test commands and a fake world.
@Suite struct CompleterTests {
    let interpreter: Interpreter
    let completer: Completer

    init() throws {
        let registry = Builtins.registry()
        let none: @Sendable (CommandCall) throws -> Value = { _ in .none }
        registry.register([
            CommandSpec("host add", summary: "add a host", example: "host add pm1", params: [
                .positional("name", .text, "its name"), .option("cpus", .integer, "cores"),
                .option("cores", .integer, "more cores"), .option("vt", .bool, "VT-x")], handler: none),
            CommandSpec("host info", summary: "a host", example: "host info pm1",
                        params: [.positional("host", .object([ObjectKindName("host")]), "the host")], handler: none),
            CommandSpec("vm start", summary: "start", example: "vm start web1",
                        params: [.positional("vm", .object([ObjectKindName("vm")]), "the VM")], handler: none),
            CommandSpec("vm stats", summary: "stats", example: "vm stats", handler: none),
            CommandSpec("vm create", summary: "create", example: "vm create web1", params: [
                .positional("name", .text, "its name"), .option("cpus", .integer, "vCPUs"),
                .option("host", .object([ObjectKindName("host")]), "where"),
                .option("policy", .choice(["first-fit", "best-fit"]), "placement")], handler: none),
        ])
        interpreter = Interpreter(registry: registry)
        interpreter.world = FakeWorld(["host": ["pm1", "pm2", "qx"], "vm": ["web1"]])
        completer = Completer(interpreter: interpreter)
        try interpreter.execute("let alpha = 1\nlet alps = 2\nlet beta = 3\nproc grow size step=1 { return $size }")
    }

    private func candidates(_ line: String) -> [String] { completer.complete(line).candidates }

    @Test func commandWords() {
        #expect(candidates("hel") == ["help"])
        #expect(candidates("ho") == ["host"])
        #expect(completer.complete("hel").appendsSpace)
        #expect(candidates("whi") == ["while"], "statement keywords")
        #expect(candidates("gr") == ["grow"], "procs")
        #expect(candidates("zzz") == [])
    }

    @Test func subCommands() {
        #expect(candidates("vm sta") == ["start", "stats"])
        #expect(candidates("host ") == ["add", "info"])
        #expect(completer.complete("vm sta").word == "sta")
    }

    @Test func optionNamesWithoutSpaceAndWithoutRepeats() {
        let result = completer.complete("vm create w1 cp")
        #expect(result.candidates == ["cpus="])
        #expect(result.appendsSpace == false)
        #expect(candidates("host add pm1 co") == ["cores="])
        #expect(candidates("host add pm1 cpus=4 c") == ["cores="], "cpus= is already given")
    }

    @Test func optionValues() {
        #expect(candidates("vm create w1 policy=b") == ["policy=best-fit"])
        #expect(candidates("host add pm1 vt=") == ["vt=yes", "vt=no"])
        #expect(candidates("vm create w1 host=p") == ["host=pm1", "host=pm2"])
    }

    @Test func objectNamesOfTheParametersKind() {
        #expect(candidates("host info p") == ["pm1", "pm2"])
        #expect(candidates("host info q") == ["qx"])
        #expect(candidates("vm start ") == ["web1"], "VMs, not hosts")
        #expect(completer.complete("host info q").word == "q")
    }

    @Test func variables() {
        let result = completer.complete("print $al")
        #expect(result.word == "$al")
        #expect(result.candidates == ["$alpha", "$alps"])
        #expect(candidates("let y = ($be") == ["$beta"], "inside an expression")
        #expect(candidates("$") == ["$alpha", "$alps", "$beta"])
    }

    @Test func nestedCommandsAndBlocks() {
        #expect(candidates("print [host info p") == ["pm1", "pm2"])
        #expect(candidates("if true { host inf") == ["info"])
        #expect(candidates("print 1; hel") == ["help"])
        #expect(candidates("} el") == ["elif", "else"])
        #expect(candidates("host info [len \"a b\"] ") == [], "one positional, already given")
    }

    @Test func helpCompletesCommandPaths() {
        #expect(candidates("help ho") == ["host"])
        #expect(candidates("help vm c") == ["create"])
    }

    @Test func procOptions() {
        #expect(candidates("grow ") == ["size=", "step="])
        #expect(candidates("grow size=2 s") == ["step="])
    }

    @Test func nothingInsideStringsCommentsOrExpressions() {
        #expect(candidates("print \"hel") == [])
        #expect(candidates("# hel") == [])
        #expect(candidates("let y = (hel") == [])
    }
}
