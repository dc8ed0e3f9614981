import VirtCore
import VirtLang

/// `vpn gateway add|info|list`, `vpn user add`, `vpn connect`, `vpn tunnel add`: CORE.md 3, "VPN".
enum NetworkVPN {
    static let all: [CommandSpec] = [gatewayAdd, gatewayInfo, gatewayList, userAdd, connect, tunnel]

    static let ipsec = """
        A VPN gateway has two ports: NAME.1 inside (cable it to the enterprise network; its interface has an
        address in the network it fronts) and NAME.2 outside, toward the internet, which the model does not
        draw: what crosses it is captured on NAME.2 (and on a client's NIC) as ESP, IPsec tunnel mode (RFC 4301,
        4303): a new outer IP header between public addresses, and ciphertext nobody on the path can read.
        Remote access: vpn connect authenticates a user by its secret, then authorizes only the subnets of its
        allow-list; the client gets an address inside the network (from the top down) and behaves as if it were
        there. Site to site: vpn tunnel add joins two gateways; if they front the same network, it is extended
        (frames cross the tunnel: a VM keeps its address at the other site), otherwise packets for the other
        network are routed through it.
        """

    static let gatewayAdd = CommandSpec(
        "vpn gateway add", summary: "Add a VPN gateway fronting a network (ports NAME.1 inside, NAME.2 outside)",
        example: "vpn gateway add gw9 network=10.8.0.0/24 vlan=10",
        params: [.positional("name", .text, "the new gateway's name"),
                 .option("network", .text, "the network it fronts, ADDR/PREFIX", required: true),
                 .option("ip", .text, "its inside address (default the network's last)"),
                 .option("vlan", .integer, "its inside interface's VLAN (default untagged)"),
                 .option("public", .text, "its public address (default 203.0.113.1, .2, …: RFC 5737's documentation range)")],
        mutates: true, details: ipsec
    ) { call in
        try call.change { (w: inout World) throws(CoreError) in
            try w.addVPNGateway(call.text("name")!, network: call.text("network")!, ip: call.text("ip"), vlan: call.int("vlan"), publicIP: call.text("public"))
        }
        return .none
    }

    static let gatewayInfo = query("vpn gateway info", "A VPN gateway's record: network, addresses, clients, tunnels",
                                   example: "vpn gateway info gw1", kind: .object(.vpnGateway), details: NetworkCloudRecords.gateway.help) { w, name throws(CoreError) in
        NetworkCloudRecords.gateway.record(try w.vpnGatewayInfo(name))
    }

    static let gatewayList = CommandSpec("vpn gateway list", summary: "Every VPN gateway's record, in creation order", example: "vpn gateway list",
                                         details: NetworkCloudRecords.gateway.help) { call in
        .list(try call.read { (w: World) throws(CoreError) in
            try w.names(ofKind: .vpnGateway).map { name throws(CoreError) in .record(NetworkCloudRecords.gateway.record(try w.vpnGatewayInfo(name))) }
        })
    }

    static let userAdd = CommandSpec(
        "vpn user add", summary: "Add a VPN user with a secret and the subnets it is authorized for",
        example: "vpn user add bob secret=hunter2 allow=10.0.10.0/24",
        params: [.positional("name", .text, "the new user's name"),
                 .option("secret", .text, "its shared secret", required: true),
                 .option("allow", .list(.text), "subnets it may reach, as 10.0.10.0/24,10.0.20.0/24 (default the gateway's network)")],
        mutates: true, details: ipsec
    ) { call in
        let allow = try call.list("allow")?.map { value -> String in
            guard case .string(let s) = value else { throw call.error(.type, "allow needs networks, as 10.0.10.0/24", at: "allow") }
            return s
        } ?? []
        try call.change { (w: inout World) throws(CoreError) in try w.addVPNUser(call.text("name")!, secret: call.text("secret")!, allow: allow) }
        return .none
    }

    static let connect = CommandSpec(
        "vpn connect", summary: "Connect a VM to a VPN gateway as a user: authentication, then authorization",
        example: "vpn connect laptop gw=gw1 user=alice secret=s3cret",
        params: [.positional("client", .vm, "the VM connecting (it needs a NIC with an address)"),
                 .option("gw", .object(.vpnGateway), "the gateway", required: true),
                 .option("user", .text, "the user", required: true),
                 .option("secret", .text, "its secret", required: true)],
        mutates: true, details: NetworkCloudRecords.session.help + "\n" + ipsec
    ) { call in
        .record(NetworkCloudRecords.session.record(try call.change { (w: inout World) throws(CoreError) in
            try w.connectVPN(client: call.text("client")!, gateway: call.text("gw")!, user: call.text("user")!, secret: call.text("secret")!)
        }))
    }

    static let tunnel = CommandSpec(
        "vpn tunnel add", summary: "Join two VPN gateways by a site-to-site tunnel (IPsec tunnel mode)",
        example: "vpn tunnel add gw1 gw2",
        params: [.positional("gw1", .object(.vpnGateway), "one gateway"), .positional("gw2", .object(.vpnGateway), "the other")],
        mutates: true, details: ipsec
    ) { call in
        try call.change { (w: inout World) throws(CoreError) in try w.addVPNTunnel(call.text("gw1")!, call.text("gw2")!) }
        return .none
    }
}
