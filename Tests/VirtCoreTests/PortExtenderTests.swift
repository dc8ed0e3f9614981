import Foundation
import Testing
@testable import VirtCore

/// IEEE 802.1BR: a controlling bridge decides for every port of its (cascaded) extenders.
@Suite struct PortExtenderTests {
    /// cb1 with pe1 (ports 1–4, E-CIDs 1–4) and pe2 below pe1 (ports 1–4, E-CIDs 5–8);
    /// pm1 on pe1.1, pm2 on pe1.2, pm3 on pe2.3; VMs a, b, c untagged.
    static func world() throws -> World {
        var w = World()
        try w.addControllingBridge("cb1", ports: 8)
        try w.addExtender("pe1", parent: "cb1", ports: 4)
        try w.addExtender("pe2", parent: "pe1", ports: 4)
        for (host, port, vm, ip) in [("pm1", "pe1.1", "a", 1), ("pm2", "pe1.2", "b", 2), ("pm3", "pe2.3", "c", 3)] {
            try addNetworkedHost(&w, host, port: port)
            try addNetworkedVM(&w, vm, on: host, vlan: nil, ip: "10.0.0.\(ip)/24")
        }
        return w
    }

    @Test func twoPortsOfOneExtenderTalkThroughTheControllingBridge() throws {
        var w = try Self.world()
        let result = try w.ping("a", "b")
        #expect(result.reachable)
        #expect(result.path == ["a", "vs-pm1", "pe1", "cb1", "pe1", "vs-pm2", "b"])
        #expect(result.hops.map(\.etag) == [nil, 1, 2, nil, nil], "E-CID of pe1.1 going up, of pe1.2 coming down")
        #expect(result.hops[2].inPort == "pe1.1" && result.hops[2].outPort == "pe1.2", "the bridge decides between extended ports")
        #expect(try w.macTable("cb1").map(\.port) == ["pe1.1", "pe1.2"])
        let upstream = try w.captured(at: "pe1.up")
        #expect(!upstream.isEmpty && upstream.allSatisfy { $0.etag != nil }, "every frame on the cascade wire is E-tagged")
        #expect(Set(upstream.map(\.etag)) == [1, 2, 7], "the ARP broadcast also went down to pe2.3 (E-CID 7)")
        #expect(try w.captured(at: "pe1.2").allSatisfy { $0.etag == nil }, "the extended port sends frames without the E-tag")
        #expect(try w.captured(at: "pe1.2").contains { $0.length == 98 } && upstream.contains { $0.length == 106 }, "an E-tag is 8 bytes")
    }

    @Test func cascadedExtendersPassFramesUpAndDownUntouched() throws {
        var w = try Self.world()
        #expect(try w.extenderInfo("pe2").ecid == 5 && w.network.ecid(of: "pe2.3") == 7)
        let result = try w.ping("c", "a")
        #expect(result.path == ["c", "vs-pm3", "pe2", "pe1", "cb1", "pe1", "vs-pm1", "a"])
        #expect(result.hops.map(\.etag) == [nil, 7, 7, 1, nil, nil])
        #expect(result.hops[2].inPort == "pe2.up" && result.hops[2].outPort == "pe1.up")
        #expect(try w.captured(at: "pe2.up").contains { $0.etag == 7 } && w.captured(at: "pe1.up").contains { $0.etag == 7 })
        let info = try w.controllingBridgeInfo("cb1")
        #expect(info.ports == 16 && info.extenders == ["pe1", "pe2"] && info.cabled == ["pe1.1", "pe1.2", "pe2.3"])
        // An extender adds 1 µs and a cascade wire each way: c → a crosses two extenders up and one down.
        let plain = try { () throws -> Double in
            var flat = World()
            try flat.addSwitch("sw1", ports: 8)
            try addNetworkedHost(&flat, "pm1", port: "sw1.1")
            try addNetworkedHost(&flat, "pm3", port: "sw1.3")
            try addNetworkedVM(&flat, "a", on: "pm1", vlan: nil, ip: "10.0.0.1/24")
            try addNetworkedVM(&flat, "c", on: "pm3", vlan: nil, ip: "10.0.0.3/24")
            return try flat.ping("c", "a").rtt!
        }()
        let extra = 2 * (3 * NetworkDefaults.extenderLatency + 3 * 106 * 8 / NetworkDefaults.linkRate)
        #expect(abs(result.rtt! - plain - extra) < 1e-12)
    }

