import Testing
@testable import VirtBindings
import VirtCore
import VirtLang

/// The server-virtualization commands as data: every example runs, every
/// command documents itself, and the records carry CORE.md's fields.
@Suite struct ServerBindingsTests {
    /// The objects the examples name, as the server part declares them.
    static let setup = ServerCommands.part.exampleSetup

    static let serverCommands = ServerCommands.part.commands.map(\.name)

    /// A session with the setup done, printing into `lines`.
    static func session() throws -> (Interpreter, Box) {
        let interpreter = VirtLab.makeInterpreter()
        let box = Box()
        interpreter.output = { box.lines.append($0.text) }
        try interpreter.execute(setup, name: "setup")
        return (interpreter, box)
    }

    final class Box { var lines: [String] = [] }

    @Test(arguments: serverCommands)
    func documented(_ name: String) throws {
        let spec = try #require(VirtLab.registry.command(named: name))
        #expect(!spec.summary.isEmpty && !spec.summary.contains("\n"), "one-line summary")
        #expect(!spec.details.isEmpty, "details")
        for param in spec.params where ["host", "to"].contains(param.name) || param.name == "name" && !spec.path.contains("create") && !spec.path.contains("add") && !spec.path.contains("run") {
            if case .object = param.type {} else { Issue.record("\(name): \(param.name) should be typed .object") }
        }
    }

    /// Every field CORE.md's "Records" table names, per command.
    @Test func recordsHaveCoreFields() throws {
        let (interpreter, _) = try Self.session()
        func fields(_ command: String) throws -> [String] {
            guard case .record(let r) = try interpreter.execute(command, name: "t") else { return [] }
            return r.names
        }
        let required: [(String, [String])] = [
            ("host info pm1", ["name", "cpus", "mem", "cpus_used", "mem_used", "vt", "cpu", "os", "state", "power",
                               "hypervisor", "vms", "rack", "site"]),
            ("hypervisor info pm1", ["host", "kind", "paging", "vmm_ring", "guest_kernel_ring"]),
            ("vm info web1", ["name", "host", "state", "vcpus", "mem", "os", "load", "volumes", "nics"]),
            ("vm run web1 workload=compute", ["cycles", "native_cycles", "overhead", "traps", "exits", "translations",
                                             "hypercalls", "violations"]),
            ("app info shop", ["name", "target", "kind", "state", "throughput"]),
            ("vm migrate web1 to=pm2", ["mode", "rounds", "total_time", "downtime", "bytes"]),
            ("report energy", ["power", "energy", "hosts_on"]),
        ]
        for (command, names) in required {
            let have = try fields(command)
            for n in names { #expect(have.contains(n), "\(command) lacks \(n)") }
        }
    }

    /// Quantities, booleans and none where CORE.md's conventions ask for them.
    @Test func recordValueTypes() throws {
        let (interpreter, _) = try Self.session()
        guard case .record(let host) = try interpreter.execute("host info pm1", name: "t"),
              case .record(let vm) = try interpreter.execute("vm info db1", name: "t"),
              case .record(let energy) = try interpreter.execute("report energy", name: "t"),
              case .record(let migration) = try interpreter.execute("vm migrate web1 to=pm2", name: "t")
        else { Issue.record("not records"); return }
        #expect(host["mem"] == .quantity(.bytes(32 * 1_073_741_824)))
        #expect(host["vt"] == .bool(true))
        #expect(host["rack"] == Value.none)
        #expect(vm["mem"] == .quantity(.bytes(4 * 1_073_741_824)))
        if case .quantity(let q)? = energy["power"] { #expect(q.dimension == .power) } else { Issue.record("power") }
        if case .quantity(let q)? = energy["energy"] { #expect(q.dimension == .energy) } else { Issue.record("energy") }
        if case .quantity(let q)? = migration["downtime"] { #expect(q.dimension == .time) } else { Issue.record("downtime") }
        if case .quantity(let q)? = migration["bytes"] { #expect(q.dimension == .information) } else { Issue.record("bytes") }
    }

    /// A failed command leaves the world exactly as it was.
    @Test func errorsChangeNothing() throws {
        let (interpreter, _) = try Self.session()
        let before = (interpreter.world as! WorldBox).world
        for bad in ["host add pm1 cpus=1 mem=1G", "hypervisor install pm1 kind=full", "vm create x vcpus=1 mem=1G os=windows host=nope",
                    "vm start web1", "vm set web1 load=50% wws=64G", "vm migrate web1 to=bsd1", "place web1",
                    "hypervisor set pm1 vm-exit=5 batch=0", "app run a on=pm1 kind=web", "jail create j on=lnx1"] {
            #expect(throws: ScriptError.self, "\(bad) should fail") { try interpreter.execute(bad, name: "t") }
            #expect((interpreter.world as! WorldBox).world == before, "\(bad) changed the world")
        }
    }

    /// `show` prints every kind through the info providers.
    @Test func showUsesInfoProviders() throws {
        let (interpreter, box) = try Self.session()
        try interpreter.execute("jail create j1 on=bsd1; show; show web1", name: "t")
        let text = box.lines.joined(separator: "\n")
        for word in ["hosts:", "VMs:", "apps:", "jails:", "crash_reason"] { #expect(text.contains(word), "show lacks \(word)") }
    }

    /// compare prints in a script, and only returns its rows where the front end shows values (REPL, lessons).
    @Test func comparePrintsOnlyInScripts() throws {
        let (interpreter, box) = try Self.session()
        interpreter.echoesValues = true
        let rows = try interpreter.execute("compare", name: "<repl>")
        #expect(box.lines.isEmpty)
        if case .list(let xs) = rows { #expect(xs.count == 8) } else { Issue.record("compare returned \(rows)") }
        interpreter.echoesValues = false
        try interpreter.execute("compare", name: "script.vlab")
        #expect(box.lines.count == 1)
    }
}
