import Testing
@testable import VirtLang

@Suite struct RegistryTests {
    static let probe = CommandSpec("probe set", summary: "A test command", example: "probe set box1 size=4G",
                                   params: [.positional("name", .object([ObjectKindName("box")]), "the box"),
                                            .option("size", .quantity(.information), "how big", required: true),
                                            .option("mode", .choice(["fast", "slow"]), "how", default: .string("fast")),
                                            .option("tags", .list(.integer), "numbers")]) { call in
        .record(Record([("name", call["name"]!), ("size", call["size"]!), ("mode", call["mode"]!),
                        ("tags", call["tags"] ?? .none)]))
    }

    func interpreter() -> Interpreter {
        let r = Builtins.registry()
        r.register(Self.probe)
        return Interpreter(registry: r)
    }

    func failure(_ text: String) -> ScriptError? {
        do { try interpreter().execute(text); return nil } catch let e as ScriptError { return e } catch { return nil }
    }

    @Test func argumentsAreTypedWithDefaults() throws {
        let v = try interpreter().execute("probe set b1 size=4G tags=10,20")
        guard case .record(let r) = v else { Issue.record("not a record"); return }
        #expect(r["size"] == .quantity(.bytes(4 * 1_073_741_824)))
        #expect(r["mode"] == .string("fast"))
        #expect(r["tags"] == .list([.int(10), .int(20)]))
    }

    @Test func bareNumberForASizeIsRefusedWithAnExample() throws {
        let e = try #require(failure("probe set b1 size=4096"))
        #expect(e.kind == .unit)
        #expect(e.hint == "size needs a size, e.g. 4G")
    }

    @Test func usageErrorsComeFromTheDeclaration() throws {
        #expect(failure("probe set b1")?.message == "'probe set' needs size=4G")
        #expect(failure("probe set b1")?.hint == "usage: probe set NAME size=4G [mode=fast|slow] [tags=N,…]")
        #expect(failure("probe set b1 size=1G mode=quick")?.kind == .value)
        #expect(failure("probe set b1 size=1G sise=2G")?.message == "unknown option 'sise' for 'probe set'")
        #expect(failure("probe set b1 b2 size=1G")?.message.contains("takes no more arguments") == true)
        #expect(failure("probe st b1")?.hint == "did you mean 'probe set'?")
        #expect(failure("probe")?.message == "'probe' needs a sub-command")
    }

    @Test func helpAndAproposComeFromTheRegistry() throws {
        let i = interpreter()
        var printed = ""
        i.output = { printed += $0.text }
        try i.execute("help probe set")
        #expect(printed.contains("usage: probe set NAME size=4G"))
        #expect(printed.contains("example:\n  probe set box1 size=4G"))
        printed = ""
        try i.execute("apropos test")
        #expect(printed.contains("probe set"))
    }

    @Test func procsCannotShadowCommands() {
        #expect(failure("proc print x { }")?.message == "'print' is a built-in command; a proc cannot take its name")
    }
}

@Suite struct SessionCopyTests {
    /// A copy that redefines a proc must not reuse a call resolved by the original.
    @Test func copiesNeverShareStaleProcLookups() throws {
        let learner = Interpreter(registry: Builtins.registry())
        try learner.execute("proc g { return [f] }\nproc f { return 1 }")
        #expect(try learner.execute("g") == .int(1))
        let goal = learner.copy()
        try goal.execute("proc f { return 2 }\nproc h { return 0 }")
        #expect(try goal.execute("g") == .int(2))
        #expect(try learner.execute("g") == .int(1), "the copy's procs never reach the learner")
    }

    @Test func copiesHaveTheirOwnGlobalsAndWorld() throws {
        let learner = Interpreter(registry: Builtins.registry())
        try learner.execute("let x = 1")
        let goal = learner.copy()
        try goal.execute("let x = 2\nlet y = 3")
        #expect(learner.globals["x"] == .int(1))
        #expect(learner.globals["y"] == nil)
        #expect(goal.globals["x"] == .int(2))
    }
}
