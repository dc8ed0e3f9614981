import Testing
@testable import VirtCore

/// A host with a hypervisor and a vSwitch on eth0, cabled to `port`.
func addNetworkedHost(_ w: inout World, _ host: String, port: String, mode: VSwitchMode = .veb) throws {
    try w.addHost(host, cpus: 16, mem: 64 * GiB)
    try w.installHypervisor(on: host, kind: .hardware)
    try w.addVSwitch("vs-\(host)", on: host, uplink: "eth0", mode: mode)
    try w.link("\(host).eth0", port)
}

/// A running VM with one vNIC.
func addNetworkedVM(_ w: inout World, _ vm: String, on host: String, vlan: Int?, ip: String) throws {
    try w.createVM(vm, vcpus: 1, mem: GiB, os: .linux, host: host)
    try w.startVM(vm)
    try w.attachNIC(vm: vm, to: "vs-\(host)", vlan: vlan, ip: ip, mac: nil)
}

@Suite struct NetworkTests {
    /// Two hosts on sw1 ports 1 and 2, web1 and web2 in VLAN 10.
    static func twoHosts(trunk: Bool = true) throws -> World {
        var w = World()
        try w.addSwitch("sw1", ports: 8)
        try addNetworkedHost(&w, "pm1", port: "sw1.1")
        try addNetworkedHost(&w, "pm2", port: "sw1.2")
        if trunk {
            try w.setPort("sw1.1", trunk: true, vlan: nil, vlans: [10], native: nil, hairpin: nil)
            try w.setPort("sw1.2", trunk: true, vlan: nil, vlans: [10], native: nil, hairpin: nil)
        }
        try addNetworkedVM(&w, "web1", on: "pm1", vlan: 10, ip: "10.0.0.1/24")
        try addNetworkedVM(&w, "web2", on: "pm2", vlan: 10, ip: "10.0.0.2/24")
        return w
    }

    @Test func pingAcrossATrunkLearnsBothMACs() throws {
        var w = try Self.twoHosts()
        let result = try w.ping("web1", "web2")
        #expect(result.reachable)
        #expect(result.path == ["web1", "vs-pm1", "sw1", "vs-pm2", "web2"])
        #expect(result.hops.map(\.vlan) == [10, 10, nil])
        let table = try w.macTable("sw1")
        #expect(table.map(\.port) == ["sw1.1", "sw1.2"])
        #expect(table.map(\.mac.description) == ["52:54:00:00:00:01", "52:54:00:00:00:02"])
        #expect(table.allSatisfy { $0.vlan == 10 })
        // rtt: 2 vSwitches and 1 switch each way, plus 4 cable crossings of a 102-byte frame.
        let oneWay = 2 * NetworkDefaults.vswitchLatency + NetworkDefaults.switchLatency + 2 * 102 * 8 / NetworkDefaults.linkRate
        #expect(abs(result.rtt! - 2 * oneWay) < 1e-12)
    }

    @Test func anAccessPortInVLAN1DropsTaggedFramesAndSaysWhere() throws {
        var w = try Self.twoHosts(trunk: false)
        let result = try w.ping("web1", "web2")
        #expect(!result.reachable)
        #expect(result.reason == "sw1.1 is an access port in VLAN 1 and drops frames tagged 10")
        #expect(result.droppedAt == "sw1")
    }

    @Test func aTrunkWithoutTheVLANIsNamedAsTheRuleThatDropped() throws {
        var w = try Self.twoHosts()
        try w.setPort("sw1.2", trunk: true, vlan: nil, vlans: [20], native: nil, hairpin: nil)
        let result = try w.ping("web1", "web2")
        #expect(!result.reachable)
        #expect(result.reason == "sw1.2 does not carry VLAN 10")
    }

    @Test func entriesAgeAfter300VirtualSeconds() throws {
        var w = try Self.twoHosts()
        _ = try w.ping("web1", "web2")
        try w.advance(by: 299)
        #expect(try w.macTable("sw1").count == 2)
        try w.advance(by: 2)
        #expect(try w.macTable("sw1").isEmpty)
    }

