import Foundation
import Testing
@testable import VirtBindings
import VirtCore
import VirtLang

/// The world in parts: saved worlds of every version load, invariants are checked,
/// owned names live and die with their owner, and the registry keeps its word
/// about `mutates`.
@Suite struct PartsTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static func world(of interpreter: Interpreter) -> World { (interpreter.world as! WorldBox).world }

    /// A version-1 file written by `save` before the world had parts loads, and equals
    /// the world today's VirtLab builds from the same script.
    @Test func versionOneFileLoadsAsTheWorldItCameFrom() throws {
        let json = try String(contentsOf: Self.fixtures.appendingPathComponent("world-v1.json"), encoding: .utf8)
        #expect(json.contains("\"version\" : 1"))
        let loaded = try World.load(json: json)
        let interpreter = VirtLab.makeInterpreter()
        let script = try String(contentsOf: Self.fixtures.appendingPathComponent("world-v1.vlab"), encoding: .utf8)
        try interpreter.execute(script, name: "world-v1.vlab")
        #expect(loaded == Self.world(of: interpreter))
        // And what it holds still works: the migration in flight finishes.
        var later = loaded
        later.runUntilIdle()
        #expect(try later.vmInfo("web1").host == "pm2")
    }

    @Test func saveWritesVersionTwoWithEachPartUnderItsName() throws {
        let interpreter = VirtLab.makeInterpreter()
        try interpreter.execute(ServerCommands.part.exampleSetup)
        let world = Self.world(of: interpreter)
        let json = world.savedJSON()
        #expect(json.contains("\"version\" : 2"))
        #expect(json.contains("\"server\" : {"))
        #expect(try World.load(json: json) == world)
    }

    /// A hand-edited file that breaks an invariant is refused, naming the field at fault
    /// (the first broken invariant, hosts checked before VMs).
    @Test(arguments: [
        ("\"cpus\" : 8", "\"cpus\" : -1", "server.hosts.pm1.cpus"),
        ("\"clock\" : 0", "\"clock\" : -5", "clock"),
        ("\"mem\" : 4294967296", "\"mem\" : 0", "server.hosts.pm1.memUsed"),  // the first invariant it breaks
        ("\"host\" : \"pm1\",", "\"host\" : \"ghost\",", "server.hosts.pm1.vms.0"),
        ("\"weight\" : 256", "\"weight\" : 0", "server.vms.web1.weight"),
        ("\"cpusUsed\" : 4", "\"cpusUsed\" : 3", "server.hosts.pm1.cpusUsed"),
    ])
    func damagedFilesAreRefusedWithThePath(_ edit: (String, String, String)) throws {
        let interpreter = VirtLab.makeInterpreter()
        try interpreter.execute(ServerCommands.part.exampleSetup)
        let json = Self.world(of: interpreter).savedJSON()
        let range = try #require(json.range(of: edit.0), "fixture lacks \(edit.0)")
        let damaged = json.replacingCharacters(in: range, with: edit.1)
        let error = #expect(throws: CoreError.self) { try World.load(json: damaged) }
        #expect(error?.kind == .io)
        #expect(error?.message.contains(edit.2) == true, "\(error?.message ?? "") should name \(edit.2)")
    }

    @Test func aNameStoredUnderAnotherKeyIsRefused() throws {
        let interpreter = VirtLab.makeInterpreter()
        try interpreter.execute("host add pm1 cpus=2 mem=2G nics=0")
        let json = Self.world(of: interpreter).savedJSON().replacingOccurrences(of: "\"name\" : \"pm1\"", with: "\"name\" : \"pm7\"")
        let error = #expect(throws: CoreError.self) { try World.load(json: json) }
        #expect(error?.message.contains("server.hosts.pm1.name") == true)
    }

    /// Physical NICs are owned names: created with their host, offered by completion
    /// after the host's name and a dot, shown on their own, removed with the host.
    @Test func qualifiedNamesLiveAndDieWithTheirOwner() throws {
        let interpreter = VirtLab.makeInterpreter()
        try interpreter.execute("host add pm1 cpus=4 mem=8G nics=2; host add pm2 cpus=4 mem=8G nics=1")
        var world = Self.world(of: interpreter)
        #expect(world.children(of: "pm1") == ["pm1.eth0", "pm1.eth1"])
        #expect(world.kind(of: "pm1.eth1") == .nic)
        #expect(world.allNames == ["pm1", "pm2"])

        let completer = Completer(interpreter: interpreter)
        #expect(completer.complete("show p").candidates == ["pm1", "pm2"])
        #expect(completer.complete("show pm1.").candidates == ["pm1.eth0", "pm1.eth1"])
        guard case .record(let nic) = try interpreter.execute("show pm1.eth1; [host info pm1]") else { return }
        #expect(nic["nics"] == .int(2))

        let taken = #expect(throws: ScriptError.self) { try interpreter.execute("vm create pm1.eth0 vcpus=1 mem=1G os=linux") }
        #expect(taken?.kind == .value)

        try interpreter.execute("host remove pm1")
        world = Self.world(of: interpreter)
        #expect(world.kind(of: "pm1.eth0") == nil && world.kind(of: "pm1.eth1") == nil)
        #expect(world.everyName == ["pm2", "pm2.eth0"])
        #expect(completer.complete("show pm1.").candidates.isEmpty)
        #expect(completer.complete("host info p").candidates == ["pm2"])
    }

    /// Every record's table: the fields CORE.md fixes are marked core, the records built
    /// carry every field of the table in order, and `Fields:` help lists them all.
    @Test func recordTablesBuildRecordsAndHelp() throws {
        let interpreter = VirtLab.makeInterpreter()
        try interpreter.execute(ServerCommands.part.exampleSetup)
        let tables: [(String, [String], String)] = [
            ("host info pm1", ServerRecords.host.fields.map(\.name), ServerRecords.host.help),
            ("vm info web1", ServerRecords.vm.fields.map(\.name), ServerRecords.vm.help),
            ("hypervisor info pm1", ServerRecords.hypervisor.fields.map(\.name), ServerRecords.hypervisor.help),
            ("app info shop", ServerRecords.app.fields.map(\.name), ServerRecords.app.help),
            ("report energy", ServerRecords.energy.fields.map(\.name), ServerRecords.energy.help),
        ]
        for (command, names, help) in tables {
            guard case .record(let record) = try interpreter.copy().execute(command) else { Issue.record("\(command) is not a record"); continue }
            #expect(record.names == names, "\(command)")
            for name in names { #expect(help.contains("  \(name) "), "help of \(command) lacks \(name)") }
        }
        #expect(ServerRecords.host.coreFields == ["name", "cpus", "mem", "cpus_used", "mem_used", "vt", "cpu", "os", "state",
                                                  "power", "hypervisor", "vms", "rack", "site"])
        #expect(ServerRecords.vm.coreFields == ["name", "host", "state", "vcpus", "mem", "os", "load", "volumes", "nics"])
        let help = try #require(VirtLab.registry.command(named: "host info")).details
        #expect(help.contains(ServerRecords.host.help))
    }

    /// `export dot` draws an edge for every link field, list fields included (a
    /// vSwitch's `nics`, met before the vNIC's own `vswitch`), once per pair.
    @Test func exportDotDrawsListFields() throws {
        let dot = try ExportDot.graph({
            let interpreter = VirtLab.makeInterpreter()
            try interpreter.execute("""
                host add pm1 cpus=8 mem=32G
                hypervisor install pm1 kind=hardware
                vswitch add vs1 on=pm1
                vm create web1 host=pm1 vcpus=1 mem=1G os=linux
                nic attach web1 to=vs1 vlan=10
                """)
            return Self.world(of: interpreter)
        }())
        #expect(dot.contains("\"web1.eth0\" -> \"vs1\" [label=\"nics\", color="))
        #expect(!dot.contains("\"vs1\" -> \"web1.eth0\""))
    }
}
