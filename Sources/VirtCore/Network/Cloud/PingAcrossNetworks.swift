/// What `ping` asks of part 2: the gateway to another subnet, a NIC's MTU, and why
/// two NICs that share a subnet still cannot talk (different overlays, different sites).
extension World {
    /// A's NIC with a router interface in its subnet (its gateway), and B's NIC that router reaches.
    func gateway(from mine: [VNIC], to theirs: [VNIC]) -> (x: VNIC, y: VNIC, gateway: IPv4)? {
        for x in mine {
            for router in routers.values {
                guard let iface = router.interfaces.first(where: { $0.contains(x.ip!) && $0.ip != x.ip! }) else { continue }
                let y = theirs.first { y in router.interfaces.contains { $0.contains(y.ip!) } } ?? theirs[0]
                return (x, y, iface.ip)
            }
        }
        return nil
    }

    /// The MTU of a vNIC: its overlay's, else its tenant's, else Ethernet's 1500.
    func mtu(of nic: VNIC) -> Int {
        if let vlan = nic.vlan {
            if let overlay = overlay(ofSegment: vlan) { return overlay.mtu }
            if let mtu = cloudNetwork.tenants.values.first(where: { $0.vlan == vlan })?.mtu { return mtu }
        }
        return CloudDefaults.underlayMTU
    }

    /// Why two vNICs in one subnet cannot talk when no device dropped a frame: they are
    /// in different overlays (or one in an overlay, one in a VLAN), or at two sites no
    /// tunnel joins.
    func isolation(from x: VNIC, to y: VNIC, routed: Bool) -> Drop? {
        guard !routed else { return nil }
        let words = { (nic: VNIC) -> String in
            guard let vlan = nic.vlan else { return "untagged" }
            return overlay(ofSegment: vlan).map { "in overlay \($0.name) (VNI \($0.vni))" } ?? "in VLAN \(vlan)"
        }
        if x.vlan != y.vlan, [x.vlan, y.vlan].contains(where: { ($0 ?? 0) > 4094 }) {
            return Drop(device: x.vswitch, reason: "\(y.name) is \(words(y)) and \(x.name) \(words(x)): separate networks never share a frame, whatever their addresses",
                        hops: [])
        }
        let siteOf = { (nic: VNIC) in self.bridges[nic.vswitch]?.host.flatMap { self.hosts[$0]?.site } }
        if let here = siteOf(x), let there = siteOf(y), here != there, !routers.values.contains(where: { !($0.vpn?.tunnels.isEmpty ?? true) }) {
            return Drop(device: x.vswitch, reason: """
                \(y.vm) runs at site \(there) and \(x.vm) at site \(here): nothing joins the two sites' networks, so \(y.ip!) answers nobody here \
                (a site-to-site tunnel extends the network: vpn tunnel add GW1 GW2)
                """, hops: [])
        }
        return nil
    }
}

extension VNIC {
    /// The vNIC as the physical network sees its frames: an overlay's go untagged between VTEPs.
    var underlay: VNIC {
        var copy = self
        if (vlan ?? 0) > 4094 { copy.vlan = nil }
        return copy
    }
}
