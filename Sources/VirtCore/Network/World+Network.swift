/// CORE.md 3, "Physical" and "VMs' NICs": switches, cables, port VLANs, vSwitches
/// and vNICs. Each operation validates everything, then changes the world.
extension World {
    /// The most ports a switch may have (a cap of the model; chassis switches reach a few hundred).
    public static let maxSwitchPorts = 1024
    /// MAC-table entries expire after this many seconds (Linux bridge `ageing_time`).
    public static let macAgeing = 300.0
    /// ARP-cache entries are reused for this many seconds (Linux `gc_stale_time`).
    public static let arpLifetime = 60.0

    /// `switch add NAME ports=N`.
    public mutating func addSwitch(_ name: String, ports: Int) throws(CoreError) {
        try registry.checkFree(name, for: .networkSwitch)
        guard (1...World.maxSwitchPorts).contains(ports) else {
            throw .value("ports must be between 1 and \(World.maxSwitchPorts), not \(ports)", at: "ports")
        }
        registry.insert(name, as: .networkSwitch)
        bridges[name] = Bridge(name: name, ports: ports)
    }

    /// `link A B`: a cable between two of: a host's NIC, a switch port.
    public mutating func link(_ a: String, _ b: String) throws(CoreError) {
        for (end, parameter) in [(a, "a"), (b, "b")] {
            guard let kind = kind(of: end), kind == .port || kind == .nic else {
                var error = CoreError.unknown(.port, end, among: names(ofKind: .port) + names(ofKind: .nic), at: parameter)
                error.message = "'\(end)' is not a switch port or a host NIC"
                error.hint = "a cable joins ports (SW.N) and host NICs (HOST.ethN); vNICs join vSwitches with nic attach"
                throw error
            }
            if let peer = network.links[end] {
                throw .state("\(end) is already cabled to \(peer)", hint: "each port takes one cable", at: parameter)
            }
            try checkNotUpstream(end, at: parameter)
        }
        guard a != b else { throw .value("a cable needs two different ends, not \(a) twice", at: "b") }
        network.links[a] = b
        network.links[b] = a
        network.points.peer[network.points.id(a)] = network.points.id(b)
        network.points.peer[network.points.id(b)] = network.points.id(a)
        for end in [a, b] { if let bridge = bridgeOf(port: end) { network.reindex(bridge) } }
    }

    /// `port set SW.N [mode=access|trunk] [vlan=V] [vlans=LIST] [native=V] [hairpin=on|off]`.
    public mutating func setPort(_ port: String, trunk: Bool?, vlan: Int?, vlans: [Int]?, native: Int?,
                                 hairpin: Bool?) throws(CoreError) {
        try checkNotUpstream(port, at: "port")
        guard kind(of: port) == .port, let owner = NameRegistry.owner(of: port), let bridge = bridges[owner],
              let number = Int(port.dropFirst(owner.count + 1)) else {
            throw CoreError.unknown(.port, port, among: names(ofKind: .port), at: "port")
        }
        var config = bridge.configs[number] ?? .access1
        let trunkMode = trunk ?? config.trunk
        if trunkMode {
            if vlan != nil { throw .value("a trunk port takes vlans= (and native=), not vlan=", hint: "port set \(port) mode=trunk vlans=10,20", at: "vlan") }
            if let vlans {
                guard !vlans.isEmpty else { throw .value("vlans needs at least one VLAN", at: "vlans") }
                config.vlans = try Array(Set(vlans.map { v throws(CoreError) in try checkVLAN(v, at: "vlans") })).sorted()
            } else if !config.trunk {
                throw .value("a trunk needs its VLANs: vlans=LIST", hint: "port set \(port) mode=trunk vlans=10,20", at: "mode")
            }
            if let native { config.native = try checkVLAN(native, at: "native") }
        } else {
            if vlans != nil || native != nil {
                throw .value("an access port takes vlan=, not \(vlans != nil ? "vlans" : "native")=", hint: "port set \(port) mode=access vlan=10",
                             at: vlans != nil ? "vlans" : "native")
            }
            if let vlan { config.vlan = try checkVLAN(vlan, at: "vlan") }
            config.vlans = []
            config.native = nil
        }
        config.trunk = trunkMode
        if let hairpin { config.hairpin = hairpin }
        bridges[owner]!.configs[number] = config
        network.reindex(owner)
    }

    /// `vswitch add NAME on=HOST [uplink=eth0] [mode=veb|vepa]`.
    public mutating func addVSwitch(_ name: String, on host: String, uplink: String, mode: VSwitchMode) throws(CoreError) {
        try registry.checkFree(name, for: .vswitch)
        _ = try existingHost(host, at: "on")
        let nic = uplink.hasPrefix(host + ".") ? uplink : "\(host).\(uplink)"
        guard kind(of: nic) == .nic else {
            throw CoreError.unknown(.nic, nic, among: children(of: host).filter { kind(of: $0) == .nic }, at: "uplink")
        }
        if let other = network.attachment(nic) {
            throw .state("\(nic) is already the uplink of \(other)", hint: "give the vSwitch another NIC of \(host): uplink=eth1", at: "uplink")
        }
        registry.insert(name, as: .vswitch)
        bridges[name] = Bridge(name: name, ports: 0, host: host, uplink: nic, mode: mode)
        network.reindex(name)
    }

