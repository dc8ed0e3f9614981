import Testing
@testable import VirtCore

@Suite struct IsolationTests {
    func bareHost(_ os: HostOS = .linux, cpus: Int = 2) throws -> World {
        var w = World()
        try w.addHost("pm1", cpus: cpus, mem: 16 * GiB, os: os)
        return w
    }

    @Test func cpuHogStarvesNeighboursUnderOneOS() throws {
        var w = try bareHost()
        try w.runApp("web", on: "pm1", kind: .web)
        #expect(try w.appInfo("web").state == .running)
        try w.runApp("hog", on: "pm1", kind: .cpuHog)
        let web = try w.appInfo("web")
        #expect(web.state == .degraded)
        #expect(abs(web.throughput - (2.0 / 9) / 0.5) < 1e-9)
        try w.stopApp("hog")
        #expect(try w.appInfo("web").throughput == 1)
    }

    @Test func vmsIsolateARogueApp() throws {
        var w = World()
        try w.addHost("pm1", cpus: 2, mem: 16 * GiB)
        try w.installHypervisor(on: "pm1", kind: .hardware)
        for name in ["a", "b"] {
            try w.createVM(name, vcpus: 2, mem: 4 * GiB, os: .linux, host: "pm1")
            try w.startVM(name)
        }
        try w.runApp("web", on: "b", kind: .web)
        try w.runApp("hog", on: "a", kind: .cpuHog)
        try w.runApp("bomb", on: "a", kind: .forkBomb)
        #expect(try w.appInfo("web").state == .running)
        #expect(try w.appInfo("hog").state == .degraded)
        try w.runApp("boom", on: "a", kind: .panic)
        #expect(try w.vmInfo("a").state == .crashed)
        #expect(try w.appInfo("hog").state == .killed)
        #expect(try w.appInfo("web").state == .running)
        #expect(try w.hostInfo("pm1").state == .up)
    }

    @Test func creditSchedulerHonoursWeightsAndCaps() throws {
        var w = World()
        try w.addHost("pm1", cpus: 2, mem: 16 * GiB)
        try w.installHypervisor(on: "pm1", kind: .full)
        try w.createVM("heavy", vcpus: 2, mem: GiB, os: .linux, host: "pm1", weight: 512)
        try w.createVM("light", vcpus: 2, mem: GiB, os: .linux, host: "pm1")
        try w.createVM("capped", vcpus: 2, mem: GiB, os: .linux, host: "pm1", cap: 0.5)
        for vm in ["heavy", "light", "capped"] {
            try w.startVM(vm)
            try w.runApp("job-\(vm)", on: vm, kind: .cpuHog, threads: 2)
        }
        let grants = w.creditGrants(on: "pm1")
        #expect(abs(grants["capped"]! - 0.5) < 1e-9)
        #expect(abs(grants["heavy"]! - 1.0) < 1e-9)
        #expect(abs(grants["light"]! - 0.5) < 1e-9)
        #expect(abs(try w.appInfo("job-capped").throughput - 0.25) < 1e-9)
    }

    @Test func memHogMakesTheOSKillTheLargestNeighbour() throws {
        var w = try bareHost(cpus: 8)
        try w.runApp("db", on: "pm1", kind: .db)
        try w.runApp("web", on: "pm1", kind: .web)
        try w.runApp("hog", on: "pm1", kind: .memHog)
        #expect(try w.appInfo("db").state == .killed)
        #expect(try w.appInfo("web").state == .degraded)
    }

    @Test func forkBombDegradesEveryApp() throws {
        var w = try bareHost(cpus: 8)
        try w.runApp("web", on: "pm1", kind: .web)
        try w.runApp("bomb", on: "pm1", kind: .forkBomb)
        #expect(try w.appInfo("web").throughput < 0.01)
    }

    @Test func jailsShareTheHostKernel() throws {
        var w = try bareHost(.freebsd)
        try w.createForm("j1", kind: .jail, on: "pm1")
        try w.createForm("j2", kind: .jail, on: "pm1")
        try w.runApp("web", on: "j2", kind: .web)
        try w.runApp("boom", on: "j1", kind: .panic)
        #expect(try w.appInfo("web").state == .killed)
        #expect(try w.hostInfo("pm1").state == .failed)
        #expect(try w.formInfo("j2").state == "crashed")
        var linux = try bareHost(.linux)
        let error = expectRefused(&linux, .state) { w throws(CoreError) in try w.createForm("j", kind: .jail, on: "pm1") }
        #expect(error?.hint?.contains("os=freebsd") == true)
        expectRefused(&linux, .state) { w throws(CoreError) in try w.createForm("c", kind: .colinux, on: "pm1") }
    }

    @Test func umlPanicStaysInsideItsProcess() throws {
        var w = try bareHost(.linux)
        try w.createForm("u1", kind: .uml, on: "pm1")
        try w.createForm("u2", kind: .uml, on: "pm1")
        try w.runApp("web", on: "u2", kind: .web)
        try w.runApp("boom", on: "u1", kind: .panic)
        #expect(try w.appInfo("web").state == .running)
        #expect(try w.formInfo("u1").state == "crashed")
        #expect(try w.hostInfo("pm1").state == .up)
        expectRefused(&w, .state) { w throws(CoreError) in try w.runApp("x", on: "u1", kind: .web) }
    }

    @Test func appsNeedARunnableTarget() throws {
        var w = try worldWithVM()
        expectRefused(&w, .state, containing: "hypervisor") { w throws(CoreError) in try w.runApp("a", on: "pm1", kind: .web) }
        expectRefused(&w, .name) { w throws(CoreError) in try w.runApp("a", on: "nowhere", kind: .web) }
        expectRefused(&w, .value) { w throws(CoreError) in try w.runApp("a", on: "vm1", kind: .web, threads: 0) }
        try w.runApp("a", on: "vm1", kind: .web)
        try w.createForm("java", kind: .jvm, on: "vm1")
        try w.runApp("b", on: "java", kind: .batch)
        try w.destroyVM("vm1")
        #expect(w.allNames == ["pm1"])
    }

    @Test func compareComesFromTheModel() {
        let rows = World.compareForms()
        let byForm = Dictionary(uniqueKeysWithValues: rows.map { ($0.form, $0) })
        #expect(rows.count == 8)
        let jail = byForm["jail"]!, uml = byForm["uml"]!, full = byForm["vm (full)"]!, hw = byForm["vm (hardware, shadow paging)"]!
        #expect(jail.syscallOverhead == 1)
        #expect(hw.syscallOverhead < full.syscallOverhead)
        #expect(uml.syscallOverhead > full.syscallOverhead)
        #expect(jail.panicTakesDownHost && jail.panicTakesDownNeighbours)
        #expect(!full.panicTakesDownHost && !full.panicTakesDownNeighbours)
        #expect(!uml.panicTakesDownHost && !uml.panicTakesDownNeighbours)
        #expect(byForm["colinux"]!.panicTakesDownHost)
        #expect(!byForm["jvm"]!.panicTakesDownNeighbours)
        #expect(jail.startupSeconds < full.startupSeconds)
        #expect(jail.guestOSes == ["freebsd"])
        #expect(uml.guestOSes == ["linux"])
        #expect(byForm["vm (para)"]!.guestOSes == ["linux-pv", "netbsd-xen"])
        #expect(full.guestOSes.count == GuestOS.allCases.count)
    }
}
