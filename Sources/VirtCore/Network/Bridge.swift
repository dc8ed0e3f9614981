/// A learning bridge: a physical switch with ports `SW.1…SW.N`, or a vSwitch on a
/// host whose ports are its VMs' vNICs and its uplink (a NIC of the host); or, in
/// IEEE 802.1BR, a controlling bridge or one of its port extenders (`role`).
struct Bridge: Codable, Equatable, Sendable {
    var name: String
    /// Physical ports (`switch add ports=N`); 0 for a vSwitch.
    var ports: Int
    /// The host of a vSwitch; nil for a physical switch.
    var host: String?
    /// A vSwitch's uplink, a NIC of its host (`pm1.eth0`); a port extender's upstream port (`pe1.up`).
    var uplink: String?
    var mode: VSwitchMode = .veb
    /// An SR-IOV NIC's embedded switch (named by its NIC): its virtual functions and their cap.
    var vfs: Int?
    var vfLimit: Int?
    /// 802.1BR: a controlling bridge or a port extender; nil for every other bridge.
    var role: BridgeRole?
    /// Configured physical ports by number; the others are access ports in VLAN 1.
    var configs: [Int: PortConfig] = [:]
    /// A vSwitch's vNICs, in attach order.
    var attached: [String] = []
    /// Learned addresses, keyed by `MACEntry.key(vlan:mac:)`.
    var table: [Int: MACEntry] = [:]

    /// Derived (not saved): the ports (point ids) carrying each VLAN, and the ports carrying
    /// every VLAN (a vSwitch's uplink), so flooding reads one list and never scans every port;
    /// the cabled ports (and a vSwitch's uplink and vNICs) by name, in port order.
    var flood: [UInt16: [Int]] = [:]
    var everyVLAN: [Int] = []
    var indexed: [String] = []
    /// A vSwitch's uplink (an extender's upstream port) as a point id, or -1.
    var uplinkPoint = -1
    /// An extender's position, then those of the extenders above it, up to its controlling bridge's (last).
    var chain: [Int] = []

    var isPhysical: Bool { host == nil }
    /// A physical switch (not an 802.1BR bridge or extender).
    var isSwitch: Bool { host == nil && role == nil }
    var isExtender: Bool { if case .extender = role { true } else { false } }
    /// A vSwitch in a hypervisor (not a physical switch, not a NIC's embedded switch).
    var isVSwitch: Bool { host != nil && vfs == nil }

    private enum CodingKeys: String, CodingKey { case name, ports, host, uplink, mode, vfs, vfLimit, role, configs, attached, table }

    /// Equal when the saved fields are (the derived index holds point ids).
    static func == (a: Bridge, b: Bridge) -> Bool {
        (a.name, a.ports, a.host, a.uplink, a.mode) == (b.name, b.ports, b.host, b.uplink, b.mode) && (a.vfs, a.vfLimit, a.role) == (b.vfs, b.vfLimit, b.role)
            && a.configs == b.configs && a.attached == b.attached && a.table == b.table
    }
}

/// A bridge's part in IEEE 802.1BR: a controlling bridge and its cascadable port
/// extenders form one logical bridge whose ports are the extenders' ports.
enum BridgeRole: Codable, Equatable, Sendable {
    /// Makes every forwarding decision for its own ports and its extenders' ports.
    case controlling
    /// Below `parent` (the controlling bridge or another extender); its port k has E-CID `ecid + k − 1`.
    case extender(parent: String, ecid: Int)
}

/// How a vSwitch treats frames between two of its VMs (IEEE 802.1Qbg).
public enum VSwitchMode: String, Codable, Sendable, CaseIterable {
    /// Virtual Ethernet Bridge: switches them itself.
    case veb
    /// Virtual Ethernet Port Aggregator: sends everything to the adjacent switch.
    case vepa
}

/// A learned address: the port it was learned on and when.
struct MACEntry: Codable, Equatable, Sendable {
    var port: String
    var time: Double
    static func key(vlan: UInt16, mac: MAC) -> Int { Int(vlan) << 48 | Int(mac.value) }
}

/// A port's VLAN configuration: access (one VLAN, untagged) or trunk (tagged VLANs,
/// the native one untagged). VLAN 0 is internal: a vSwitch's VMs without `vlan=`,
/// untagged on its uplink.
public struct PortConfig: Codable, Equatable, Sendable {
    public var trunk = false
    /// The access VLAN.
    public var vlan: UInt16 = 1
    /// A trunk's tagged VLANs, ascending.
    public var vlans: [UInt16] = []
    public var native: UInt16?
    /// Reflective relay: frames may leave by the port they came in.
    public var hairpin = false
    /// A vSwitch uplink: carries every VLAN, untagged as VLAN 0.
    var everyVLAN = false

    static let access1 = PortConfig()
    static let uplink = PortConfig(trunk: true, vlan: 0, native: 0, everyVLAN: true)
    static func access(_ vlan: UInt16) -> PortConfig { PortConfig(vlan: vlan) }

    /// True when frames of `vlan` may enter and leave by this port.
    func carries(_ vlan: UInt16) -> Bool {
        trunk ? everyVLAN || native == vlan || vlans.contains(vlan) : self.vlan == vlan
    }