    @Test func veb_switchesLocally_vepa_needsHairpin() throws {
        var w = World()
        try w.addSwitch("sw1", ports: 4)
        try addNetworkedHost(&w, "pm1", port: "sw1.1", mode: .vepa)
        try addNetworkedVM(&w, "a", on: "pm1", vlan: nil, ip: "10.0.0.1/24")
        try addNetworkedVM(&w, "b", on: "pm1", vlan: nil, ip: "10.0.0.2/24")
        let refused = try w.ping("a", "b")
        #expect(!refused.reachable)
        #expect(refused.reason?.hasPrefix("sw1.1 does not send frames back") == true)
        try w.setPort("sw1.1", trunk: nil, vlan: nil, vlans: nil, native: nil, hairpin: true)
        let result = try w.ping("a", "b")
        #expect(result.reachable)
        #expect(result.path == ["a", "vs-pm1", "sw1", "vs-pm1", "b"])
        var veb = World()
        try veb.addSwitch("sw1", ports: 4)
        try addNetworkedHost(&veb, "pm1", port: "sw1.1")
        try addNetworkedVM(&veb, "a", on: "pm1", vlan: nil, ip: "10.0.0.1/24")
        try addNetworkedVM(&veb, "b", on: "pm1", vlan: nil, ip: "10.0.0.2/24")
        #expect(try veb.ping("a", "b").path == ["a", "vs-pm1", "b"])
        #expect(veb.network.captures["sw1.1"]?.frames.count ?? 0 == 1, "only the ARP broadcast leaves the host")
    }

    @Test func aStoppedVMAnswersNothing() throws {
        var w = try Self.twoHosts()
        try w.stopVM("web2")
        #expect(try w.ping("web1", "web2").reason == "web2 is stopped and answers nothing")
    }

    @Test func migrationMovesTheVNICAndRARPTeachesTheSwitch() throws {
        var w = try Self.twoHosts()
        try addNetworkedHost(&w, "pm3", port: "sw1.3")
        try w.setPort("sw1.3", trunk: true, vlan: nil, vlans: [10], native: nil, hairpin: nil)
        _ = try w.ping("web1", "web2")
        _ = try w.migrate("web2", to: "pm3")
        #expect(w.vnics["web2.eth0"]?.vswitch == "vs-pm3")
        #expect(w.vnics["web2.eth0"]?.mac.description == "52:54:00:00:00:02")
        #expect(try w.macTable("sw1").first { $0.mac.description == "52:54:00:00:00:02" }?.port == "sw1.3")
        #expect(try w.ping("web1", "web2").path == ["web1", "vs-pm1", "sw1", "vs-pm3", "web2"])
    }

    @Test func aDestinationOffTheVMsVLANLeavesItUnreachableAndPingSaysWhy() throws {
        var w = try Self.twoHosts()
        try addNetworkedHost(&w, "pm3", port: "sw1.3")
        _ = try w.ping("web1", "web2")
        _ = try w.migrate("web2", to: "pm3")
        let result = try w.ping("web1", "web2")
        #expect(!result.reachable)
        #expect(result.reason == "sw1.3 does not carry VLAN 10")
        #expect(w.network.captures["sw1.3"]?.frames.last?.payload == .rarp(mac: w.vnics["web2.eth0"]!.mac), "the RARP reached sw1.3 and was dropped there")
    }

    @Test func aDestinationWithoutAVSwitchIsRefused() throws {
        var w = try Self.twoHosts()
        try w.addHost("pm9", cpus: 16, mem: 64 * GiB)
        try w.installHypervisor(on: "pm9", kind: .hardware)
        expectRefused(&w, .state, containing: "no vSwitch") { w throws(CoreError) in _ = try w.migrate("web2", to: "pm9") }
    }

    @Test func destroyingAVMRemovesItsNICsAndRemovingAHostItsCables() throws {
        var w = try Self.twoHosts()
        _ = try w.ping("web1", "web2")
        try w.destroyVM("web2")
        #expect(w.vnics["web2.eth0"] == nil && w.kind(of: "web2.eth0") == nil)
        #expect(w.bridges["vs-pm2"]!.attached.isEmpty)
        try w.removeHypervisor(from: "pm2")
        try w.removeHost("pm2")
        #expect(w.network.links["sw1.2"] == nil && w.bridges["vs-pm2"] == nil)
        try w.checkInvariants()
    }

