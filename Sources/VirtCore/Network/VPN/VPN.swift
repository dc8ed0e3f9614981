/// A VPN gateway's side (a gateway is a router with ports NAME.1 inside and NAME.2
/// outside): the network it fronts, its public address, connected clients and
/// site-to-site tunnels.
struct VPNGateway: Codable, Equatable, Sendable {
    var network: CIDR
    var publicIP: IPv4
    var sessions: [VPNSession] = []
    /// Peer gateways, in the order the tunnels were added.
    var tunnels: [String] = []
}

/// A remote-access client connected through a gateway: the address it has inside.
struct VPNSession: Codable, Equatable, Sendable {
    var client: String
    var user: String
    var ip: IPv4
    /// The client's outer (public) address.
    var outer: IPv4
    var nic: String
}

/// A VPN user: a shared secret and the subnets it is authorized for.
struct VPNUser: Codable, Equatable, Sendable {
    var name: String
    var secret: String
    /// Empty: every network of the gateway it connects to.
    var allow: [CIDR]
}

/// What `vpn connect` and `vpn gateway info` return.
public struct VPNSessionInfo: Sendable {
    public var client: String
    public var gateway: String
    public var user: String
    public var address: String
    public var allow: [String]
}

public struct VPNGatewayInfo: Sendable {
    public var name: String
    public var network: String
    public var inside: String
    public var publicIP: String
    public var clients: [String]
    public var tunnels: [String]
}

/// CORE.md 3, "VPN": gateways, users, remote access (authentication, then
/// authorization), site-to-site tunnels (IPsec tunnel mode: a new outer IP header).
extension World {
    /// `vpn gateway add NAME network=CIDR [ip=ADDR] [vlan=V] [public=ADDR]`.
    public mutating func addVPNGateway(_ name: String, network text: String, ip: String?, vlan: Int?, publicIP: String?) throws(CoreError) {
        try registry.checkFree(name, for: .vpnGateway)
        let network = try parseNetwork(text, at: "network")
        guard network.prefix >= 8, network.prefix <= 30 else {
            throw .value("a gateway's network is /8 to /30, not /\(network.prefix)", hint: "network=10.1.0.0/24", at: "network")
        }
        let inside: IPv4
        if let ip {
            guard let address = IPv4(parsing: ip) else { throw .value("'\(ip)' is not an IPv4 address", at: "ip") }
            guard network.contains(address) else {
                throw .value("\(address) is outside the gateway's network \(network)", hint: "an address inside it, as \(IPv4(network.ip.value + 1))", at: "ip")
            }
            try checkHostAddress(address, prefix: network.prefix)
            inside = address
        } else {
            inside = IPv4(network.ip.value | ~CIDR.mask(network.prefix) - 1)
        }
        let tag = try vlan.map { v throws(CoreError) in try checkVLAN(v, at: "vlan") }
        let outside: IPv4
        if let publicIP {
            guard let address = IPv4(parsing: publicIP) else { throw .value("'\(publicIP)' is not an IPv4 address", at: "public") }
            outside = address
        } else {
            // TEST-NET-3 (RFC 5737), the addresses documentation uses for the public side.
            var candidate = IPv4(parsing: "203.0.113.1")!.value
            while routers.values.contains(where: { $0.vpn?.publicIP.value == candidate }) { candidate += 1 }
            outside = IPv4(candidate)
        }
        if let other = routers.values.first(where: { $0.vpn?.publicIP == outside }) {
            throw .state("\(outside) is already \(other.name)'s public address", at: "public")
        }
        registry.insert(name, as: .vpnGateway)
        var router = Router(name: name, ports: 2, vpn: VPNGateway(network: network, publicIP: outside))
        router.interfaces = [RouterInterface(port: "\(name).1", vlan: tag, ip: inside, prefix: network.prefix, mac: takeRouterMAC())]
        routers[name] = router
    }

    /// `vpn user add NAME secret=S [allow=SUBNETS]`.
    public mutating func addVPNUser(_ name: String, secret: String, allow: [String]) throws(CoreError) {
        try registry.checkFree(name, for: .vpnUser)
        guard !secret.isEmpty else { throw .value("a VPN user needs a secret", hint: "secret=s3cret", at: "secret") }
        let networks = try allow.map { s throws(CoreError) in try parseNetwork(s, at: "allow") }
        registry.insert(name, as: .vpnUser)
        cloudNetwork.vpnUsers[name] = VPNUser(name: name, secret: secret, allow: networks)
    }

