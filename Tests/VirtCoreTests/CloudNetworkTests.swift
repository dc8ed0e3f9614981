import Testing
@testable import VirtCore

/// Network part 2: routers and ACLs, VPNs, tenants, VXLAN overlays, flows.
@Suite struct CloudNetworkTests {
    /// pm1 and pm2 on sw1 (trunks of VLANs 10 and 20), router r1 on sw1.3 with gateways
    /// 10.0.10.1 and 10.0.20.1; fin1 (VLAN 10, pm1) and mkt1 (VLAN 20, pm2).
    static func routed() throws -> World {
        var w = World()
        try w.addSwitch("sw1", ports: 8)
        try addNetworkedHost(&w, "pm1", port: "sw1.1")
        try addNetworkedHost(&w, "pm2", port: "sw1.2")
        for port in ["sw1.1", "sw1.2", "sw1.3"] { try w.setPort(port, trunk: true, vlan: nil, vlans: [10, 20], native: nil, hairpin: nil) }
        try w.addRouter("r1", ports: 2)
        try w.link("r1.1", "sw1.3")
        try w.addRouterInterface("r1", vlan: 10, ip: "10.0.10.1/24", port: nil)
        try w.addRouterInterface("r1", vlan: 20, ip: "10.0.20.1/24", port: nil)
        try addNetworkedVM(&w, "fin1", on: "pm1", vlan: 10, ip: "10.0.10.5/24")
        try addNetworkedVM(&w, "mkt1", on: "pm2", vlan: 20, ip: "10.0.20.5/24")
        return w
    }

    /// pm1 and pm2 untagged on sw1, red1/red2 and blue1/blue2 with the same MACs and addresses in two overlays.
    static func overlays() throws -> World {
        var w = World()
        try w.addSwitch("sw1", ports: 8)
        try addNetworkedHost(&w, "pm1", port: "sw1.1")
        try addNetworkedHost(&w, "pm2", port: "sw1.2")
        try w.addOverlay("red", vni: 5000, mtu: nil)
        try w.addOverlay("blue", vni: 5001, mtu: nil)
        for (overlay, n) in [("red", 1), ("red", 2), ("blue", 1), ("blue", 2)] {
            let vm = "\(overlay)\(n)"
            try w.createVM(vm, vcpus: 1, mem: GiB, os: .linux, host: "pm\(n)")
            try w.startVM(vm)
            try w.attachNIC(vm: vm, to: "vs-pm\(n)", vlan: nil, ip: "10.0.0.\(n)/24", mac: "52:54:00:aa:00:0\(n)", overlay: overlay)
        }
        return w
    }

    @Test func aRouterJoinsTwoVLANsAndPingNamesIt() throws {
        var w = try Self.routed()
        let result = try w.ping("fin1", "mkt1")
        #expect(result.reachable)
        #expect(result.path == ["fin1", "vs-pm1", "sw1", "r1", "sw1", "vs-pm2", "mkt1"])
        #expect(result.hops.map(\.vlan) == [10, 10, 20, 20, nil], "tagged 10 up to the router, 20 after it")
        let rtt = try #require(result.rtt)
        #expect(rtt > 2 * CloudDefaults.routerLatency)
        // Without the router interface of VLAN 20 there is no way back.
        var w2 = World()
        try w2.addSwitch("sw1", ports: 8)
        try addNetworkedHost(&w2, "pm1", port: "sw1.1")
        try addNetworkedVM(&w2, "a", on: "pm1", vlan: nil, ip: "10.0.1.5/24")
        try addNetworkedVM(&w2, "b", on: "pm1", vlan: nil, ip: "10.0.2.5/24")
        #expect(try w2.ping("a", "b").reason?.contains("no router") == true)
    }

    @Test func aRoutersPortHasARecordLikeASwitchPort() throws {
        let w = try Self.routed()
        let port = try w.portInfo("r1.1")
        #expect(port.owner == "r1" && port.peer == "sw1.3")
        #expect(port.config.trunk && port.config.vlans == [10, 20], "a trunk of its sub-interfaces' VLANs")
        #expect(try w.portInfo("r1.2").config == PortConfig(), "no sub-interface: untagged")
    }