    @Test func badInputIsRefusedAndChangesNothing() throws {
        var w = try Self.twoHosts()
        try w.addHost("pm5", cpus: 4, mem: 8 * GiB)
        try w.addVSwitch("vs5", on: "pm5", uplink: "eth0", mode: .veb)
        for ports in [0, -1, Int.max] {
            expectRefused(&w, .value) { w throws(CoreError) in try w.addSwitch("sw9", ports: ports) }
        }
        for vlan in [0, 4095, -1, Int.max] {
            expectRefused(&w, .value, containing: "1 to 4094") { w throws(CoreError) in
                try w.setPort("sw1.3", trunk: false, vlan: vlan, vlans: nil, native: nil, hairpin: nil)
            }
            expectRefused(&w, .value) { w throws(CoreError) in try w.setPort("sw1.3", trunk: true, vlan: nil, vlans: [10, vlan], native: nil, hairpin: nil) }
            expectRefused(&w, .value) { w throws(CoreError) in try w.attachNIC(vm: "web1", to: "vs-pm1", vlan: vlan, ip: nil, mac: nil) }
        }
        expectRefused(&w, .name) { w throws(CoreError) in try w.setPort("sw1.9", trunk: false, vlan: 10, vlans: nil, native: nil, hairpin: nil) }
        expectRefused(&w, .state, containing: "already cabled to pm1.eth0") { w throws(CoreError) in try w.link("sw1.1", "pm5.eth0") }
        expectRefused(&w, .name) { w throws(CoreError) in try w.link("sw1.5", "web1.eth0") }
        expectRefused(&w, .value) { w throws(CoreError) in try w.link("sw1.5", "sw1.5") }
        expectRefused(&w, .state, containing: "vSwitch of pm5") { w throws(CoreError) in
            try w.attachNIC(vm: "web1", to: "vs5", vlan: nil, ip: nil, mac: nil)
        }
        for ip in ["10.0.0", "300.0.0.1/24", "10.0.0.1/33", "10.0.0.1/0", "", "a.b.c.d"] {
            expectRefused(&w, .value) { w throws(CoreError) in try w.attachNIC(vm: "web1", to: "vs-pm1", vlan: nil, ip: ip, mac: nil) }
        }
        for mac in ["ff:ff:ff:ff:ff:ff", "00:00:00:00:00:00", "52:54:00:00:00", "52:54:00:00:00:01", "zz:54:00:00:00:01"] {
            expectRefused(&w, mac == "52:54:00:00:00:01" ? .state : .value) { w throws(CoreError) in
                try w.attachNIC(vm: "web1", to: "vs-pm1", vlan: nil, ip: nil, mac: mac)
            }
        }
        expectRefused(&w, .state, containing: "already the uplink") { w throws(CoreError) in try w.addVSwitch("vs6", on: "pm5", uplink: "eth0", mode: .veb) }
        expectRefused(&w, .name) { w throws(CoreError) in try w.addVSwitch("vs6", on: "pm5", uplink: "eth7", mode: .veb) }
        expectRefused(&w, .name) { w throws(CoreError) in try w.detachNIC("web1.eth5") }
        expectRefused(&w, .value) { w throws(CoreError) in _ = try w.ping("web1", "web1") }
    }

    @Test func nicNamesAndMACsCountSinceReset() throws {
        var w = try Self.twoHosts()
        let second = try w.attachNIC(vm: "web1", to: "vs-pm1", vlan: nil, ip: nil, mac: nil)
        #expect(second == "web1.eth1")
        #expect(w.vnics[second]!.mac.description == "52:54:00:00:00:03")
        try w.detachNIC("web1.eth0")
        #expect(try w.attachNIC(vm: "web1", to: "vs-pm1", vlan: nil, ip: nil, mac: nil) == "web1.eth0")
        w.reset()
        w = try Self.twoHosts()
        #expect(w.vnics["web1.eth0"]!.mac.description == "52:54:00:00:00:01")
    }

