import Testing
@testable import VirtBindings
import VirtCore
import VirtLang

/// The storage part through the language: records carry their tables' fields, the
/// world with its bytes survives save and load, and a VM lists its volumes.
@Suite struct StorageBindingsTests {
    static func session() throws -> Interpreter {
        let interpreter = VirtLab.makeInterpreter()
        interpreter.fileAccess = ExampleTests.MemoryFiles()
        interpreter.output = { _ in }
        try interpreter.execute(StorageCommands.part.exampleSetup)
        return interpreter
    }

    @Test func recordTablesBuildRecordsAndHelp() throws {
        let interpreter = try Self.session()
        let tables: [(String, [String], String)] = [
            ("disk info d1", StorageRecords.disk.fields.map(\.name), StorageRecords.disk.help),
            ("pool info p1", StorageRecords.pool.fields.map(\.name), StorageRecords.pool.help),
            ("volume info v1", StorageRecords.volume.fields.map(\.name), StorageRecords.volume.help),
        ]
        for (command, names, help) in tables {
            guard case .record(let record) = try interpreter.copy().execute(command) else { Issue.record("\(command) is not a record"); continue }
            #expect(record.names == names, "\(command)")
            for name in names { #expect(help.contains("  \(name) "), "help of \(command) lacks \(name)") }
        }
        #expect(StorageRecords.pool.coreFields == ["name", "raid", "disks", "capacity", "used", "state", "tolerance", "mttdl"])
        #expect(StorageRecords.volume.coreFields == ["name", "pool", "size", "thin", "allocated", "replicas", "state"])
    }

    /// A world holding data, saved mid-rebuild and loaded, has the same bytes and finishes the rebuild.
    @Test func saveAndLoadKeepTheBytes() throws {
        let interpreter = try Self.session()
        try interpreter.execute("""
            volume write v1 block=3 data=kept
            disk fail d2
            disk replace d2 with=d9
            pool rebuild p1 async=yes
            save w.json
            reset
            load w.json
            """)
        let world = (interpreter.world as! WorldBox).world
        #expect(world.pendingWork().count == 1)
        #expect(try interpreter.execute("wait; volume read v1 block=3") == .string("kept"))
        #expect(try interpreter.execute("[pool info p1].state") == .string("online"))
        #expect(try interpreter.execute("volume read v1 block=0") == .string("hello"))
    }

    @Test func vmInfoListsItsVolumesAndDestroyDetaches() throws {
        let interpreter = try Self.session()
        try interpreter.execute("volume attach v1 vm=stvm1")
        #expect(try interpreter.execute("[vm info stvm1].volumes") == .list([.string("v1")]))
        try interpreter.execute("vm destroy stvm1")
        #expect(try interpreter.execute("[volume info v1].vm") == Value.none)
    }

    @Test func diskReadIsLowercaseHexWithoutTrailingZeros() {
        #expect(StorageDisks.hex([0xAB, 0x01, 0, 0x10, 0, 0]) == "ab010010")
        #expect(StorageDisks.hex([0, 0]) == "")
    }
}