    /// `nic attach VM to=VSWITCH [vlan=V] [ip=ADDR/PREFIX] [mac=MAC]`: the VM's next
    /// vNIC (`VM.eth0`, `VM.eth1`, …); returns its name.
    @discardableResult
    public mutating func attachNIC(vm name: String, to vswitch: String? = nil, vf nic: String? = nil, vlan: Int?, ip: String?,
                                   mac: String?) throws(CoreError) -> String {
        if let nic { return try attachVF(vm: name, nic: nic, vlan: vlan, ip: ip, mac: mac) }
        return try attachNIC(vm: name, to: vswitch ?? "", vlan: vlan, ip: ip, mac: mac, allowEmbedded: false)
    }

    mutating func attachNIC(vm name: String, to vswitch: String, vlan: Int?, ip: String?, mac: String?,
                                    allowEmbedded: Bool) throws(CoreError) -> String {
        let vm = try existingVM(name, at: "vm")
        guard let bridge = bridges[vswitch], bridge.isVSwitch || allowEmbedded && bridge.vfs != nil else {
            throw CoreError.unknown(.vswitch, vswitch, among: names(ofKind: .vswitch), at: "to")
        }
        guard let host = vm.host else {
            throw .state("VM '\(name)' is on no host yet", hint: "give it a host first: vm set \(name) host=\(bridge.host!)", at: "vm")
        }
        guard host == bridge.host else {
            throw .state("\(vswitch) is a vSwitch of \(bridge.host!), and \(name) runs on \(host)",
                         hint: "attach it to a vSwitch of \(host)\(vswitchNames(on: host).first.map { ": to=\($0)" } ?? " (vswitch add … on=\(host))")", at: "to")
        }
        let tag = try vlan.map { v throws(CoreError) in try checkVLAN(v, at: "vlan") }
        let address = try ip.map { text throws(CoreError) in try parseCIDR(text) }
        let address_mac: MAC
        if let mac {
            guard let parsed = MAC(parsing: mac), parsed.value != 0, parsed.bytes[0] & 1 == 0 else {
                throw .value("'\(mac)' is not a unicast MAC address", hint: "six hex bytes with colons, the first even: 52:54:00:12:34:56", at: "mac")
            }
            if let owner = vnics.values.first(where: { $0.mac == parsed }) {
                throw .state("\(parsed) is already the MAC of \(owner.name)", at: "mac")
            }
            address_mac = parsed
        } else {
            var counter = network.nextMAC
            while vnics.values.contains(where: { $0.mac.value == MAC.kvmPrefix | counter }) { counter += 1 }
            guard counter < 1 << 24 else { throw .state("the 52:54:00 counter ran out since reset", hint: "give mac= explicitly", at: "mac") }
            address_mac = MAC(MAC.kvmPrefix | counter)
            network.nextMAC = counter + 1
        }
        let taken = Set(registry.children(of: name))
        let nicName = (0...).lazy.map { "\(name).eth\($0)" }.first { !taken.contains($0) }!
        registry.insert(nicName, as: .vnic)
        vnics[nicName] = VNIC(name: nicName, vm: name, vswitch: vswitch, mac: address_mac, vlan: tag,
                              ip: address?.ip, prefix: address?.prefix ?? 24)
        bridges[vswitch]!.attached.append(nicName)
        network.reindex(vswitch)
        return nicName
    }

    /// `nic detach VM.ethN`.
    public mutating func detachNIC(_ name: String) throws(CoreError) {
        guard vnics[name] != nil else { throw CoreError.unknown(.vnic, name, among: Array(vnics.keys), at: "nic") }
        unplug(name)
        vnics.removeValue(forKey: name)
        network.points.clearCapture(name)
        registry.remove(name)
    }

    /// Takes a vNIC off its vSwitch, forgetting what the vSwitch learned on it.
    mutating func unplug(_ nic: String) {
        let vswitch = vnics[nic]!.vswitch
        bridges[vswitch]!.attached.removeAll { $0 == nic }
        bridges[vswitch]!.table = bridges[vswitch]!.table.filter { $0.value.port != nic }
        network.reindex(vswitch)
    }

    /// The removal hook: a destroyed VM's vNICs, a removed host's vSwitches and cables.
    mutating func forgetNetwork(of name: String) {
        for nic in vnics.values where nic.vm == name {
            unplug(nic.name)
            vnics.removeValue(forKey: nic.name)
            network.points.clearCapture(nic.name)
        }
        let gone = vswitchNames(on: name) + children(of: name).filter { kind(of: $0) == .nic && bridges[$0] != nil }
        for bridge in gone {
            bridges.removeValue(forKey: bridge)
            registry.remove(bridge)
        }
        for nic in children(of: name) where kind(of: nic) == .nic {
            network.points.clearCapture(nic)
            if let peer = network.links.removeValue(forKey: nic) {
                network.links.removeValue(forKey: peer)
                network.points.peer[network.points.id(nic)] = -1
                network.points.peer[network.points.id(peer)] = -1
            }
        }
        network.reindexAll()
    }

