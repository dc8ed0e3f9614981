import OrderedCollections

/// Part 2 of the network (CORE.md 3, "IP on top", "VPN", "Clouds"): routers and
/// their ACLs, VPN gateways, users and tunnels, tenants with their VLANs, VXLAN
/// overlays and the hosts' VTEPs, and long-running flows. Frames still cross the
/// network part's bridges; routers and gateways are devices whose ports are cabled
/// to them, and the forwarding engine hands them the frames they receive.
public struct CloudNetworkPart: Codable, Equatable, Sendable {
    /// Routers and VPN gateways (a gateway is a router with a VPN side), in creation order.
    var routers: OrderedDictionary<String, Router> = [:]
    var vpnUsers: OrderedDictionary<String, VPNUser> = [:]
    var tenants: OrderedDictionary<String, Tenant> = [:]
    var overlays: OrderedDictionary<String, Overlay> = [:]
    /// Underlay addresses given automatically to hosts without `ip=`, by host.
    var vteps: [String: IPv4] = [:]
    /// What each host's VTEP learned: the remote VTEP of an inner MAC, keyed by host,
    /// then by `MACEntry.key(vlan: segment, mac:)`.
    var vtepTables: [String: [Int: VTEPEntry]] = [:]
    /// Running flows, in start order.
    var flows: OrderedDictionary<Int, Flow> = [:]
    var nextFlow = 1
    /// The physical network's MTU in bytes (`net set mtu=`).
    var underlayMTU = CloudDefaults.underlayMTU
    /// The counter of routers' and gateways' interface MACs (02:00:00:…).
    var nextMAC: UInt64 = 1
}

/// A remote VTEP learned for an inner MAC, and when.
struct VTEPEntry: Codable, Equatable, Sendable {
    var ip: IPv4
    var time: Double
}

/// Defaults of part 2, each from a published source (`help sources`).
public enum CloudDefaults {
    /// Ethernet's MTU (IEEE 802.3): the largest IP packet a frame carries.
    public static let underlayMTU = 1500
    /// VXLAN's overhead on IPv4 (RFC 7348): outer Ethernet 14 + IP 20 + UDP 8 + VXLAN 8.
    public static let vxlanOverhead = 50
    /// VXLAN's UDP destination port (IANA, RFC 7348).
    public static let vxlanPort: UInt16 = 4789
    /// The inner MTU of an overlay unless set: 1500 − 50, as OpenStack Neutron gives VXLAN networks.
    public static let overlayMTU = 1450
    /// The largest VNI: 24 bits (RFC 7348).
    public static let maxVNI = (1 << 24) - 1
    /// The most overlays at once (a cap of the model: each gets an internal segment id).
    public static let maxOverlays = Int(UInt16.max) - 4095
    /// A router's forwarding latency per packet (estimate: hardware routers take a few µs).
    public static let routerLatency = 10e-6
    /// ESP's overhead in tunnel mode (RFC 4303, AES-GCM): outer IP 20 + ESP header 8 + IV 8 + trailer 2 + ICV 16, plus padding.
    public static let espOverhead = 54
}

/// The part's kinds of object.
extension ObjectKind {
    public static let router = ObjectKind("router")
    public static let vpnGateway = ObjectKind("vpngw", noun: "VPN gateway")
    public static let vpnUser = ObjectKind("vpnuser", noun: "VPN user")
    public static let tenant = ObjectKind("tenant")
    public static let overlay = ObjectKind("overlay", noun: "overlay network")
}

extension World {
    var routers: OrderedDictionary<String, Router> {
        get { cloudNetwork.routers }
        _modify { yield &cloudNetwork.routers }
    }
}

extension CloudNetworkPart {
    /// The part's entry in `World.parts`.
    static let descriptor = PartDescriptor(
        name: "cloudnet",
        kinds: [.router, .vpnGateway, .vpnUser, .tenant, .overlay],
        derivedChildren: { world, owner in
            guard let router = world.routers[owner] else { return [] }
            return (1...router.ports).map { ("\(owner).\($0)", .port) }
        },
        removed: { world, name in world.forgetCloudNetwork(of: name) },
        checkInvariants: { world throws(CoreError) in try world.checkCloudNetworkInvariants() })
}
