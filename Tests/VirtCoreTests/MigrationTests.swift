import Testing
@testable import VirtCore

@Suite struct MigrationTests {
    /// pm1 and pm2 with the same hypervisor; vm1 (4 GiB) running on pm1.
    func pair(kind: HypervisorKind = .hardware, cpu2: CPUVendor = .intel) throws -> World {
        var w = try worldWithVM(kind: kind)
        try w.addHost("pm2", cpus: 8, mem: 32 * GiB, cpu: cpu2)
        try w.installHypervisor(on: "pm2", kind: kind)
        return w
    }

    @Test func zeroDirtyRateIsOneCopyAndAnEmptyStopAndCopy() throws {
        var w = try pair()
        let r = try w.migrate("vm1", to: "pm2")
        let pages = Int(4 * GiB / 4096)
        #expect(r.rounds.count == 2)
        #expect(r.rounds[0] == MigrationRound(round: 1, pages: pages, time: Double(pages) * 4096 * 8 / 1e9, dirtied: 0))
        #expect(r.rounds[1].pages == 0)
        #expect(abs(r.downtime - 0.010) < 1e-12)
        #expect(abs(r.totalTime - (r.rounds[0].time + 0.010)) < 1e-12)
        #expect(r.bytes == 4 * GiB)
        #expect(abs(w.clock - r.totalTime) < 1e-12)
        #expect(try w.vmInfo("vm1").host == "pm2" && w.vmInfo("vm1").state == .running)
        #expect(try w.hostInfo("pm1").cpusUsed == 0 && w.hostInfo("pm2").cpusUsed == 2)
    }

    /// Issue 9, 4.4: a goal must tell a live move from a cold one.
    @Test func vmInfoKeepsTheLastMigrationsModeAndDowntime() throws {
        var w = try pair()
        #expect(try w.vmInfo("vm1").lastMigration == nil && w.vmInfo("vm1").lastDowntime == nil)
        let live = try w.migrate("vm1", to: "pm2")
        #expect(try w.vmInfo("vm1").lastMigration == .precopy && w.vmInfo("vm1").lastDowntime == live.downtime)
        let cold = try w.migrate("vm1", to: "pm1", mode: .cold)
        #expect(try w.vmInfo("vm1").lastMigration == .cold && w.vmInfo("vm1").lastDowntime == cold.downtime)
        // A background migration counts once it has finished.
        let later = try w.migrate("vm1", to: "pm2", mode: .postcopy, async: true)
        #expect(try w.vmInfo("vm1").lastMigration == .cold)
        try w.advance(by: later.totalTime)
        #expect(try w.vmInfo("vm1").lastMigration == .postcopy && w.vmInfo("vm1").lastDowntime == later.downtime)
    }

    @Test func dirtyRateAboveBandwidthStopsAtThreeTimesMemory() throws {
        var w = try pair()
        let bandwidthPages = 1e9 / (8 * 4096)
        try w.setVM("vm1", VMChanges(dirtyRate: 2 * bandwidthPages))
        let r = try w.migrate("vm1", to: "pm2")
        let memory = 4 * GiB
        #expect(r.rounds.count == 4)  // three full copies, then stop-and-copy
        #expect(r.rounds.dropLast().reduce(0) { $0 + Int64($1.pages) } * 4096 == 3 * memory)
        let memoryTime = Double(memory) * 8 / 1e9
        #expect(abs(r.downtime - memoryTime) < 0.05)
        // With a small working set it stops at the round limit instead.
        var small = try pair()
        try small.setVM("vm1", VMChanges(dirtyRate: 2 * bandwidthPages, wws: 64 * MiB))
        let limited = try small.migrate("vm1", to: "pm2", parameters: MigrationParameters(maxRounds: 5))
        #expect(limited.rounds.count == 6)
        #expect(limited.rounds[4].dirtied == Int(64 * MiB / 4096))
    }

    @Test func convergingDirtyRateStopsUnderStopPages() throws {
        var w = try pair()
        try w.setVM("vm1", VMChanges(dirtyRate: 1000))
        let r = try w.migrate("vm1", to: "pm2")
        #expect(r.rounds.count > 2 && r.rounds.count < 30)
        #expect(r.rounds.last!.pages < 50)
        #expect(r.downtime < 0.02)
    }

    @Test func postcopyAndCold() throws {
        var w = try pair()
        try w.setVM("vm1", VMChanges(dirtyRate: 1e6))
        let post = try w.migrate("vm1", to: "pm2", mode: .postcopy)
        #expect(post.bytes == 4 * GiB + 2 * 4096)
        #expect(post.downtime < 0.011)
        let cold = try w.migrate("vm1", to: "pm1", mode: .cold)
        #expect(cold.downtime == cold.totalTime)
        #expect(cold.bytes == 4 * GiB)
        try w.stopVM("vm1")
        expectRefused(&w, .state, containing: "mode=cold") { w throws(CoreError) in try w.migrate("vm1", to: "pm2") }
        let stopped = try w.migrate("vm1", to: "pm2", mode: .cold)
        #expect(stopped.bytes == 0 && stopped.downtime == 0)
    }

