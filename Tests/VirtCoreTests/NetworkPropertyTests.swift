import Testing
@testable import VirtCore

/// Properties of switching over random topologies and VLAN assignments: a spine of
/// switches joined by trunks of every VLAN, hosts whose uplink ports carry a random
/// subset of the VLANs (trunk or access), VMs in random VLANs sharing one subnet (so
/// only VLANs keep them apart), random pings and broadcasts.
@Suite struct NetworkPropertyTests {
    static let vlans: [UInt16] = [10, 20, 30]

    struct Lab {
        var world = World()
        /// VLANs each host's uplink port carries.
        var carried: [String: Set<UInt16>] = [:]
        var vms: [String] = []
    }

    static func randomLab(seed: UInt64) throws -> Lab {
        var rng = SeededGenerator(seed: seed)
        var lab = Lab()
        let switches = Int.random(in: 1...3, using: &rng)
        for s in 1...switches {
            try lab.world.addSwitch("sw\(s)", ports: 12)
            if s > 1 {
                try lab.world.link("sw\(s - 1).12", "sw\(s).11")
                for port in ["sw\(s - 1).12", "sw\(s).11"] {
                    try lab.world.setPort(port, trunk: true, vlan: nil, vlans: vlans.map(Int.init), native: nil, hairpin: nil)
                }
            }
        }
        let hosts = Int.random(in: 2...5, using: &rng)
        for h in 1...hosts {
            let port = "sw\(Int.random(in: 1...switches, using: &rng)).\(h)"
            try addNetworkedHost(&lab.world, "pm\(h)", port: port)
            var subset = Set(vlans.filter { _ in Bool.random(using: &rng) })
            if subset.isEmpty { subset = [vlans.randomElement(using: &rng)!] }
            if subset.count == 1, Bool.random(using: &rng) {
                // An access port: VMs must then send untagged, so only their VMs without vlan= pass; keep it a trunk of one.
                try lab.world.setPort(port, trunk: true, vlan: nil, vlans: subset.map(Int.init), native: nil, hairpin: nil)
            } else {
                try lab.world.setPort(port, trunk: true, vlan: nil, vlans: subset.sorted().map(Int.init), native: nil, hairpin: nil)
            }
            lab.carried["pm\(h)"] = subset
        }
        for v in 1...Int.random(in: 3...10, using: &rng) {
            let host = "pm\(Int.random(in: 1...hosts, using: &rng))"
            try addNetworkedVM(&lab.world, "vm\(v)", on: host, vlan: Int(vlans.randomElement(using: &rng)!), ip: "10.0.0.\(v)/24")
            lab.vms.append("vm\(v)")
        }
        return lab
    }

    /// The oracle: a frame of x's VLAN reaches y exactly when y is in the same VLAN and
    /// both are on one host (VEB) or both hosts' ports carry it (the spine carries all).
    static func reaches(_ lab: Lab, _ x: VNIC, _ y: VNIC) -> Bool {
        guard x.vlan == y.vlan, let v = x.vlan else { return false }
        let hx = lab.world.bridges[x.vswitch]!.host!, hy = lab.world.bridges[y.vswitch]!.host!
        return hx == hy || (lab.carried[hx]!.contains(v) && lab.carried[hy]!.contains(v))
    }

    @Test(arguments: 1...40 as ClosedRange<UInt64>)
    func vlansIsolateAndTablesPointWhereTheyLearned(seed: UInt64) throws {
        var lab = try Self.randomLab(seed: seed)
        var rng = SeededGenerator(seed: seed &* 7919)
        let nicOf = { (vm: String) in lab.world.vnics["\(vm).eth0"]! }
        // A broadcast from each VM reaches exactly the members of its VLAN it can reach.
        for vm in lab.vms {
            let x = nicOf(vm)
            let before = lab.world.network.captures
            var run = FrameRun()
            lab.world.send(Frame(time: lab.world.clock, src: x.mac, dst: .broadcast,
                                 payload: .arp(op: 1, senderMAC: x.mac, senderIP: x.ip!, targetMAC: .broadcast, targetIP: IPv4(0x0a09_0909))),
                           from: x.name, &run)
            lab.world.run(&run)
            let reached = Set(lab.vms.filter { $0 != vm && lab.world.network.captures["\($0).eth0"]?.frames.count ?? 0 > before["\($0).eth0"]?.frames.count ?? 0 })
            let expected = Set(lab.vms.filter { $0 != vm && Self.reaches(lab, x, nicOf($0)) })
            #expect(reached == expected, "seed \(seed): broadcast from \(vm)")
        }
        // Random pings agree with the oracle.
        for _ in 0..<20 {
            let a = lab.vms.randomElement(using: &rng)!, b = lab.vms.randomElement(using: &rng)!
            guard a != b else { continue }
            let result = try lab.world.ping(a, b)
            #expect(result.reachable == Self.reaches(lab, nicOf(a), nicOf(b)), "seed \(seed): ping \(a) \(b): \(result.reason ?? "")")
            if Bool.random(using: &rng) { try lab.world.advance(by: Double(Int.random(in: 0...400, using: &rng))) }
        }
        // No VM ever received a frame from outside its VLAN.
        let vlanOfMAC = Dictionary(uniqueKeysWithValues: lab.world.vnics.values.map { ($0.mac, $0.vlan) })
        for vm in lab.vms {
            for frame in lab.world.network.captures["\(vm).eth0"]?.frames ?? [] {
                #expect(vlanOfMAC[frame.src] == nicOf(vm).vlan, "seed \(seed): \(vm) saw a frame of another VLAN")
            }
        }
        // Every MAC-table entry points at a port where a frame from that MAC came in, in that VLAN.
        for (name, bridge) in lab.world.bridges {
            for (key, entry) in bridge.table {
                let vlan = UInt16(key >> 48), mac = MAC(UInt64(key & 0xffff_ffff_ffff))
                let config = lab.world.network.config(of: entry.port, in: bridge)
                let seen = lab.world.network.captures[entry.port]?.frames.contains {
                    $0.src == mac && (try? config.classify($0.vlan, port: entry.port).get()) == vlan
                } ?? false
                #expect(seen, "seed \(seed): \(name) maps \(mac) in VLAN \(vlan) to \(entry.port), where it never came in")
            }
        }
    }
}
