/// The network part's invariants, checked when a saved world is loaded.
extension World {
    func checkNetworkInvariants() throws(CoreError) {
        for (name, bridge) in bridges {
            let path = "network.bridges.\(name)"
            try Invariant.require(bridge.name == name, path + ".name", "must be the key it is stored under ('\(name)')")
            let kind: ObjectKind = switch bridge.role {
            case .controlling?: .controllingBridge
            case .extender?: .portExtender
            case nil: bridge.isPhysical ? .networkSwitch : bridge.isVSwitch ? .vswitch : .nic
            }
            try Invariant.require(self.kind(of: name) == kind, path, "is not registered as its kind")
            if case .extender(let parent, let ecid)? = bridge.role {
                try Invariant.require(bridges[parent]?.role != nil && bridges.index(forKey: parent)! < bridges.index(forKey: name)!,
                                      path + ".role.parent", "names no controlling bridge or extender created before it")
                try Invariant.require((1...World.maxECID).contains(ecid) && ecid - 1 + bridge.ports <= World.maxECID, path + ".role.ecid", "must leave E-CIDs 1 to \(World.maxECID)")
                try Invariant.require(bridge.uplink == "\(name).up", path + ".uplink", "must be its upstream port \(name).up")
            }
            if let vfs = bridge.vfs {
                try Invariant.require((1...World.maxVFs).contains(bridge.vfLimit ?? 0) && (1...(bridge.vfLimit ?? 0)).contains(vfs), path + ".vfs", "must be 1 to its limit (at most \(World.maxVFs))")
            }
            if bridge.isPhysical {
                try Invariant.require((1...World.maxSwitchPorts).contains(bridge.ports), path + ".ports", "must be 1 to \(World.maxSwitchPorts)")
                for (number, config) in bridge.configs {
                    try Invariant.require((1...bridge.ports).contains(number), path + ".configs.\(number)", "names no port")
                    try Invariant.require(config.carried.allSatisfy { (1...4094).contains($0) } && !config.everyVLAN,
                                          path + ".configs.\(number)", "has a VLAN outside 1–4094")
                }
            } else {
                try Invariant.require(hosts[bridge.host!] != nil, path + ".host", "names no host")
                try Invariant.require(bridge.uplink.map { self.kind(of: $0) == .nic } ?? true, path + ".uplink", "names no NIC")
                for nic in bridge.attached {
                    try Invariant.require(vnics[nic]?.vswitch == name, path + ".attached", "lists \(nic), which is not on it")
                }
            }
        }
        for (name, nic) in vnics {
            let path = "network.vnics.\(name)"
            try Invariant.require(registry.kind(of: name) == .vnic && NameRegistry.owner(of: name) == nic.vm, path, "is not a registered vNIC of its VM")
            try Invariant.require(bridges[nic.vswitch]?.attached.contains(name) == true, path + ".vswitch", "is not on that vSwitch")
            try Invariant.require(nic.vlan.map { (1...4094).contains($0) } ?? true, path + ".vlan", "must be 1–4094")
            try Invariant.require((1...32).contains(nic.prefix), path + ".prefix", "must be 1–32")
        }
        for (end, peer) in network.links {
            try Invariant.require(network.links[peer] == end && end != peer, "network.links.\(end)", "is not one cable between two ends")
            try Invariant.require(kind(of: end) == .port || kind(of: end) == .nic, "network.links.\(end)", "is not a port or a host NIC")
        }
    }
}