    /// `show mac-table SW`: its fresh entries by VLAN and MAC.
    public func macTable(_ name: String) throws(CoreError) -> [MACTableEntry] {
        guard let bridge = bridges[name] else {
            throw CoreError.unknown(.networkSwitch, name, among: Array(bridges.keys), at: "switch")
        }
        if bridge.isExtender, let top = network.controller(of: name) {
            throw .state("\(name) is a port extender: it learns nothing, \(top) decides for its ports", hint: "show mac-table \(top)", at: "switch")
        }
        return bridge.table.filter { clock - $0.value.time < World.macAgeing }
            .sorted { $0.key < $1.key }
            .map { key, entry in
                let vlan = key >> 48
                return MACTableEntry(vlan: vlan == 0 ? nil : vlan, mac: MAC(UInt64(key & 0xffff_ffff_ffff)),
                                     port: entry.port, age: clock - entry.time)
            }
    }

    public func switchInfo(_ name: String) throws(CoreError) -> SwitchInfo {
        guard let bridge = bridges[name], bridge.isSwitch else {
            throw CoreError.unknown(.networkSwitch, name, among: names(ofKind: .networkSwitch), at: "name")
        }
        return SwitchInfo(name: name, ports: bridge.ports, cabled: bridge.indexed, vlans: bridge.flood.keys.map(Int.init).sorted(),
                          macs: try macTable(name).count)
    }

    public func portInfo(_ name: String) throws(CoreError) -> PortInfo {
        guard kind(of: name) == .port, let owner = NameRegistry.owner(of: name), let bridge = bridges[owner] else {
            throw CoreError.unknown(.port, name, among: names(ofKind: .port), at: "name")
        }
        return PortInfo(name: name, owner: owner, config: network.config(of: name, in: bridge), peer: network.links[name],
                        ecid: network.ecid(of: name), bridge: network.controller(of: owner))
    }

    public func vswitchInfo(_ name: String) throws(CoreError) -> VSwitchInfo {
        guard let bridge = bridges[name], let host = bridge.host, bridge.isVSwitch else {
            throw CoreError.unknown(.vswitch, name, among: names(ofKind: .vswitch), at: "name")
        }
        return VSwitchInfo(name: name, host: host, uplink: bridge.uplink, mode: bridge.mode, nics: bridge.attached,
                           peer: bridge.uplink.flatMap { network.links[$0] }, macs: try macTable(name).count)
    }

    public func vnicInfo(_ name: String) throws(CoreError) -> VNICInfo {
        guard let nic = vnics[name] else { throw CoreError.unknown(.vnic, name, among: Array(vnics.keys), at: "name") }
        return VNICInfo(name: name, vm: nic.vm, vswitch: nic.vswitch, mac: nic.mac, vlan: nic.vlan.map(Int.init),
                        ip: nic.ip.map { "\($0)/\(nic.prefix)" }, vf: nic.vf)
    }

    /// The bridge a port, uplink NIC or vNIC belongs to.
    func bridgeOf(port: String) -> String? {
        if let bridge = network.attachment(port) { return bridge }
        guard let owner = NameRegistry.owner(of: port), bridges[owner]?.isPhysical == true else { return nil }
        return owner
    }

    /// A host's vSwitches, in creation order.
    func vswitchNames(on host: String) -> [String] {
        bridges.values.filter { $0.host == host && $0.isVSwitch }.map(\.name)
    }

    /// A VLAN ID 1–4094 (802.1Q reserves 0 and 4095).
    func checkVLAN(_ vlan: Int, at parameter: String) throws(CoreError) -> UInt16 {
        guard (1...4094).contains(vlan) else {
            throw .value("VLAN \(vlan) is out of range: VLAN IDs are 1 to 4094",
                         hint: "802.1Q's 12-bit ID reserves 0 (priority tag) and 4095", at: parameter)
        }
        return UInt16(vlan)
    }

    /// `10.0.0.1/24` (the prefix defaults to 24).
    func parseCIDR(_ text: String) throws(CoreError) -> (ip: IPv4, prefix: Int) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count <= 2, let ip = IPv4(parsing: String(parts[0])) else {
            throw .value("'\(text)' is not an IPv4 address", hint: "write ADDR/PREFIX, as 10.0.0.1/24", at: "ip")
        }
        guard parts.count == 2 else { return (ip, 24) }
        guard let prefix = Int(parts[1]), (1...32).contains(prefix) else {
            throw .value("'\(parts[1])' is not a prefix length: it is 1 to 32", hint: "10.0.0.1/24", at: "ip")
        }
        return (ip, prefix)
    }
}
