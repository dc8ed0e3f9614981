import OrderedCollections

/// The network part of the world (CORE.md section 3): physical switches and
/// their ports, cables, vSwitches on hosts, VMs' vNICs, MAC tables, ARP caches
/// and what every port and NIC captured. Its operations are `World` extensions
/// in this folder; hosts and VMs are reached through the server part's operations.
public struct NetworkPart: Equatable, Sendable {
    /// Physical switches and vSwitches, in creation order.
    var bridges: OrderedDictionary<String, Bridge> = [:]
    var vnics: OrderedDictionary<String, VNIC> = [:]
    /// Cables, both ways: `pm1.eth0` → `sw1.1` and `sw1.1` → `pm1.eth0`.
    var links: [String: String] = [:]
    /// Every port, NIC and vNIC by id, with the frames each saw.
    var points = Points()
    /// The counter after `52:54:00:` of the next vNIC's MAC (since `reset`).
    var nextMAC: UInt64 = 1
    /// The next ICMP echo sequence number.
    var nextSequence = 1

    /// Frames each port or NIC saw, by name (the ones that saw any).
    var captures: [String: CaptureBuffer] { points.capturesByName }

    /// The bridge a port, uplink NIC or vNIC is indexed in, if any.
    func attachment(_ point: String) -> String? {
        guard let id = points.ids[point], points.bridge[id] >= 0 else { return nil }
        return bridges.keys[points.bridge[id]]
    }

    /// Equal when the saved state is (point ids depend on the order names were first used).
    public static func == (a: NetworkPart, b: NetworkPart) -> Bool {
        a.bridges == b.bridges && a.vnics == b.vnics && a.links == b.links && a.nextMAC == b.nextMAC
            && a.nextSequence == b.nextSequence && a.captures == b.captures
    }
}

/// The network part's kinds of object.
extension ObjectKind {
    public static let networkSwitch = ObjectKind("switch")
    /// A switch port, derived from its switch's port count: `sw1.3`.
    public static let port = ObjectKind("port", noun: "switch port", ownedBy: .networkSwitch, derived: true)
    public static let vswitch = ObjectKind("vswitch", noun: "vSwitch")
    /// A VM's virtual NIC, created by `nic attach`: `web1.eth0`.
    public static let vnic = ObjectKind("vnic", noun: "vNIC", ownedBy: .vm)
    /// An SR-IOV virtual function of a host NIC, derived from `sriov enable … vfs=N`: `pm1.eth1.vf0`.
    public static let vf = ObjectKind("vf", noun: "virtual function", ownedBy: .nic, derived: true)
}

/// The part's storage as the network operations use it.
extension World {
    var bridges: OrderedDictionary<String, Bridge> {
        get { network.bridges }
        _modify { yield &network.bridges }
    }
    var vnics: OrderedDictionary<String, VNIC> {
        get { network.vnics }
        _modify { yield &network.vnics }
    }
}

extension NetworkPart {
    /// The network part's entry in `World.parts`.
    static let descriptor = PartDescriptor(
        name: "network",
        kinds: [.networkSwitch, .port, .vswitch, .vnic, .vf, .controllingBridge, .portExtender],
        migrationChecks: World.networkMigrationChecks,
        migrationHooks: [{ world, request in world.moveNICs(of: request.vm.name, to: request.destination.name) }],
        restartChecks: World.networkMigrationChecks,
        derivedChildren: { world, owner in
            guard let bridge = world.bridges[owner] else { return [] }
            if let vfs = bridge.vfs { return (0..<vfs).map { ("\(owner).vf\($0)", .vf) } }
            guard bridge.isPhysical else { return [] }
            return (1...max(1, bridge.ports)).map { ("\(owner).\($0)", .port) } + (bridge.isExtender ? [(bridge.uplink!, .port)] : [])
        },
        removed: { world, name in world.forgetNetwork(of: name) },
        checkInvariants: { world throws(CoreError) in try world.checkNetworkInvariants() })
}

extension NetworkPart: Codable {
    private enum CodingKeys: String, CodingKey { case bridges, vnics, links, captures, nextMAC, nextSequence }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        bridges = try c.decode(OrderedDictionary<String, Bridge>.self, forKey: .bridges)
        vnics = try c.decode(OrderedDictionary<String, VNIC>.self, forKey: .vnics)
        links = try c.decode([String: String].self, forKey: .links)
        for (name, buffer) in try c.decode([String: CaptureBuffer].self, forKey: .captures).sorted(by: { $0.key < $1.key }) {
            points.captures[points.id(name)] = buffer
        }
        nextMAC = try c.decode(UInt64.self, forKey: .nextMAC)
        nextSequence = try c.decode(Int.self, forKey: .nextSequence)
        for end in links.keys.sorted() { points.peer[points.id(end)] = points.id(links[end]!) }
        reindexAll()
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(bridges, forKey: .bridges)
        try c.encode(vnics, forKey: .vnics)
        try c.encode(links, forKey: .links)
        try c.encode(captures, forKey: .captures)
        try c.encode(nextMAC, forKey: .nextMAC)
        try c.encode(nextSequence, forKey: .nextSequence)
    }
}
