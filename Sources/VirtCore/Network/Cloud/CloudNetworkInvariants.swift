/// Part 2's invariants (checked on `load`) and what it drops when objects go.
extension World {
    func checkCloudNetworkInvariants() throws(CoreError) {
        for (name, router) in routers {
            let path = "cloudNetwork.routers.\(name)"
            try Invariant.require(kind(of: name) == (router.vpn == nil ? .router : .vpnGateway), path, "is not registered as its kind")
            try Invariant.require((1...World.maxSwitchPorts).contains(router.ports), path + ".ports", "must be 1 to \(World.maxSwitchPorts)")
            for iface in router.interfaces {
                try Invariant.require(NameRegistry.owner(of: iface.port) == name && kind(of: iface.port) == .port, path + ".interfaces", "names no port of it")
                try Invariant.require(iface.vlan.map { (1...4094).contains($0) } ?? true && (1...32).contains(iface.prefix), path + ".interfaces",
                                      "has a VLAN outside 1–4094 or a prefix outside 1–32")
            }
            if let vpn = router.vpn {
                try Invariant.require(router.ports == 2 && router.interfaces.first?.port == "\(name).1" && (8...30).contains(vpn.network.prefix),
                                      path + ".vpn", "is not a gateway with its inside interface on \(name).1 and a /8–/30 network")
            }
            for line in router.acls.values.joined() {
                try Invariant.require([line.src, line.dst].allSatisfy { ($0?.prefix ?? 0) >= 0 && ($0?.prefix ?? 0) <= 32 }, path + ".acls",
                                      "has a prefix outside 0–32")
            }
            for tunnel in router.vpn?.tunnels ?? [] {
                try Invariant.require(tunnel != name && routers[tunnel]?.vpn?.tunnels.contains(name) == true, path + ".tunnels", "lists \(tunnel), which has no tunnel back")
            }
        }
        var vlans = Set<UInt16>()
        for (name, tenant) in cloudNetwork.tenants {
            try Invariant.require(kind(of: name) == .tenant && (1...4094).contains(tenant.vlan) && vlans.insert(tenant.vlan).inserted,
                                  "cloudNetwork.tenants.\(name)", "is not a registered tenant with its own VLAN 1–4094")
        }
        var vnis = Set<UInt32>()
        for (name, overlay) in cloudNetwork.overlays {
            try Invariant.require(kind(of: name) == .overlay && overlay.vni <= UInt32(CloudDefaults.maxVNI) && overlay.segment > 4094
                                  && vnis.insert(overlay.vni).inserted, "cloudNetwork.overlays.\(name)", "is not a registered overlay with its own 24-bit VNI")
        }
        for (name, user) in cloudNetwork.vpnUsers {
            try Invariant.require(kind(of: name) == .vpnUser && !user.secret.isEmpty && user.allow.allSatisfy { (0...32).contains($0.prefix) },
                                  "cloudNetwork.vpnUsers.\(name)", "is not a registered VPN user with a secret and networks of prefix 0–32")
        }
        let rates = cloudNetwork.tenants.values.map(\.rate) + cloudNetwork.overlays.values.map(\.rate) + cloudNetwork.flows.values.map(\.cap)
        try Invariant.require(rates.allSatisfy { $0.map { $0.isFinite && $0 > 0 } ?? true }, "cloudNetwork", "has a rate that is not a positive bit rate")
        let mtus = [cloudNetwork.underlayMTU] + cloudNetwork.overlays.values.map(\.mtu) + cloudNetwork.tenants.values.compactMap(\.mtu)
        try Invariant.require(mtus.allSatisfy { (68...65535).contains($0) }, "cloudNetwork", "has an MTU outside 68–65535")
    }

    /// The removal hook: a destroyed VM's VPN sessions and flows, a removed host's VTEP.
    mutating func forgetCloudNetwork(of name: String) {
        for router in routers.keys where routers[router]!.vpn?.sessions.contains(where: { $0.client == name }) == true {
            routers[router]!.vpn!.sessions.removeAll { $0.client == name }
        }
        cloudNetwork.flows = cloudNetwork.flows.filter { $0.value.a != name && $0.value.b != name }
        cloudNetwork.vteps.removeValue(forKey: name)
        cloudNetwork.vtepTables.removeValue(forKey: name)
        for tenant in cloudNetwork.tenants.keys where cloudNetwork.tenants[tenant]!.holdings.vms.contains(name) {
            cloudNetwork.tenants[tenant]!.holdings.vms.removeAll { $0 == name }
        }
    }
}