    /// `vpn connect CLIENT gw=GW user=U secret=S`: authenticates the user, then gives the
    /// client an address inside the gateway's network (from the top down).
    @discardableResult
    public mutating func connectVPN(client: String, gateway: String, user: String, secret: String) throws(CoreError) -> VPNSessionInfo {
        _ = try existingVM(client, at: "client")
        let gw = try existingGateway(gateway, at: "gw")
        guard let account = cloudNetwork.vpnUsers[user] else {
            throw CoreError.unknown(.vpnUser, user, among: names(ofKind: .vpnUser), at: "user")
        }
        guard account.secret == secret else {
            throw .state("authentication failed: wrong secret for VPN user \(user) at \(gateway)", hint: "the secret given at vpn user add \(user)", at: "secret")
        }
        guard let nic = registry.children(of: client).compactMap({ vnics[$0] }).first(where: { $0.ip != nil }) else {
            throw .state("\(client) has no NIC with an address to reach \(gateway)'s public address from", hint: "nic attach \(client) to=VSWITCH ip=198.51.100.10/24", at: "client")
        }
        var vpn = gw.vpn!
        vpn.sessions.removeAll { $0.client == client }
        let used = Set(vnics.values.compactMap(\.ip?.value) + vpn.sessions.map(\.ip.value) + gw.interfaces.map(\.ip.value))
        let top = vpn.network.ip.value | ~CIDR.mask(vpn.network.prefix)
        guard let free = stride(from: top - 1, to: vpn.network.ip.value, by: -1).first(where: { !used.contains($0) }) else {
            throw .state("\(gateway)'s network \(vpn.network) has no free address for another client", at: "gw")
        }
        vpn.sessions.append(VPNSession(client: client, user: user, ip: IPv4(free), outer: nic.ip!, nic: nic.name))
        routers[gateway]!.vpn = vpn
        return VPNSessionInfo(client: client, gateway: gateway, user: user, address: "\(IPv4(free))/\(vpn.network.prefix)",
                              allow: allowed(account, vpn).map(\.description))
    }

    /// `vpn tunnel add GW1 GW2`: a site-to-site tunnel. Gateways fronting the same network
    /// extend it (frames cross); different networks are routed through it.
    public mutating func addVPNTunnel(_ a: String, _ b: String) throws(CoreError) {
        _ = try existingGateway(a, at: "gw1")
        _ = try existingGateway(b, at: "gw2")
        guard a != b else { throw .value("a tunnel joins two gateways, not \(a) to itself", at: "gw2") }
        guard !routers[a]!.vpn!.tunnels.contains(b) else { throw .state("\(a) and \(b) already have a tunnel", at: "gw2") }
        routers[a]!.vpn!.tunnels.append(b)
        routers[b]!.vpn!.tunnels.append(a)
    }

    public func vpnGatewayInfo(_ name: String) throws(CoreError) -> VPNGatewayInfo {
        let gw = try existingGateway(name)
        let vpn = gw.vpn!, inside = gw.interfaces[0]
        return VPNGatewayInfo(name: name, network: vpn.network.description, inside: "\(inside.ip)/\(inside.prefix) on \(inside.port)",
                              publicIP: vpn.publicIP.description, clients: vpn.sessions.map { "\($0.client) \($0.ip) (\($0.user))" },
                              tunnels: vpn.tunnels)
    }

    func existingGateway(_ name: String, at parameter: String = "name") throws(CoreError) -> Router {
        guard let gw = routers[name], gw.vpn != nil else {
            throw CoreError.unknown(.vpnGateway, name, among: names(ofKind: .vpnGateway), at: parameter)
        }
        return gw
    }

    /// The networks a user may reach through a gateway: its allow-list, else the gateway's network.
    func allowed(_ user: VPNUser, _ vpn: VPNGateway) -> [CIDR] { user.allow.isEmpty ? [vpn.network] : user.allow }

    /// An ESP packet (IPsec tunnel mode) carrying `inner`, as captured on the outside.
    func espFrame(_ inner: Frame, from src: IPv4, to dst: IPv4) -> Frame {
        let bytes = (inner.length + 2 + 3) / 4 * 4 + 8 + 16
        return Frame(time: inner.time, src: vtepMAC(src), dst: vtepMAC(dst),
                     payload: .esp(src: src, dst: dst, spi: 0x1000 + src.value % 0x1000, seq: UInt32(truncatingIfNeeded: network.nextSequence), bytes: bytes))
    }
}

extension World {
    /// `vpnuser info NAME`: its allow-list (never its secret).
    public func vpnUserInfo(_ name: String) throws(CoreError) -> (name: String, allow: [String]) {
        guard let user = cloudNetwork.vpnUsers[name] else { throw CoreError.unknown(.vpnUser, name, among: names(ofKind: .vpnUser), at: "name") }
        return (name, user.allow.map(\.description))
    }
}