    @Test func saveAndLoadKeepTheNetwork() throws {
        var w = try Self.twoHosts()
        _ = try w.ping("web1", "web2")
        let loaded = try World.load(json: w.savedJSON())
        #expect(loaded == w)
        #expect(loaded.savedJSON() == w.savedJSON())
        var again = loaded
        #expect(try again.ping("web1", "web2").reachable)
    }

    @Test func aCrashedVMRestartedElsewhereTakesItsVNICsAlong() throws {
        var w = try Self.twoHosts()
        try addNetworkedHost(&w, "pm3", port: "sw1.3")
        try w.setPort("sw1.3", trunk: true, vlan: nil, vlans: [10], native: nil, hairpin: nil)
        _ = try w.ping("web1", "web2")
        let mac = w.vnics["web1.eth0"]!.mac
        try w.failHost("pm1")
        try w.restartVM("web1", host: "pm3")
        #expect(w.vnics["web1.eth0"]?.vswitch == "vs-pm3" && w.vnics["web1.eth0"]?.mac == mac && w.vnics["web1.eth0"]?.vlan == 10)
        #expect(try w.macTable("sw1").first { $0.mac == mac }?.port == "sw1.3", "its RARP taught sw1 the new port")
        #expect(try w.ping("web2", "web1").path == ["web2", "vs-pm2", "sw1", "vs-pm3", "web1"])
    }

    @Test func aRestartElsewhereNeedsAVSwitchThere() throws {
        var w = try Self.twoHosts()
        try w.addHost("pm3", cpus: 16, mem: 64 * GiB)
        try w.installHypervisor(on: "pm3", kind: .hardware)
        try w.failHost("pm1")
        expectRefused(&w, .state, containing: "no vSwitch") { w throws(CoreError) in try w.restartVM("web1", host: "pm3") }
    }

    @Test func captureKeepsTheLast10000Frames() throws {
        var buffer = CaptureBuffer()
        for i in 0..<(CaptureBuffer.capacity + 5) {
            buffer.append(Frame(time: Double(i), src: MAC(1), dst: .broadcast, payload: .rarp(mac: MAC(1))))
        }
        #expect(buffer.frames.count == CaptureBuffer.capacity)
        #expect(buffer.frames.first?.time == 5 && buffer.frames.last?.time == Double(CaptureBuffer.capacity + 4))
    }
}

@Suite struct SRIOVTests {
    /// web1 on a VF of pm1.eth1 (cabled to sw1.3), web2 behind vs-pm2.
    static func world() throws -> World {
        var w = try NetworkTests.twoHosts(trunk: false)
        try w.destroyVM("web1")
        try w.link("pm1.eth1", "sw1.3")
        try w.enableSRIOV("pm1.eth1", vfs: 4, limit: nil)
        try w.createVM("web1", vcpus: 1, mem: GiB, os: .linux, host: "pm1")
        try w.startVM("web1")
        try w.attachNIC(vm: "web1", vf: "pm1.eth1", vlan: nil, ip: "10.0.0.1/24", mac: nil)
        try w.setPort("sw1.2", trunk: true, vlan: nil, vlans: [10], native: 1, hairpin: nil)
        try w.detachNIC("web2.eth0")
        try w.attachNIC(vm: "web2", to: "vs-pm2", vlan: nil, ip: "10.0.0.2/24", mac: nil)
        return w
    }

    @Test func aVFBypassesTheVSwitchAndIsFaster() throws {
        var w = try Self.world()
        #expect(w.vnics["web1.eth0"]?.vf == "pm1.eth1.vf0")
        #expect(w.kind(of: "pm1.eth1.vf3") == .vf && w.kind(of: "pm1.eth1.vf4") == nil)
        let viaVF = try w.ping("web1", "web2")
        #expect(viaVF.reachable)
        #expect(viaVF.path == ["web1", "pm1.eth1", "sw1", "vs-pm2", "web2"])
        try w.createVM("web3", vcpus: 1, mem: GiB, os: .linux, host: "pm1")
        try w.startVM("web3")
        try w.attachNIC(vm: "web3", to: "vs-pm1", vlan: nil, ip: "10.0.0.3/24", mac: nil)
        let viaVSwitch = try w.ping("web3", "web2")
        #expect(viaVSwitch.reachable && viaVF.rtt! < viaVSwitch.rtt!)
        #expect(abs(viaVSwitch.rtt! - viaVF.rtt! - 2 * (NetworkDefaults.vswitchLatency - NetworkDefaults.embeddedLatency)) < 1e-12)
        #expect(viaVF.cpuPerPacket == NetworkDefaults.vswitchCPU, "only web2's vSwitch switches in software")
        #expect(viaVSwitch.cpuPerPacket == 2 * NetworkDefaults.vswitchCPU)
    }