    @Test func extendedPortsAreConfiguredAtTheBridgeByTheirNames() throws {
        var w = try Self.world()
        try w.setPort("pe1.2", trunk: false, vlan: 20, vlans: nil, native: nil, hairpin: nil)
        #expect(try w.portInfo("pe1.2").config.vlan == 20 && w.portInfo("pe1.2").bridge == "cb1" && w.portInfo("pe1.2").ecid == 2)
        #expect(try w.controllingBridgeInfo("cb1").vlans == [1, 20])
        let result = try w.ping("a", "b")
        #expect(!result.reachable)
        #expect(result.reason?.contains("pe1.2") == true && result.reason?.contains("VLAN 1") == true)
        #expect(try w.captured(at: "pe1.2").isEmpty, "cb1 floods VLAN 1 only to the ports carrying it")
    }

    @Test func theETagIsWrittenAsTsharkReadsIt() throws {
        let frame = Frame(time: 0, src: MAC(2), dst: .broadcast, vlan: 10, etag: 0x12345, payload: .rarp(mac: MAC(2)))
        let b = PCAP.wire(frame)
        #expect(PCAPTests.u16(b, 12) == 0x893F, "TPID after the source MAC")
        #expect(PCAPTests.u16(b, 16) == 0x345 && b[19] == 0x12, "E-CID base (12 bits), then its 8-bit extension")
        #expect(PCAPTests.u16(b, 20) == 0x8100 && PCAPTests.u16(b, 22) == 10, "the 802.1Q tag after the E-tag")
        var w = try Self.world()
        _ = try w.ping("c", "b")
        guard let out = try PCAPTests.tshark(try w.captured(at: "pe1.up"), fields: ["etag.ecid_base", "etag.group", "arp.opcode", "icmp.type"]) else { return }
        // The ARP request from pe2.3 (E-CID 7) flooded back down to pe1.1 (1) and pe1.2 (2), b's reply (2 up, 7 down), then the echo.
        #expect(out.split(separator: "\n").map { String($0) } == [
            "0x0007\t0\t1\t", "0x0001\t0\t1\t", "0x0002\t0\t1\t", "0x0002\t0\t2\t", "0x0007\t0\t2\t",
            "0x0007\t0\t\t8", "0x0002\t0\t\t8", "0x0002\t0\t\t0", "0x0007\t0\t\t0"])
    }

    @Test func badExtenderRequestsChangeNothing() throws {
        var w = try Self.world()
        try w.addSwitch("sw1", ports: 4)
        for ports in [0, -1, Int.max, World.maxSwitchPorts + 1] {
            expectRefused(&w, .value, containing: "ports") { w throws(CoreError) in try w.addExtender("pe9", parent: "cb1", ports: ports) }
            expectRefused(&w, .value, containing: "ports") { w throws(CoreError) in try w.addControllingBridge("cb9", ports: ports) }
        }
        expectRefused(&w, .name, containing: "not a controlling bridge") { w throws(CoreError) in try w.addExtender("pe9", parent: "sw1", ports: 2) }
        expectRefused(&w, .name, containing: "not a controlling bridge") { w throws(CoreError) in try w.addExtender("pe9", parent: "nowhere", ports: 2) }
        expectRefused(&w, .value) { w throws(CoreError) in try w.addExtender("", parent: "cb1", ports: 2) }
        expectRefused(&w, .state, containing: "already used") { w throws(CoreError) in try w.addExtender("pe1", parent: "cb1", ports: 2) }
        expectRefused(&w, .state, containing: "upstream port") { w throws(CoreError) in try w.link("sw1.1", "pe1.up") }
        expectRefused(&w, .state, containing: "upstream port") { w throws(CoreError) in
            try w.setPort("pe2.up", trunk: false, vlan: 10, vlans: nil, native: nil, hairpin: nil)
        }
        expectRefused(&w, .state, containing: "learns nothing") { w throws(CoreError) in _ = try w.macTable("pe1") }
        expectRefused(&w, .name) { w throws(CoreError) in _ = try w.switchInfo("cb1") }
        expectRefused(&w, .name) { w throws(CoreError) in _ = try w.extenderInfo("cb1") }
    }

    @Test func saveAndLoadKeepTheExtendersAndTheirCaptures() throws {
        var w = try Self.world()
        _ = try w.ping("a", "c")
        let loaded = try World.load(json: w.savedJSON())
        #expect(loaded == w)
        #expect(loaded.savedJSON() == w.savedJSON())
        #expect(try loaded.captured(at: "pe1.up") == w.captured(at: "pe1.up"))
        var again = loaded
        #expect(try again.ping("b", "c").path == ["b", "vs-pm2", "pe1", "cb1", "pe1", "pe2", "vs-pm3", "c"])
    }
}