    @Test func aclLinesDecideInOrderWithAnImplicitDeny() throws {
        var w = try Self.routed()
        #expect(try w.addACL("r1", vlan: 10, action: .deny, src: nil, dst: "10.0.20.0/24", proto: .icmp) == 1)
        var result = try w.ping("fin1", "mkt1")
        #expect(!result.reachable)
        #expect(result.droppedAt == "r1")
        #expect(result.reason == "r1 acl vlan 10 line 1 (deny icmp any → 10.0.20.0/24) denies icmp 10.0.10.5 → 10.0.20.5")
        // A permit line after the deny changes nothing: the first match wins.
        try w.addACL("r1", vlan: 10, action: .permit, src: "10.0.10.5", dst: nil, proto: .any)
        #expect(!(try w.ping("fin1", "mkt1").reachable))
        // VLAN 20 with only a TCP line: ICMP falls to the implicit deny (the reply of mkt1 → fin1 too).
        var w2 = try Self.routed()
        try w2.addACL("r1", vlan: 20, action: .permit, src: nil, dst: nil, proto: .tcp)
        result = try w2.ping("fin1", "mkt1")
        #expect(result.reason == "r1 acl vlan 20: no line matches icmp 10.0.20.5 → 10.0.10.5, so the implicit deny at the end drops it")
        try w2.addACL("r1", vlan: 20, action: .permit, src: "10.0.20.0/24", dst: "10.0.10.0/24", proto: .icmp)
        result = try w2.ping("mkt1", "fin1")
        #expect(result.reachable)
        #expect(result.hops.compactMap(\.note) == ["r1 acl vlan 20 line 2 (permit icmp 10.0.20.0/24 → 10.0.10.0/24) permits icmp 10.0.20.5 → 10.0.10.5"])
    }

    @Test func badInputIsLocatedAndChangesNothing() throws {
        var w = try Self.routed()
        for ports in [0, -1, Int.max] {
            expectRefused(&w, .value) { w throws(CoreError) in try w.addRouter("r9", ports: ports) }
        }
        expectRefused(&w, .value) { w throws(CoreError) in try w.addRouter("", ports: 1) }
        for vlan in [0, 4095, -1, Int.max] {
            expectRefused(&w, .value, containing: "1 to 4094") { w throws(CoreError) in try w.addRouterInterface("r1", vlan: vlan, ip: "10.0.30.1/24", port: nil) }
        }
        expectRefused(&w, .value, containing: "network address") { w throws(CoreError) in try w.addRouterInterface("r1", vlan: 30, ip: "10.0.30.0/24", port: nil) }
        expectRefused(&w, .value) { w throws(CoreError) in try w.addRouterInterface("r1", vlan: 30, ip: "10.0.30.1/33", port: nil) }
        expectRefused(&w, .state, containing: "overlaps") { w throws(CoreError) in try w.addRouterInterface("r1", vlan: 30, ip: "10.0.10.9/16", port: nil) }
        expectRefused(&w, .name) { w throws(CoreError) in try w.addRouterInterface("r1", vlan: 30, ip: "10.0.30.1/24", port: "r1.3") }
        expectRefused(&w, .state, containing: "no interface in VLAN 30") { w throws(CoreError) in
            try w.addACL("r1", vlan: 30, action: .deny, src: nil, dst: nil, proto: .any)
        }
        expectRefused(&w, .value) { w throws(CoreError) in try w.addACL("r1", vlan: 10, action: .deny, src: "10.0.0", dst: nil, proto: .any) }
        for vni in [-1, CloudDefaults.maxVNI + 1, Int.max, Int.min] {
            expectRefused(&w, .value, containing: "16777215") { w throws(CoreError) in try w.addOverlay("o", vni: vni, mtu: nil) }
        }
        try w.addOverlay("red", vni: 0, mtu: nil)
        expectRefused(&w, .state) { w throws(CoreError) in try w.addOverlay("red", vni: 7, mtu: nil) }
        expectRefused(&w, .state, containing: "VNI 0") { w throws(CoreError) in try w.addOverlay("green", vni: 0, mtu: nil) }
        for mtu in [0, -1, Int.max, 67, 65536] {
            expectRefused(&w, .value) { w throws(CoreError) in try w.setOverlay("red", mtu: mtu, rate: nil) }
            expectRefused(&w, .value) { w throws(CoreError) in try w.setUnderlayMTU(mtu) }
        }
        for rate in [0, -1, .infinity, 1e308, .nan] {
            expectRefused(&w, .value) { w throws(CoreError) in try w.setOverlay("red", mtu: nil, rate: rate) }
            expectRefused(&w, .value) { w throws(CoreError) in _ = try w.startFlow("fin1", "mkt1", rate: rate) }
        }
        for size in [-1, 65508, Int.max] {
            expectRefused(&w, .value) { w throws(CoreError) in _ = try w.ping("fin1", "mkt1", size: size) }
        }
        expectRefused(&w, .value) { w throws(CoreError) in _ = try w.runTransfer("fin1", "mkt1", bytes: 0) }
        expectRefused(&w, .value) { w throws(CoreError) in try w.stopFlow(1) }
        expectRefused(&w, .value, containing: "a VLAN or in an overlay") { w throws(CoreError) in
            _ = try w.attachNIC(vm: "fin1", to: "vs-pm1", vlan: 10, ip: nil, mac: nil, overlay: "red")
        }
        expectRefused(&w, .name) { w throws(CoreError) in _ = try w.attachNIC(vm: "fin1", to: "vs-pm1", vlan: nil, ip: nil, mac: nil, overlay: "nope") }
        try w.addVPNGateway("gw1", network: "10.1.0.0/24", ip: nil, vlan: nil, publicIP: nil)
        expectRefused(&w, .value, containing: "outside") { w throws(CoreError) in
            try w.addVPNGateway("gw2", network: "10.2.0.0/24", ip: "10.3.0.1", vlan: nil, publicIP: nil)
        }
        expectRefused(&w, .value) { w throws(CoreError) in try w.addVPNGateway("gw2", network: "10.2.0.0/0", ip: nil, vlan: nil, publicIP: nil) }
        expectRefused(&w, .value, containing: "itself") { w throws(CoreError) in try w.addVPNTunnel("gw1", "gw1") }
        expectRefused(&w, .value) { w throws(CoreError) in try w.addVPNUser("u", secret: "", allow: []) }
        expectRefused(&w, .value) { w throws(CoreError) in try w.addVPNUser("u", secret: "x", allow: ["10.0.0.0/99"]) }
    }