    @Test func preconditionsRefuseAndChangeNothing() throws {
        var w = try pair(cpu2: .amd)
        expectRefused(&w, .state, containing: "CPU vendor") { w throws(CoreError) in try w.migrate("vm1", to: "pm2") }
        try w.addHost("pm3", cpus: 8, mem: 32 * GiB)
        try w.installHypervisor(on: "pm3", kind: .full)
        expectRefused(&w, .state, containing: "same kind") { w throws(CoreError) in try w.migrate("vm1", to: "pm3") }
        try w.addHost("pm4", cpus: 1, mem: 32 * GiB)
        try w.installHypervisor(on: "pm4", kind: .hardware)
        expectRefused(&w, .state, containing: "no room") { w throws(CoreError) in try w.migrate("vm1", to: "pm4") }
        try w.addHost("pm5", cpus: 8, mem: 32 * GiB)
        expectRefused(&w, .state, containing: "no hypervisor") { w throws(CoreError) in try w.migrate("vm1", to: "pm5") }
        expectRefused(&w, .state, containing: "already on") { w throws(CoreError) in try w.migrate("vm1", to: "pm1") }
        expectRefused(&w, .name) { w throws(CoreError) in try w.migrate("vm1", to: "pm9") }
        expectRefused(&w, .value) { w throws(CoreError) in
            try w.migrate("vm1", to: "pm2", parameters: MigrationParameters(bandwidth: 0))
        }
        try w.installHypervisor(on: "pm5", kind: .hardware)
        try w.failHost("pm5")
        expectRefused(&w, .state, containing: "failed") { w throws(CoreError) in try w.migrate("vm1", to: "pm5") }
    }

    @Test func asyncMigrationRunsInTheBackground() throws {
        var w = try pair()
        let r = try w.migrate("vm1", to: "pm2", async: true)
        #expect(r.job != nil)
        #expect(w.clock == 0)
        #expect(try w.vmInfo("vm1").migrating == r.job)
        #expect(w.pendingWork().count == 1)
        expectRefused(&w, .state, containing: "migrating") { w throws(CoreError) in try w.migrate("vm1", to: "pm1") }
        try w.advance(by: r.totalTime / 2)
        #expect(abs(w.pendingWork()[0].progress - 0.5) < 1e-9)
        let end = w.runUntilIdle()
        #expect(abs(end - r.totalTime) < 1e-12)
        #expect(w.pendingWork().isEmpty)
        #expect(try w.vmInfo("vm1").migrating == nil)
    }

    @Test func consolidateEmptiesLeastLoadedHostsAndPowersOff() throws {
        var w = World()
        for i in 1...4 {
            try w.addHost("pm\(i)", cpus: 8, mem: 32 * GiB)
            try w.installHypervisor(on: "pm\(i)", kind: .full)
        }
        try w.createVM("a", vcpus: 4, mem: 8 * GiB, os: .linux, host: "pm1")
        try w.createVM("b", vcpus: 2, mem: 4 * GiB, os: .linux, host: "pm2")
        try w.createVM("c", vcpus: 1, mem: 2 * GiB, os: .linux, host: "pm3")
        try w.startVM("a")
        try w.startVM("c")
        let result = try w.consolidate()
        #expect(result.moves.map(\.vm) == ["c", "b"])
        #expect(result.moves.map(\.to) == ["pm1", "pm1"])
        #expect(result.moves[0].migration.mode == .precopy)
        #expect(result.moves[1].migration.mode == .cold)
        #expect(result.poweredOff == ["pm2", "pm3", "pm4"])
        #expect(try w.energyReport().hostsOn == 1)
        #expect(abs(w.clock - result.time) < 1e-12)
        #expect(try w.hostInfo("pm1").vms == ["a", "c", "b"])
    }

    @Test func consolidateKeepsHostsWhoseVMsDoNotAllFit() throws {
        var w = World()
        for i in 1...2 {
            try w.addHost("pm\(i)", cpus: 4, mem: 8 * GiB)
            try w.installHypervisor(on: "pm\(i)", kind: .full)
        }
        try w.createVM("a", vcpus: 3, mem: 2 * GiB, os: .linux, host: "pm1")
        try w.createVM("b", vcpus: 2, mem: 2 * GiB, os: .linux, host: "pm2")
        let result = try w.consolidate()
        #expect(result.moves.isEmpty && result.poweredOff.isEmpty)
    }
}
