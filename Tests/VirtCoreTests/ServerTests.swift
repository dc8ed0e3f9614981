import Testing
@testable import VirtCore

@Suite struct ServerTests {
    @Test func hostDefaultsAndInfo() throws {
        var w = World()
        try w.addHost("pm1", cpus: 16, mem: 64 * GiB, rack: "r1", site: "s1")
        let info = try w.hostInfo("pm1")
        #expect(info.vt && info.cpu == .intel && info.os == .linux && info.ghz == 2.4 && info.nics == 2)
        #expect(info.state == .up && info.power == .on && info.hypervisor == nil)
        #expect(info.rack == "r1" && info.site == "s1")
        #expect(info.watts == 100)
        expectRefused(&w, .value) { w throws(CoreError) in try w.addHost("pm2", cpus: 0, mem: GiB) }
        expectRefused(&w, .value) { w throws(CoreError) in try w.addHost("pm2", cpus: 1, mem: GiB, ip: "10.0.0.300") }
        #expect(w.hostList(HostFilter(rack: "r1")).map(\.name) == ["pm1"])
        #expect(w.hostList(HostFilter(rack: "r2")).isEmpty)
    }

    @Test func hardwareNeedsVT() throws {
        var w = World()
        try w.addHost("pm1", cpus: 4, mem: 8 * GiB, vt: false)
        let error = expectRefused(&w, .state) { w throws(CoreError) in try w.installHypervisor(on: "pm1", kind: .hardware) }
        #expect(error?.message == "hardware-assisted virtualization needs VT-x or AMD-V")
        #expect(error?.hint == "pm1 has vt=no")
        expectRefused(&w, .value) { w throws(CoreError) in try w.installHypervisor(on: "pm1", kind: .full, paging: .nested) }
    }

    @Test func hypervisorRings() throws {
        let expected: [(HypervisorKind, Int, Int)] = [(.full, 0, 1), (.para, 0, 1), (.hardware, -1, 0), (.trap, 0, 1)]
        for (kind, vmm, guest) in expected {
            var w = World()
            try w.addHost("pm1", cpus: 4, mem: 8 * GiB)
            try w.installHypervisor(on: "pm1", kind: kind)
            let info = try w.hypervisorInfo("pm1")
            #expect(info.vmmRing == vmm && info.guestKernelRing == guest && info.paging == .shadow)
        }
    }

    @Test func hypervisorRemoveNeedsNoVMs() throws {
        var w = try worldWithVM()
        expectRefused(&w, .state, containing: "vm1") { w throws(CoreError) in try w.removeHypervisor(from: "pm1") }
        try w.destroyVM("vm1")
        try w.removeHypervisor(from: "pm1")
        #expect(try w.hostInfo("pm1").hypervisor == nil)
    }

    @Test func paraRefusesUnmodifiedGuestsEverywhere() throws {
        var w = World()
        try w.addHost("xen", cpus: 8, mem: 32 * GiB)
        try w.installHypervisor(on: "xen", kind: .para)
        let error = expectRefused(&w, .state, containing: "not paravirtualized") { w throws(CoreError) in
            try w.createVM("win", vcpus: 1, mem: GiB, os: .windows, host: "xen")
        }
        #expect(error?.hint?.contains("linux-pv") == true)
        try w.createVM("win", vcpus: 1, mem: GiB, os: .windows)
        expectRefused(&w, .state, containing: "not paravirtualized") { w throws(CoreError) in try w.setVM("win", VMChanges(host: "xen")) }
        let placed = try w.place(["win"])
        #expect(placed.placements.isEmpty)
        #expect(placed.unplaced.first?.reason.contains("not paravirtualized") == true)
        try w.createVM("pv", vcpus: 1, mem: GiB, os: .linuxPV, host: "xen")
        try w.startVM("pv")
        #expect(GuestOS.catalogue.count == 6)
    }

