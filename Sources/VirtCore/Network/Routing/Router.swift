/// A router (or a VPN gateway, which is a router with a VPN side): ports
/// `NAME.1…NAME.N` cabled with `link`, sub-interfaces per VLAN (the VMs'
/// gateways), inbound ACLs per VLAN, and its ARP cache.
struct Router: Codable, Equatable, Sendable {
    var name: String
    var ports: Int
    var interfaces: [RouterInterface] = []
    /// Inbound ACL lines per VLAN (0: an untagged interface), in order.
    var acls: [Int: [ACLLine]] = [:]
    /// Resolved neighbours, by IPv4 address.
    var arp: [Int: ARPEntry] = [:]
    /// A VPN gateway's side: its network, public address, sessions and tunnels.
    var vpn: VPNGateway?
}

/// A sub-interface: one VLAN on one port, with an address in that VLAN's subnet.
struct RouterInterface: Codable, Equatable, Sendable {
    var port: String
    /// Its VLAN; nil: untagged (whatever VLAN the cabled port puts untagged frames in).
    var vlan: UInt16?
    var ip: IPv4
    var prefix: Int
    var mac: MAC

    func contains(_ address: IPv4) -> Bool { address.sameNetwork(as: ip, prefix: prefix) }
    var network: String { "\(IPv4(ip.value & CIDR.mask(prefix)))/\(prefix)" }
    var aclKey: Int { Int(vlan ?? 0) }
}

/// An IPv4 network, ADDR/PREFIX (an ACL's src= or dst=, a VPN user's allow=).
public struct CIDR: Codable, Equatable, Sendable, CustomStringConvertible {
    public var ip: IPv4
    public var prefix: Int
    public func contains(_ address: IPv4) -> Bool { prefix == 0 || address.sameNetwork(as: ip, prefix: prefix) }
    public var description: String { "\(IPv4(ip.value & CIDR.mask(prefix)))/\(prefix)" }
    static func mask(_ prefix: Int) -> UInt32 { prefix == 0 ? 0 : ~UInt32(0) << UInt32(32 - prefix) }

    /// Reads `10.0.0.0/24`, a bare address (/32) or `any` (/0); nil for anything else.
    public init?(parsing text: String) {
        if text == "any" { self.init(ip: IPv4(0), prefix: 0); return }
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count <= 2, let ip = IPv4(parsing: String(parts[0])) else { return nil }
        guard parts.count == 2 else { self.init(ip: ip, prefix: 32); return }
        guard let prefix = Int(parts[1]), (0...32).contains(prefix) else { return nil }
        self.init(ip: ip, prefix: prefix)
    }

    init(ip: IPv4, prefix: Int) {
        self.ip = IPv4(ip.value & CIDR.mask(prefix))
        self.prefix = prefix
    }
}

/// What an ACL line matches on: the IP protocol.
public enum ACLProtocol: String, Codable, Sendable, CaseIterable {
    case any, icmp, tcp, udp
}

/// `acl add … action=permit|deny`.
public enum ACLAction: String, Codable, Sendable, CaseIterable {
    case permit, deny
}

/// One line of an inbound ACL.
public struct ACLLine: Codable, Equatable, Sendable {
    public var action: ACLAction
    public var src: CIDR?
    public var dst: CIDR?
    public var proto: ACLProtocol

    func matches(src s: IPv4, dst d: IPv4, proto p: ACLProtocol) -> Bool {
        (src?.contains(s) ?? true) && (dst?.contains(d) ?? true) && (proto == .any || proto == p)
    }

    /// `deny icmp 10.0.10.0/24 → any`.
    public var text: String { "\(action.rawValue) \(proto.rawValue) \(src?.description ?? "any") → \(dst?.description ?? "any")" }
}

/// What `router info` returns.
public struct RouterInfo: Sendable {
    public var name: String
    public var ports: [String]
    /// `vlan 10 10.0.10.1/24 on r1.1 (mac 02:00:00:00:00:01)`.
    public var interfaces: [String]
    /// `vlan 10 line 1: permit icmp 10.0.10.0/24 → 10.0.20.0/24`.
    public var acls: [String]
    public var peers: [String]
}
