import Testing
@testable import VirtCore

/// Issue 10: extreme values are value errors, never traps; a migration's ends
/// cannot fail or power off under it unnoticed; a damaged saved world is refused.
@Suite struct HardeningTests {
    func pair() throws -> World {
        var w = try worldWithVM(kind: .hardware)
        try w.addHost("pm2", cpus: 8, mem: 32 * GiB)
        try w.installHypervisor(on: "pm2", kind: .hardware)
        return w
    }

    @Test func countsBeyondTheModelAreValueErrorsNamingTheOption() throws {
        var w = try pair()
        let tooMany = expectRefused(&w, .value) { w throws(CoreError) in
            try w.createVM("a", vcpus: Int.max, mem: GiB, os: .linux, host: "pm1")
        }
        #expect(tooMany?.parameter == "vcpus")
        let tooBig = expectRefused(&w, .value) { w throws(CoreError) in
            try w.createVM("b", vcpus: 1, mem: Int64.max / 2, os: .linux, host: "pm1")
        }
        #expect(tooBig?.parameter == "mem")
        expectRefused(&w, .value) { w throws(CoreError) in try w.addHost("big", cpus: 1, mem: 8_000_000 << 40) }
        expectRefused(&w, .value) { w throws(CoreError) in try w.setHypervisorCosts("pm1", [("batch", 1e19)]) }
        expectRefused(&w, .value) { w throws(CoreError) in try w.setHypervisorCosts("pm1", [("vm-exit", 1e300)]) }
        let cap = expectRefused(&w, .value) { w throws(CoreError) in try w.setVM("vm1", VMChanges(cap: 1e298)) }
        #expect(cap?.parameter == "cap")
    }

    /// MigrationModel's Double → Int conversions: an absurd dirty rate, a tiny bandwidth.
    @Test func extremeMigrationParametersAreNotTraps() throws {
        var w = try pair()
        try w.setVM("vm1", VMChanges(dirtyRate: 1e18))
        let r = try w.migrate("vm1", to: "pm2")
        #expect(r.totalTime.isFinite && r.rounds.count >= 2)
        let slow = expectRefused(&w, .value) { w throws(CoreError) in
            try w.migrate("vm1", to: "pm1", parameters: MigrationParameters(bandwidth: 1e-10))
        }
        #expect(slow?.message == "bandwidth must be at least 1bps, not 1e-10bps")
        let back = expectRefused(&w, .value) { w throws(CoreError) in try w.advance(by: -1) }
        #expect(back?.message == "a duration must be zero or positive, not -1s")
    }

    /// Two VMs of the largest size on one small host: the counters do not overflow, placement copes.
    @Test func largestVMsAccountWithoutOverflow() throws {
        var w = try pair()
        try w.createVM("a", vcpus: ModelLimits.maxCPUs, mem: ModelLimits.maxMem, os: .linux, host: "pm1")
        try w.createVM("b", vcpus: ModelLimits.maxCPUs, mem: ModelLimits.maxMem, os: .linux, host: "pm1")
        try w.createVM("c", vcpus: ModelLimits.maxCPUs, mem: ModelLimits.maxMem, os: .linux)
        _ = try? w.place(["c"])
        _ = try? w.migrate("a", to: "pm2", mode: .cold)
        _ = try w.consolidate()
        try w.checkInvariants()
    }

    @Test func precopyAbortsWhenTheDestinationFailsAndTheVMStaysOnTheSource() throws {
        var w = try pair()
        try w.migrate("vm1", to: "pm2", async: true)
        try w.failHost("pm2")
        #expect(try w.vmInfo("vm1").host == "pm1" && w.vmInfo("vm1").state == .running)
        #expect(w.migrations.isEmpty && w.events.events.isEmpty)
        #expect(try w.hostInfo("pm2").cpusUsed == 0 && w.hostInfo("pm1").cpusUsed == 2)
        try w.checkInvariants()
    }

    @Test func precopyAbortsWhenTheSourceFailsAndTheVMCrashesThere() throws {
        var w = try pair()
        try w.migrate("vm1", to: "pm2", async: true)
        try w.failHost("pm1")
        _ = w.runUntilIdle()
        #expect(try w.vmInfo("vm1").host == "pm1" && w.vmInfo("vm1").state == .crashed)
        try w.checkInvariants()
    }

    @Test func postcopyLosesTheVMWhenEitherEndFails() throws {
        for failing in ["pm1", "pm2"] {
            var w = try pair()
            try w.migrate("vm1", to: "pm2", mode: .postcopy, async: true)
            try w.failHost(failing)
            _ = w.runUntilIdle()
            #expect(try w.vmInfo("vm1").state == .crashed, "\(failing)")
            #expect(w.migrations.isEmpty)
            try w.checkInvariants()
        }
    }

    @Test func neitherEndPowersOffOrLosesItsHypervisorDuringAMigration() throws {
        var w = try pair()
        try w.migrate("vm1", to: "pm2", async: true)
        expectRefused(&w, .state, containing: "migration") { w throws(CoreError) in try w.setPower("pm1", .off) }
        expectRefused(&w, .state, containing: "migration") { w throws(CoreError) in try w.removeHypervisor(from: "pm1") }
        let result = try w.consolidate()
        #expect(!result.poweredOff.contains("pm1"))
        _ = w.runUntilIdle()
        #expect(try w.vmInfo("vm1").host == "pm2" && w.vmInfo("vm1").state == .running)
    }

    @Test func destroyingAMigratingVMDropsItsEvent() throws {
        var w = try pair()
        try w.migrate("vm1", to: "pm2", async: true)
        try w.destroyVM("vm1")
        #expect(w.events.events.isEmpty)
        _ = try World.load(json: w.savedJSON())
    }

    @Test func labelsAndNamesArePrintable() throws {
        var w = World()
        expectRefused(&w, .value) { w throws(CoreError) in try w.addHost("pm1", cpus: 1, mem: GiB, rack: "r1\nr2") }
        expectRefused(&w, .value) { w throws(CoreError) in try w.addHost("pm1", cpus: 1, mem: GiB, site: "a\u{1B}[2J") }
        expectRefused(&w, .value) { w throws(CoreError) in try w.addHost(String(repeating: "a", count: 10_000), cpus: 1, mem: GiB) }
    }

    /// Hand-edited saved worlds that the issue saw accepted: each is refused with the path of the field.
    @Test func loadRefusesDamagedWorldsWithThePathOfTheField() throws {
        var w = try pair()
        try w.addHost("pm3", cpus: 1, mem: GiB, rack: "r1")
        try w.migrate("vm1", to: "pm2", async: true)
        let json = w.savedJSON()
        let damages: [(from: String, to: String, path: String)] = [
            ("\"clock\" : 0,", "\"clock\" : -5,", "clock"),
            ("\"rack\" : \"r1\"", "\"rack\" : \"r\\u0000\"", "rack"),
            ("\"name\" : \"pm3\"", "\"name\" : \"pm\\u00003\"", "name"),
            ("\"job\" : 1,", "\"job\" : 7,", "event"),
        ]
        for damage in damages {
            #expect(json.contains(damage.from), "the saved format changed: \(damage.from)")
            do {
                _ = try World.load(json: json.replacingOccurrences(of: damage.from, with: damage.to))
                Issue.record("accepted a world with a damaged \(damage.path)")
            } catch {
                #expect(error.message.contains(damage.path), "\(error.message)")
            }
        }
    }
}