    /// The VLAN a frame entering with `tag` belongs to, or why the port drops it.
    func classify(_ tag: UInt16?, port: String) -> Result<UInt16, Drop.Rule> {
        guard let tag else {
            if !trunk { return .success(vlan) }
            if let native { return .success(native) }
            return .failure(Drop.Rule("\(port) is a trunk without a native VLAN and drops untagged frames"))
        }
        if !trunk { return .failure(Drop.Rule("\(port) is an access port in VLAN \(vlan) and drops frames tagged \(tag)")) }
        return everyVLAN || vlans.contains(tag) || native == tag ? .success(tag)
                                                                  : .failure(Drop.Rule("\(port) does not carry VLAN \(tag)"))
    }

    /// The tag a frame of `vlan` leaves this port with (nil: untagged).
    func tag(for vlan: UInt16) -> UInt16? { !trunk || native == vlan ? nil : vlan }

    /// The VLANs the port carries (a vSwitch uplink: none listed).
    var carried: [UInt16] { trunk ? (vlans + (native.map { [$0] } ?? [])).sorted() : [vlan] }
}

/// A VM's virtual NIC on a vSwitch.
struct VNIC: Codable, Equatable, Sendable {
    var name: String
    var vm: String
    var vswitch: String
    var mac: MAC
    var vlan: UInt16?
    var ip: IPv4?
    var prefix: Int = 24
    /// The SR-IOV virtual function it uses (`pm1.eth1.vf0`), bypassing the vSwitch.
    var vf: String?
    /// The VM's ARP cache for this NIC, by IPv4 address.
    var arp: [Int: ARPEntry] = [:]
}

/// A resolved address in a VM's ARP cache.
struct ARPEntry: Codable, Equatable, Sendable {
    var mac: MAC
    var time: Double
}

extension NetworkPart {
    /// The configuration of one port of a bridge.
    func config(of port: String, in bridge: Bridge) -> PortConfig {
        if !bridge.isPhysical {
            return port == bridge.uplink ? .uplink : .access(vnics[port]?.vlan ?? 0)
        }
        // An extended port's configuration lives with its extender (the controlling bridge manages it there).
        guard let dot = port.lastIndex(of: "."), let number = Int(port[port.index(after: dot)...]),
              let configs = port[..<dot] == bridge.name ? bridge.configs : bridges[String(port[..<dot])]?.configs
        else { return .access1 }
        return configs[number] ?? .access1
    }

    /// Rebuilds a bridge's flooding index and which points belong to it (after `link`,
    /// `port set`, `nic attach` or `nic detach`): one bridge's ports, never the world's.
    mutating func reindex(_ name: String) {
        guard let b = bridges.index(forKey: name) else { return }
        var bridge = bridges.values[b]
        for port in bridge.indexed {
            let id = points.id(port)
            if points.bridge[id] == b { points.bridge[id] = -1 }
        }
        bridge.flood = [:]
        bridge.everyVLAN = []
        bridge.indexed = []
        bridge.uplinkPoint = bridge.uplink.map { points.id($0) } ?? -1
        bridge.chain = []
        var members: [String] = []
        if bridge.isPhysical {
            members = cabledPorts(of: bridge)
            if case .controlling = bridge.role {
                members += bridges.values.filter { controller(of: $0.name) == name }.flatMap(cabledPorts)
            }
        } else {
            members = (bridge.uplink.map { [$0] } ?? []) + bridge.attached
        }
        if case .extender = bridge.role {
            var at: String? = name
            while let above = at, let position = bridges.index(forKey: above) {
                bridge.chain.append(position)
                if case .extender(let parent, _) = bridges.values[position].role { at = parent } else { at = nil }
            }
        }
        for port in members {
            let id = points.id(port)
            let config = config(of: port, in: bridge)
            // An extended port belongs to its extender; its controlling bridge only floods to it.
            if bridge.role != .controlling || NameRegistry.owner(of: port) == name { points.bridge[id] = b }
            points.config[id] = config
            points.isVNIC[id] = vnics[port] != nil
            bridge.indexed.append(port)
            if bridge.isExtender {
                points.ecid[id] = UInt32(ecid(of: port) ?? 0)
                continue
            }
            if config.everyVLAN { bridge.everyVLAN.append(id); continue }
            for vlan in config.carried { bridge.flood[vlan, default: []].append(id) }
        }
        bridges.values[b] = bridge
        // The controlling bridge floods to and decides for its extenders' ports.
        if bridge.isExtender, let top = bridge.chain.last { reindex(bridges.keys[top]) }
    }

    /// A physical bridge's ports that have a cable, in port order.
    private func cabledPorts(of bridge: Bridge) -> [String] {
        (1...max(1, bridge.ports)).map { "\(bridge.name).\($0)" }.filter { links[$0] != nil }
    }

    /// The controlling bridge above an extender (nil for every other bridge).
    func controller(of name: String) -> String? {
        var at = name
        while case .extender(let parent, _)? = bridges[at]?.role { at = parent }
        return at == name ? nil : at
    }

    /// An extended port's E-CID: its extender's first plus its number − 1 (nil for other ports).
    func ecid(of port: String) -> Int? {
        guard let owner = NameRegistry.owner(of: port), case .extender(_, let first)? = bridges[owner]?.role,
              let number = Int(port.dropFirst(owner.count + 1)) else { return nil }
        return first + number - 1
    }

    /// Rebuilds every bridge's index (after a bridge was removed: the others' positions moved).
    mutating func reindexAll() {
        for id in points.bridge.indices { points.bridge[id] = -1 }
        for name in bridges.keys { reindex(name) }
    }
}
