import VirtCore
import VirtLang

/// `tenant add|set|info|list`, `overlay add|set|info|list`, `net set`: CORE.md 3, "Clouds".
enum NetworkClouds {
    static let all: [CommandSpec] = [tenantAdd, tenantSet] + tenantRecords + [overlayAdd, overlaySet] + overlayRecords + [netSet]

    static let vlans = """
        Each tenant gets its own VLAN, IDs 1 to 4094 in order (802.1Q's 12-bit ID; 0 and 4095 are reserved), so the
        4095th tenant fails: VLANs run out, and overlays (24-bit VNIs) are the way on — never chosen automatically.
        VLAN 1 is also every unconfigured port's VLAN: the first tenant shares it with anything plugged in
        anywhere, which is why clouds keep tenants off it. Put a tenant's VMs in its VLAN with nic attach … vlan=.
        """

    static let tenantAdd = CommandSpec(
        "tenant add", summary: "Add a tenant with its quotas: it gets its own VLAN, the lowest ID (1–4094) no tenant has",
        example: "tenant add globex vcpus=16 mem=64G storage=1T networks=3",
        params: [.positional("name", .text, "the new tenant's name"),
                 .option("vcpus", .integer, "most vcpus of its VMs together (default: no limit)"),
                 .option("mem", .quantity(.information), "most memory of its VMs together (default: no limit)"),
                 .option("storage", .quantity(.information), "most size of its volumes together (default: no limit)"),
                 .option("networks", .integer, "most networks, its VLAN included (default: no limit)")],
        mutates: true, details: vlans + "\n" + CloudTenants.quotas
    ) { call in
        let quota = TenantQuota(vcpus: call.int("vcpus"), mem: try call.bytes("mem"), storage: try call.bytes("storage"), networks: call.int("networks"))
        try call.change { (w: inout World) throws(CoreError) in try w.addTenant(call.text("name")!, quota: quota) }
        return .none
    }

    static let settings: [Param] = [.option("mtu", .integer, "its VMs' NIC MTU in bytes (68–65535)"),
                                    .option("rate", .quantity(.bitRate), "its rate limit on the network, as 2Gbps")]

    static let tenantSet = CommandSpec(
        "tenant set", summary: "Tune one tenant's network: its NICs' MTU, its rate limit (others keep theirs)",
        example: "tenant set acme mtu=9000 rate=2Gbps",
        params: [.positional("name", .object(.tenant), "the tenant")] + settings, mutates: true,
        details: "The rate limit caps the sum of the tenant's flows (flow start, net run); the MTU is what ping size= must fit."
    ) { call in
        guard call["mtu"] != nil || call["rate"] != nil else { throw call.error(.value, "'tenant set' needs mtu= or rate=", hint: "tenant set acme rate=1Gbps") }
        try call.change { (w: inout World) throws(CoreError) in try w.setTenant(call.text("name")!, mtu: call.int("mtu"), rate: call.quantity("rate")) }
        return .none
    }

    static let tenantRecords = infoAndList(.tenant, "A tenant's record: its VLAN, MTU, rate limit, vNICs, quotas and usage, VMs and volumes", example: "tenant info acme",
                                           NetworkCloudRecords.tenant) { w, name throws(CoreError) in try w.tenantInfo(name) }

    static let vxlan = """
        VXLAN (RFC 7348): a 24-bit VNI, so 16,777,216 overlays (0 to 16,777,215). A VM on an overlay (nic attach VM
        to=VSWITCH overlay=NAME ip=…) sends ordinary frames; its host's vSwitch is a VTEP that wraps each one in
        outer Ethernet (14 bytes) + IPv4 (20) + UDP to port 4789 (8) + the VXLAN header with the VNI (8) = 50 bytes,
        addressed to the VTEP of the host where the destination is (learned), or to every VTEP of the overlay for
        broadcasts. The physical network carries these between the hosts' underlay addresses (host add … ip=, else
        172.16.0.1, .2, … in the order hosts join an overlay), switched or routed. Tenants stay apart even with the
        same MACs and addresses. An inner IP packet must fit the underlay MTU − 50: VTEPs never fragment.
        """

    static let overlayAdd = CommandSpec(
        "overlay add", summary: "Add a VXLAN overlay network with its VNI (0 to 16,777,215)",
        example: "overlay add red vni=5000",
        params: [.positional("name", .text, "the new overlay's name"),
                 .option("vni", .integer, "its VXLAN network identifier", required: true),
                 .option("mtu", .integer, "its VMs' inner MTU (default 1450 = 1500 − 50)")],
        mutates: true, details: vxlan
    ) { call in
        try call.change { (w: inout World) throws(CoreError) in try w.addOverlay(call.text("name")!, vni: call.int("vni")!, mtu: call.int("mtu")) }
        return .none
    }

    static let overlaySet = CommandSpec(
        "overlay set", summary: "Tune one overlay: its VMs' MTU, its rate limit (others keep theirs)",
        example: "overlay set blue mtu=1400 rate=500Mbps",
        params: [.positional("name", .object(.overlay), "the overlay")] + settings, mutates: true, details: vxlan
    ) { call in
        guard call["mtu"] != nil || call["rate"] != nil else { throw call.error(.value, "'overlay set' needs mtu= or rate=", hint: "overlay set blue mtu=1450") }
        try call.change { (w: inout World) throws(CoreError) in try w.setOverlay(call.text("name")!, mtu: call.int("mtu"), rate: call.quantity("rate")) }
        return .none
    }

    static let overlayRecords = infoAndList(.overlay, "An overlay's record: VNI, MTUs, what fits, vNICs, VTEPs", example: "overlay info blue",
                                            NetworkCloudRecords.overlay) { w, name throws(CoreError) in try w.overlayInfo(name) }

    static let netSet = CommandSpec(
        "net set", summary: "Set the physical network's MTU (the underlay overlays ride on)",
        example: "net set mtu=9000",
        params: [.option("mtu", .integer, "bytes, 68 to 65535 (Ethernet: 1500; jumbo frames: 9000)", required: true)],
        mutates: true, details: vxlan
    ) { call in
        try call.change { (w: inout World) throws(CoreError) in try w.setUnderlayMTU(call.int("mtu")!) }
        return .none
    }
}