    @Test func tenantsTakeVLANsInOrderUntilTheyRunOut() throws {
        var w = World()
        for n in 1...4094 { try w.addTenant("t\(n)") }
        #expect(try w.tenantInfo("t1").vlan == 1, "VLAN 1 too: the default VLAN of every unconfigured port")
        #expect(try w.tenantInfo("t4094").vlan == 4094)
        expectRefused(&w, .state, containing: "overlay") { w throws(CoreError) in try w.addTenant("t4095") }
        expectRefused(&w, .state) { w throws(CoreError) in try w.addTenant("t1") }
    }

    @Test func overlaysKeepTenantsApartWithTheSameAddresses() throws {
        var w = try Self.overlays()
        let red = try w.ping("red1", "red2")
        #expect(red.reachable)
        #expect(red.path == ["red1", "vs-pm1", "sw1", "vs-pm2", "red2"])
        #expect(red.hops.first?.encap == "VXLAN VNI 5000, UDP 4789, 172.16.0.1 → 172.16.0.2 (+50 bytes)")
        #expect(try w.ping("blue1", "blue2").reachable)
        // red1 knows 10.0.0.2's MAC; blue2 has both: only red2 may answer.
        let across = try w.ping("red1", "blue2")
        #expect(!across.reachable)
        #expect(across.reason?.contains("red2, not blue2") == true)
        for nic in ["blue1.eth0", "blue2.eth0"] {
            let frames = try w.captured(at: nic)
            #expect(frames.allSatisfy { $0.dst == .broadcast || $0.dst.description.hasPrefix("52:54:00:aa") })
            #expect(frames.filter { if case let .icmp(_, _, seq, _, _) = $0.payload { return seq == 1 } else { return false } }.isEmpty,
                    "red's first echo never reached blue")
        }
        // On the physical cable every frame is VXLAN, 50 bytes longer than its inner frame.
        let wire = try w.captured(at: "sw1.1")
        #expect(!wire.isEmpty)
        for frame in wire {
            guard case let .vxlan(_, _, vni, inner) = frame.payload else { Issue.record("not VXLAN: \(frame.summary)"); continue }
            #expect([5000, 5001].contains(vni))
            #expect(frame.length == inner.length + CloudDefaults.vxlanOverhead)
        }
        #expect(try w.overlayInfo("red").vteps == ["pm1 172.16.0.1", "pm2 172.16.0.2"])
    }

    @Test func anInnerPacketMustFitTheUnderlayMTUMinus50() throws {
        var w = try Self.overlays()
        #expect(try w.ping("red1", "red2", size: 1422).reachable, "1450 bytes inside, 1500 on the wire")
        #expect(try w.ping("red1", "red2", size: 1472).reason?.contains("MTU 1450") == true)
        try w.setOverlay("red", mtu: 1500, rate: nil)
        let tooBig = try w.ping("red1", "red2", size: 1472)
        #expect(!tooBig.reachable)
        #expect(tooBig.reason?.contains("needs 1550, and the underlay MTU is 1500") == true)
        #expect(try w.ping("blue1", "blue2", size: 1422).reachable, "blue keeps its own MTU")
        try w.setUnderlayMTU(1550)
        #expect(try w.ping("red1", "red2", size: 1472).reachable)
    }

    @Test func aVPNAuthenticatesThenAuthorizesOnlyItsSubnets() throws {
        var w = World()
        try w.addSwitch("sw1", ports: 8)
        try addNetworkedHost(&w, "pm1", port: "sw1.1")
        try addNetworkedVM(&w, "srv", on: "pm1", vlan: nil, ip: "10.1.0.10/24")
        try addNetworkedVM(&w, "hr", on: "pm1", vlan: nil, ip: "10.1.0.20/24")
        try addNetworkedVM(&w, "laptop", on: "pm1", vlan: nil, ip: "198.51.100.10/24")
        try w.addVPNGateway("gw1", network: "10.1.0.0/24", ip: nil, vlan: nil, publicIP: nil)
        try w.link("gw1.1", "sw1.3")
        try w.addVPNUser("alice", secret: "s3cret", allow: ["10.1.0.10"])
        #expect(!(try w.ping("laptop", "srv").reachable))
        expectRefused(&w, .state, containing: "authentication failed") { w throws(CoreError) in
            _ = try w.connectVPN(client: "laptop", gateway: "gw1", user: "alice", secret: "guess")
        }
        let session = try w.connectVPN(client: "laptop", gateway: "gw1", user: "alice", secret: "s3cret")
        #expect(session.address == "10.1.0.253/24")
        let ok = try w.ping("laptop", "srv")
        #expect(ok.reachable)
        #expect(ok.path == ["laptop", "gw1", "sw1", "vs-pm1", "srv"])
        #expect(ok.hops.first?.encap?.hasPrefix("ESP 198.51.100.10 → 203.0.113.1") == true)
        let denied = try w.ping("laptop", "hr")
        #expect(!denied.reachable)
        #expect(denied.reason == "gw1 authorizes VPN user alice for 10.1.0.10/32 only, not 10.1.0.20")
        // Outside, only the outer header: ESP between the public addresses.
        let outside = try w.captured(at: "gw1.2")
        #expect(!outside.isEmpty)
        #expect(outside.allSatisfy { if case .esp = $0.payload { true } else { false } })
        #expect(Set(outside.map { $0.summary.components(separatedBy: " ESP").first! }) == ["198.51.100.10 → 203.0.113.1", "203.0.113.1 → 198.51.100.10"])
    }

    @Test func aVMMigratedToTheCloudStaysReachableOnlyOverATunnel() throws {
        func world(tunnel: Bool) throws -> World {
            var w = World()
            for (host, site, sw) in [("hq1", "hq", "swhq"), ("cl1", "cloud", "swcl")] {
                try w.addSwitch(sw, ports: 8)
                try w.addHost(host, cpus: 16, mem: 64 * GiB, site: site)
                try w.installHypervisor(on: host, kind: .hardware)
                try w.addVSwitch("vs-\(host)", on: host, uplink: "eth0", mode: .veb)
                try w.link("\(host).eth0", "\(sw).1")
            }
            try addNetworkedVM(&w, "db", on: "hq1", vlan: nil, ip: "10.1.0.10/24")
            try addNetworkedVM(&w, "web", on: "hq1", vlan: nil, ip: "10.1.0.20/24")
            try w.addVPNGateway("gwhq", network: "10.1.0.0/24", ip: nil, vlan: nil, publicIP: nil)
            try w.addVPNGateway("gwcl", network: "10.1.0.0/24", ip: "10.1.0.253", vlan: nil, publicIP: nil)
            try w.link("gwhq.1", "swhq.8")
            try w.link("gwcl.1", "swcl.8")
            if tunnel { try w.addVPNTunnel("gwhq", "gwcl") }
            #expect(try w.ping("db", "web").reachable)
            _ = try w.migrate("web", to: "cl1")
            return w
        }
        var without = try world(tunnel: false)
        let lost = try without.ping("db", "web")
        #expect(!lost.reachable)
        #expect(lost.reason?.contains("site cloud") == true)
        var with = try world(tunnel: true)
        let kept = try with.ping("db", "web")
        #expect(kept.reachable)
        #expect(kept.to == "10.1.0.20", "it kept its address")
        #expect(kept.path == ["db", "vs-hq1", "swhq", "gwhq", "gwcl", "swcl", "vs-cl1", "web"])
    }

    @Test func flowsShareCablesMaxMinFairlyWithinLimits() throws {
        var w = try Self.routed()
        try addNetworkedVM(&w, "fin2", on: "pm2", vlan: 10, ip: "10.0.10.6/24")
        try addNetworkedVM(&w, "mkt2", on: "pm1", vlan: 20, ip: "10.0.20.6/24")
        let alone = try w.runTransfer("fin1", "fin2", bytes: 1_250_000_000)
        #expect(abs(alone.throughput - 10e9) < 1 && abs(alone.time - 1) < 1e-9)
        _ = try w.startFlow("mkt2", "mkt1", rate: nil)
        #expect(abs(try w.runTransfer("fin1", "fin2", bytes: 1_250_000_000).throughput - 5e9) < 1, "two flows on pm1.eth0 → sw1.1")
        _ = try w.startFlow("mkt2", "mkt1", rate: 2e9)
        let shares = w.flows().map(\.rate)
        #expect(abs(shares[0] - 8e9) < 1 && abs(shares[1] - 2e9) < 1, "the capped flow leaves the rest to the other")
        #expect(w.flows()[1].bottleneck == "its own rate=")
        try w.stopFlow(1)
        try w.stopFlow(2)
        // A tenant's limit caps its own flows and nobody else's.
        for _ in 1...20 { try w.addTenant("x\(w.cloudNetwork.tenants.count)") }
        let fin = w.cloudNetwork.tenants.values.first { $0.vlan == 10 }!.name
        try w.setTenant(fin, mtu: nil, rate: 1e9)
        _ = try w.startFlow("fin1", "fin2", rate: nil)
        let mkt = try w.runTransfer("mkt2", "mkt1", bytes: 1_250_000_000)
        #expect(abs(mkt.throughput - 9e9) < 1, "finance is held at 1 Gb/s, marketing takes the rest")
        #expect(w.flows()[0].bottleneck == "the rate limit of \(fin)")
    }

    @Test func partTwoSurvivesSaveAndLoad() throws {
        var w = try Self.routed()
        try w.addACL("r1", vlan: 10, action: .permit, src: nil, dst: nil, proto: .icmp)
        try w.addTenant("acme")
        try w.addOverlay("red", vni: 42, mtu: 1400)
        try w.addVPNGateway("gw1", network: "10.1.0.0/24", ip: nil, vlan: 10, publicIP: "198.51.100.1")
        try w.addVPNUser("bob", secret: "pw", allow: [])
        _ = try w.startFlow("fin1", "mkt1", rate: 1e9)
        let loaded = try World.load(json: w.savedJSON())
        #expect(loaded == w)
    }
}
