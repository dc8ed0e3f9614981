import VirtCore
import VirtLang

/// `router add|iface|info|list`, `acl add`: CORE.md 3, "IP on top".
enum NetworkRouting {
    static let all: [CommandSpec] = [add, iface] + records + [acl]

    static let add = CommandSpec(
        "router add", summary: "Add a router with ports NAME.1 … NAME.N (cable them with link, usually to a trunk)",
        example: "router add r9 ports=2",
        params: [.positional("name", .text, "the new router's name"),
                 .option("ports", .integer, "how many ports (1 to \(World.maxSwitchPorts))", default: .int(2))],
        mutates: true, details: routing
    ) { call in
        try call.change { (w: inout World) throws(CoreError) in try w.addRouter(call.text("name")!, ports: call.int("ports")!) }
        return .none
    }

    static let routing = """
        A router joins subnets: each sub-interface (router iface) sits in one VLAN on one port with an address, and
        VMs in that subnet use it as their gateway (ping sends packets for other subnets to it). It answers ARP for
        its interfaces, checks the inbound interface's ACL, sends each packet out the interface whose subnet holds
        the destination, to the MAC it finds by ARP, tagged with that interface's VLAN when the cabled port is a
        trunk. About 10 µs per packet (estimate).
        """

    static let iface = CommandSpec(
        "router iface", summary: "Give a router a sub-interface in a VLAN with an address: the gateway of that subnet",
        example: "router iface r1 vlan=30 ip=10.0.30.1/24",
        params: [.positional("router", .object(.router, .vpnGateway), "the router"),
                 .option("vlan", .integer, "the VLAN, 1–4094 (tagged on a trunk)", required: true),
                 .option("ip", .text, "its address, ADDR/PREFIX (prefix 24 when omitted)", required: true),
                 .option("port", .text, "the router's port (default NAME.1)")],
        mutates: true, details: routing
    ) { call in
        try call.change { (w: inout World) throws(CoreError) in
            try w.addRouterInterface(call.text("router")!, vlan: call.int("vlan")!, ip: call.text("ip")!, port: call.text("port"))
        }
        return .none
    }

    static let records = infoAndList(.router, "A router's record: ports, interfaces, ACL lines, cables", example: "router info r1",
                                     NetworkCloudRecords.router) { w, name throws(CoreError) in try w.routerInfo(name) }

    static let acl = CommandSpec(
        "acl add", summary: "Add a line to the inbound ACL of a router's VLAN interface (in order, first match wins)",
        example: "acl add r1 vlan=10 action=permit src=10.0.10.0/24 dst=10.0.20.0/24 proto=icmp",
        params: [.positional("router", .object(.router), "the router"),
                 .option("vlan", .integer, "the interface's VLAN", required: true),
                 .option("action", .choice(of: ACLAction.self), "permit or deny", required: true),
                 .option("src", .text, "source network ADDR/PREFIX, an address, or any (default any)"),
                 .option("dst", .text, "destination network (default any)"),
                 .option("proto", .choice(of: ACLProtocol.self), "icmp, tcp, udp or any", default: .string("any"))],
        mutates: true,
        details: """
            Packets coming in by that VLAN's interface are checked against its lines in order; the first line that
            matches decides. Once a VLAN has a list, a packet no line matches is dropped (the implicit deny at the
            end). ping and trace name the router and the line that decided. Returns the line's number.
            """
    ) { call in
        .int(try call.change { (w: inout World) throws(CoreError) in
            try w.addACL(call.text("router")!, vlan: call.int("vlan")!, action: call.choice("action", as: ACLAction.self)!,
                         src: call.text("src"), dst: call.text("dst"), proto: call.choice("proto", as: ACLProtocol.self)!)
        })
    }
}

/// Part 2 of the network as one binding part: routing, VPNs, tenants, overlays, flows.
enum CloudNetworkCommands {
    static let part = BindingPart(
        commands: NetworkRouting.all + NetworkVPN.all + NetworkClouds.all + CloudTenants.all + NetworkFlows.all,
        kinds: [
            KindRecords(.router, shape: "hexagon", NetworkCloudRecords.router) { w, name throws(CoreError) in try w.routerInfo(name) },
            KindRecords(.vpnGateway, shape: "hexagon", NetworkCloudRecords.gateway) { w, name throws(CoreError) in try w.vpnGatewayInfo(name) },
            KindRecords(.vpnUser, shape: "note", NetworkCloudRecords.user) { w, name throws(CoreError) in try w.vpnUserInfo(name) },
            KindRecords(.tenant, shape: "folder", NetworkCloudRecords.tenant) { w, name throws(CoreError) in try w.tenantInfo(name) },
            KindRecords(.overlay, shape: "folder", NetworkCloudRecords.overlay) { w, name throws(CoreError) in try w.overlayInfo(name) },
        ],
        exampleSetup: """
            host add pm5 cpus=8 mem=32G
            host add pm6 cpus=8 mem=32G ip=192.168.0.6
            hypervisor install pm5 kind=hardware
            hypervisor install pm6 kind=hardware
            switch add sw5 ports=8
            vswitch add vs5 on=pm5
            vswitch add vs6 on=pm6
            link pm5.eth0 sw5.1
            link pm6.eth0 sw5.2
            port set sw5.1 mode=trunk vlans=10,20,30 native=1
            port set sw5.2 mode=trunk vlans=10,20,30 native=1
            port set sw5.3 mode=trunk vlans=10,20,30
            router add r1
            link r1.1 sw5.3
            router iface r1 vlan=10 ip=10.0.10.1/24
            router iface r1 vlan=20 ip=10.0.20.1/24
            vm create fin1 vcpus=1 mem=1G os=linux host=pm5
            vm create mkt1 vcpus=1 mem=1G os=linux host=pm6
            vm create ovl1 vcpus=1 mem=1G os=linux host=pm5
            vm create ovl2 vcpus=1 mem=1G os=linux host=pm6
            vm create laptop vcpus=1 mem=1G os=linux host=pm6
            vm start fin1
            vm start mkt1
            vm start ovl1
            vm start ovl2
            vm start laptop
            nic attach fin1 to=vs5 vlan=10 ip=10.0.10.5/24
            nic attach mkt1 to=vs6 vlan=20 ip=10.0.20.5/24
            overlay add blue vni=5001
            nic attach ovl1 to=vs5 overlay=blue ip=10.9.0.1/24
            nic attach ovl2 to=vs6 overlay=blue ip=10.9.0.2/24
            nic attach laptop to=vs6 ip=198.51.100.10/24
            vpn gateway add gw1 network=10.0.10.0/24 vlan=10
            vpn gateway add gw2 network=172.20.0.0/24
            vpn user add alice secret=s3cret allow=10.0.10.0/24
            tenant add acme
            """)
}