    @Test func vmLifecycle() throws {
        var w = World()
        try w.addHost("pm1", cpus: 4, mem: 8 * GiB)
        try w.installHypervisor(on: "pm1", kind: .full)
        try w.createVM("vm1", vcpus: 2, mem: 2 * GiB, os: .linux)
        #expect(try w.vmInfo("vm1").state == .pending && w.vmInfo("vm1").host == nil)
        expectRefused(&w, .state, containing: "pending") { w throws(CoreError) in try w.startVM("vm1") }
        try w.setVM("vm1", VMChanges(host: "pm1"))
        #expect(try w.vmInfo("vm1").state == .stopped)
        #expect(try w.hostInfo("pm1").cpusUsed == 2)
        try w.startVM("vm1")
        try w.pauseVM("vm1")
        expectRefused(&w, .state) { w throws(CoreError) in try w.startVM("vm1") }
        try w.resumeVM("vm1")
        try w.stopVM("vm1")
        #expect(try w.vmList(VMFilter(host: "pm1", state: .stopped)).map(\.name) == ["vm1"])
        expectRefused(&w, .state) { w throws(CoreError) in try w.setVM("vm1", VMChanges(host: "pm1")) }
        expectRefused(&w, .value) { w throws(CoreError) in try w.setVM("vm1", VMChanges(load: 0.5, wws: 10 * GiB)) }
        expectRefused(&w, .value) { w throws(CoreError) in try w.setVM("vm1", VMChanges(load: 1.5)) }
        try w.destroyVM("vm1")
        #expect(try w.hostInfo("pm1").cpusUsed == 0)
        #expect(w.allNames == ["pm1"])
    }

    @Test func startChecksMemoryOfRunningAndPausedVMs() throws {
        var w = World()
        try w.addHost("pm1", cpus: 8, mem: 8 * GiB)
        try w.installHypervisor(on: "pm1", kind: .full)
        for name in ["a", "b", "c"] { try w.createVM(name, vcpus: 1, mem: 3 * GiB, os: .linux, host: "pm1") }
        try w.startVM("a")
        try w.startVM("b")
        try w.pauseVM("b")
        expectRefused(&w, .state, containing: "not enough memory") { w throws(CoreError) in try w.startVM("c") }
        try w.setRatios("pm1", memRatio: 1.5)
        try w.startVM("c")
        expectRefused(&w, .state) { w throws(CoreError) in try w.setRatios("pm1", memRatio: 1.0) }
    }

    @Test func hostFailureCrashesVMsAndRestartMoves() throws {
        var w = try worldWithVM()
        try w.addHost("pm2", cpus: 8, mem: 32 * GiB)
        try w.installHypervisor(on: "pm2", kind: .full)
        try w.failHost("pm1")
        #expect(try w.vmInfo("vm1").state == .crashed)
        expectRefused(&w, .state, containing: "failed") { w throws(CoreError) in try w.restartVM("vm1") }
        expectRefused(&w, .state) { w throws(CoreError) in try w.startVM("vm1") }
        try w.restartVM("vm1", host: "pm2")
        #expect(try w.vmInfo("vm1").host == "pm2" && w.vmInfo("vm1").state == .running)
        #expect(try w.hostInfo("pm1").vms.isEmpty)
        try w.repairHost("pm1")
        #expect(try w.hostInfo("pm1").state == .up)
    }

    @Test func powerOffRefusesRunningVMs() throws {
        var w = try worldWithVM()
        expectRefused(&w, .state, containing: "vm1") { w throws(CoreError) in try w.setPower("pm1", .off) }
        try w.stopVM("vm1")
        try w.setPower("pm1", .off)
        expectRefused(&w, .state, containing: "powered off") { w throws(CoreError) in try w.startVM("vm1") }
        #expect(try w.energyReport().hostsOn == 0)
    }

    @Test func powerModels() throws {
        #expect(PowerModel.spec(.hpMl110G4).watts(at: 0) == 86)
        #expect(PowerModel.spec(.hpMl110G4).watts(at: 1) == 117)
        #expect(abs(PowerModel.spec(.hpMl110G5).watts(at: 0.15) - 99) < 1e-9)
        #expect(PowerModel.linear(idle: 100, max: 200).watts(at: 0.25) == 125)
        #expect(throws: CoreError.self) { try PowerModel.named("hp-dl380") }
        #expect(try PowerModel.named("hp-ml110-g4") == .spec(.hpMl110G4))
    }

    @Test func energyIntegratesUtilization() throws {
        var w = World()
        try w.addHost("pm1", cpus: 4, mem: 16 * GiB, power: .linear(idle: 100, max: 300))
        try w.addHost("pm2", cpus: 4, mem: 16 * GiB, power: .linear(idle: 100, max: 300))
        try w.installHypervisor(on: "pm1", kind: .full)
        try w.createVM("vm1", vcpus: 2, mem: GiB, os: .linux, host: "pm1")
        try w.startVM("vm1")
        try w.setVM("vm1", VMChanges(load: 1))
        #expect(w.utilizationReport().map(\.utilization) == [0.5, 0])
        try w.advance(by: 10)
        let report = try w.energyReport(over: 3600)
        #expect(report.power == 300)
        #expect(abs(report.energy - 3000) < 1e-9)
        #expect(report.hostsOn == 2)
        #expect(report.projected == 1_080_000.0)
    }
}