    @Test func vfsAreTakenLowestFirstAndRunOut() throws {
        var w = try Self.world()
        for n in 2...4 {
            try w.createVM("v\(n)", vcpus: 1, mem: GiB, os: .linux, host: "pm1")
            try w.attachNIC(vm: "v\(n)", vf: "pm1.eth1", vlan: nil, ip: nil, mac: nil)
        }
        #expect(w.vnics["v4.eth0"]?.vf == "pm1.eth1.vf3")
        try w.createVM("v5", vcpus: 1, mem: GiB, os: .linux, host: "pm1")
        expectRefused(&w, .state, containing: "every VF") { w throws(CoreError) in _ = try w.attachNIC(vm: "v5", vf: "pm1.eth1", vlan: nil, ip: nil, mac: nil) }
        try w.detachNIC("v2.eth0")
        #expect(try w.attachNIC(vm: "v5", vf: "pm1.eth1", vlan: nil, ip: nil, mac: nil) == "v5.eth0")
        #expect(w.vnics["v5.eth0"]?.vf == "pm1.eth1.vf1")
    }

    @Test func aVFAttachedVMCannotLiveMigrateUntilDetached() throws {
        var w = try Self.world()
        try addNetworkedHost(&w, "pm3", port: "sw1.4")
        expectRefused(&w, .state, containing: "cannot live-migrate") { w throws(CoreError) in _ = try w.migrate("web1", to: "pm3") }
        try w.detachNIC("web1.eth0")
        _ = try w.migrate("web1", to: "pm3")
    }

    @Test func aVFAttachedVMCannotRestartElsewhereUntilDetached() throws {
        var w = try Self.world()
        try addNetworkedHost(&w, "pm3", port: "sw1.4")
        try w.failHost("pm1")
        expectRefused(&w, .state, containing: "cannot move to pm3") { w throws(CoreError) in try w.restartVM("web1", host: "pm3") }
        try w.detachNIC("web1.eth0")
        try w.restartVM("web1", host: "pm3")
    }

    @Test func badSRIOVRequestsChangeNothing() throws {
        var w = try Self.world()
        for (vfs, limit) in [(0, nil), (-1, nil), (65, nil), (300, 256), (8, 257), (8, 0), (Int.max, nil)] as [(Int, Int?)] {
            expectRefused(&w, .value) { w throws(CoreError) in try w.enableSRIOV("pm2.eth1", vfs: vfs, limit: limit) }
        }
        expectRefused(&w, .state, containing: "already enabled") { w throws(CoreError) in try w.enableSRIOV("pm1.eth1", vfs: 2, limit: nil) }
        expectRefused(&w, .state, containing: "uplink") { w throws(CoreError) in try w.enableSRIOV("pm2.eth0", vfs: 2, limit: nil) }
        expectRefused(&w, .name) { w throws(CoreError) in try w.enableSRIOV("pm1.eth9", vfs: 2, limit: nil) }
        expectRefused(&w, .state, containing: "runs on") { w throws(CoreError) in _ = try w.attachNIC(vm: "web2", vf: "pm1.eth1", vlan: nil, ip: nil, mac: nil) }
        expectRefused(&w, .state, containing: "no virtual functions") { w throws(CoreError) in _ = try w.attachNIC(vm: "web2", vf: "pm2.eth1", vlan: nil, ip: nil, mac: nil) }
        try w.enableSRIOV("pm2.eth1", vfs: 256, limit: 256)
        #expect(w.names(ofKind: .vf).count == 260)
        let loaded = try World.load(json: w.savedJSON())
        #expect(loaded == w)
    }
}
