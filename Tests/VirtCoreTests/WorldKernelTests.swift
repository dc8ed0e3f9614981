import Testing
@testable import VirtCore

@Suite struct WorldKernelTests {
    @Test func oneNamespaceForAllKinds() throws {
        var w = World()
        try w.addHost("pm1", cpus: 4, mem: 8 * GiB)
        try w.installHypervisor(on: "pm1", kind: .full)
        let error = expectRefused(&w, .state, containing: "already used by a host") { w throws(CoreError) in
            try w.createVM("pm1", vcpus: 1, mem: GiB, os: .linux)
        }
        #expect(error?.hint != nil)
        try w.createVM("vm1", vcpus: 1, mem: GiB, os: .linux)
        #expect(w.allNames == ["pm1", "vm1"])
        #expect(w.names(ofKind: .vm) == ["vm1"])
        #expect(w.kind(of: "pm1") == .host)
        expectRefused(&w, .value) { w throws(CoreError) in try w.addHost("bad.name", cpus: 1, mem: GiB) }
        expectRefused(&w, .value) { w throws(CoreError) in try w.addHost("all", cpus: 1, mem: GiB) }
    }

    @Test func unknownNameNamesTheExistingOnes() throws {
        var w = World()
        try w.addHost("pm1", cpus: 4, mem: 8 * GiB)
        try w.addHost("pm2", cpus: 4, mem: 8 * GiB)
        let error = expectRefused(&w, .name) { w throws(CoreError) in try w.failHost("pm3") }
        #expect(error?.message == "host 'pm3' does not exist")
        #expect(error?.hint == "hosts are pm1, pm2")
    }

    @Test func resetEmptiesAndRestoresTheSeed() throws {
        var w = World()
        w.seed(42)
        let first = w.generator.next()
        try w.addHost("pm1", cpus: 4, mem: 8 * GiB)
        try w.advance(by: 10)
        w.reset()
        #expect(w.allNames.isEmpty)
        #expect(w.clock == 0)
        #expect(w.energy == 0)
        #expect(w.seedValue == 42)
        #expect(w.generator.next() == first)
    }

    @Test func advanceRunsDueEventsInOrderAndIntegratesEnergy() throws {
        var w = World()
        try w.addHost("pm1", cpus: 4, mem: 8 * GiB, power: .linear(idle: 100, max: 200))
        try w.advance(by: 10)
        #expect(w.clock == 10)
        #expect(abs(w.energy - 1000) < 1e-9)
        expectRefused(&w, .value) { w throws(CoreError) in try w.advance(by: -1) }
        expectRefused(&w, .value) { w throws(CoreError) in try w.advance(by: .infinity) }
    }

    @Test func eventQueueOrdersByTimeThenSequence() {
        func job(_ n: Int) -> EventAction { EventAction(part: "server", name: "finish-migration", job: n) }
        var q = EventQueue()
        q.schedule(job(1), at: 5)
        q.schedule(job(2), at: 1)
        q.schedule(job(3), at: 5)
        q.schedule(job(4), at: 1)
        var order: [EventAction] = []
        while let e = q.popFirst() { order.append(e.action) }
        #expect(order == [job(2), job(4), job(1), job(3)])
    }

    @Test func saveLoadRoundTrip() throws {
        var w = try worldWithVM()
        try w.addHost("pm2", cpus: 8, mem: 32 * GiB, rack: "r1", power: .spec(.hpMl110G5))
        try w.installHypervisor(on: "pm2", kind: .full)
        try w.setVM("vm1", VMChanges(load: 0.5, dirtyRate: 100))
        try w.setHypervisorCosts("pm1", [("trap", 1234)])
        try w.runApp("a1", on: "vm1", kind: .web)
        w.seed(7)
        _ = w.generator.next()
        try w.migrate("vm1", to: "pm2", async: true)
        try w.advance(by: 0.5)
        let json = w.savedJSON()
        let loaded = try World.load(json: json)
        #expect(loaded == w)
        #expect(loaded.savedJSON() == json)
        #expect(json.contains("\"format\" : \"virtlab-world\""))
        var finished = loaded
        finished.runUntilIdle()
        #expect(try finished.vmInfo("vm1").migrating == nil)
    }

    @Test func corruptOrForeignFilesAreClearErrors() {
        for text in ["", "not json", "{\"a\": 1}", "{\"format\": \"virtlab-world\", \"version\": 99, \"world\": {}}",
                     "{\"format\": \"virtlab-world\", \"version\": 1, \"world\": {\"clock\": \"x\"}}"] {
            do {
                _ = try World.load(json: text)
                Issue.record("loaded \(text)")
            } catch {
                #expect(error.kind == .io)
                #expect(!error.message.isEmpty)
            }
        }
    }

    @Test func copiesAreIndependent() throws {
        let w = try worldWithVM()
        var copy = w
        try copy.stopVM("vm1")
        #expect(try w.vmInfo("vm1").state == .running)
        #expect(try copy.vmInfo("vm1").state == .stopped)
    }
}
