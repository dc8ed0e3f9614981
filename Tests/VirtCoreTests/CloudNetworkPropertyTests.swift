import Testing
@testable import VirtCore

/// Random tenants with overlapping addresses, on VLANs and on overlays: no frame
/// ever reaches another tenant's vNIC, and pings succeed exactly within a tenant.
/// Random VPN users: a user reaches exactly the subnets it is allowed.
@Suite struct CloudNetworkPropertyTests {
    /// A small seeded generator (SplitMix64), so every run checks the same worlds.
    struct Rand {
        var state: UInt64
        mutating func next(_ n: Int) -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((z ^ (z >> 31)) % UInt64(n))
        }
    }

    @Test(arguments: 1...25) func noFrameCrossesTenants(seed: Int) throws {
        var r = Rand(state: UInt64(seed))
        var w = World()
        try w.addSwitch("sw1", ports: 8)
        let hosts = (1...(2 + r.next(2))).map { "pm\($0)" }
        for (i, host) in hosts.enumerated() { try addNetworkedHost(&w, host, port: "sw1.\(i + 1)") }
        var tenantOf: [String: Int] = [:], vms: [String] = []
        let tenants = 2 + r.next(3)
        var vlans: [Int] = []
        for t in 1...tenants {
            let onOverlay = r.next(2) == 0
            if onOverlay { try w.addOverlay("o\(t)", vni: 5000 + t, mtu: nil) } else { try w.addTenant("t\(t)"); vlans.append(Int(w.cloudNetwork.tenants["t\(t)"]!.vlan)) }
            for n in 1...(2 + r.next(3)) {
                let vm = "v\(t)x\(n)", host = hosts[r.next(hosts.count)]
                try w.createVM(vm, vcpus: 1, mem: GiB, os: .linux, host: host)
                try w.startVM(vm)
                // The same addresses in every tenant; the same MACs in every overlay.
                if onOverlay {
                    try w.attachNIC(vm: vm, to: "vs-\(host)", vlan: nil, ip: "10.0.0.\(n)/24", mac: "52:54:00:bb:00:0\(n)", overlay: "o\(t)")
                } else {
                    try w.attachNIC(vm: vm, to: "vs-\(host)", vlan: vlans.last!, ip: "10.0.0.\(n)/24", mac: nil)
                }
                tenantOf[vm] = t
                vms.append(vm)
            }
        }
        // The tenants' VLANs tagged; the hosts' own (underlay) traffic untagged in a VLAN of its own.
        for i in hosts.indices where !vlans.isEmpty { try w.setPort("sw1.\(i + 1)", trunk: true, vlan: nil, vlans: vlans, native: 4000, hairpin: nil) }
        for _ in 0..<30 {
            let a = vms[r.next(vms.count)], b = vms[r.next(vms.count)]
            guard a != b else { continue }
            if r.next(4) == 0 { try w.advance(by: 61) }
            let before = vms.map { (try? w.captured(at: "\($0).eth0").count) ?? 0 }
            let result = try w.ping(a, b)
            #expect(result.reachable == (tenantOf[a] == tenantOf[b]), "seed \(seed): \(a) → \(b): \(result.reason ?? "reachable")")
            for (vm, count) in zip(vms, before) where try w.captured(at: "\(vm).eth0").count > count {
                #expect(tenantOf[vm] == tenantOf[a], "seed \(seed): \(vm) of tenant \(tenantOf[vm]!) saw a frame of \(a)'s ping (tenant \(tenantOf[a]!))")
            }
        }
    }

    @Test(arguments: 1...15) func aVPNUserReachesOnlyItsSubnets(seed: Int) throws {
        var r = Rand(state: UInt64(seed) &* 7919)
        var w = World()
        try w.addSwitch("sw1", ports: 8)
        try addNetworkedHost(&w, "pm1", port: "sw1.1")
        try addNetworkedHost(&w, "pm2", port: "sw1.2")
        try w.addVPNGateway("gw", network: "10.1.0.0/16", ip: nil, vlan: nil, publicIP: nil)
        try w.link("gw.1", "sw1.3")
        var servers: [(String, Int)] = []
        for s in 1...4 {
            for n in 1...(1 + r.next(2)) {
                let vm = "s\(s)x\(n)"
                try addNetworkedVM(&w, vm, on: "pm\(1 + r.next(2))", vlan: nil, ip: "10.1.\(s).\(10 + n)/16")
                servers.append((vm, s))
            }
        }
        for u in 1...3 {
            let allowed = (1...4).filter { _ in r.next(2) == 0 }
            try w.addVPNUser("u\(u)", secret: "pw\(u)", allow: allowed.map { "10.1.\($0).0/24" })
            let client = "c\(u)"
            try addNetworkedVM(&w, client, on: "pm1", vlan: nil, ip: "198.51.100.\(u)/24")
            try w.connectVPN(client: client, gateway: "gw", user: "u\(u)", secret: "pw\(u)")
            for (vm, subnet) in servers {
                let result = try w.ping(client, vm)
                // An empty allow-list authorizes the gateway's whole network.
                #expect(result.reachable == (allowed.isEmpty || allowed.contains(subnet)), "seed \(seed): u\(u) allowed \(allowed) → \(vm): \(result.reason ?? "reachable")")
            }
        }
    }
}
