import VirtCore
import VirtLang

/// CORE.md 4, "The whole: a small IaaS": `tenant network|vm|volume create`, served by
/// the network, server and storage parts together within the tenant's quotas.
enum CloudTenants {
    static let all: [CommandSpec] = [networkCreate, vmCreate, volumeCreate]

    static let tenant = Param.positional("tenant", .object(.tenant), "the tenant")

    static let quotas = """
        A request beyond a quota (tenant add … vcpus= mem= storage= networks=) is refused and changes nothing;
        tenant info shows quotas and usage. VMs count in any state; storage counts each volume's size once, however
        many replicas it has; networks count the tenant's VLAN (its first network, named after the tenant) and its overlays.
        """

    static let networkCreate = CommandSpec(
        "tenant network create", summary: "Give a tenant one more network: a VXLAN overlay (its first network is its VLAN)",
        example: "tenant network create acme acme-db",
        params: [tenant, .positional("name", .text, "the new network's name")], mutates: true,
        details: "The overlay takes the lowest VNI from \(World.firstTenantVNI) up that no overlay has (help overlay add).\n" + quotas
    ) { call in
        try call.change { (w: inout World) throws(CoreError) in try w.createTenantNetwork(call.text("tenant")!, call.text("name")!) }
        return .none
    }

    static let vmCreate = CommandSpec(
        "tenant vm create", summary: "Launch a tenant VM: placed first-fit, plugged into the tenant's network, running",
        example: "tenant network create acme acme-db; tenant vm create acme web vcpus=2 mem=4G os=linux network=acme-db ip=10.0.1.5/24",
        params: [tenant, .positional("name", .text, "the new VM's name"),
                 .option("vcpus", .integer, "virtual CPUs", required: true),
                 .option("mem", .quantity(.information), "memory", required: true),
                 .option("os", .choice(of: GuestOS.self), "guest OS (os list)", required: true),
                 .option("network", .text, "the tenant's network (default: its VLAN, named after the tenant)"),
                 .option("ip", .text, "the vNIC's address, as 10.0.0.5/24")],
        mutates: true,
        details: "The VM goes to the first host, in creation order, that is up and powered on, has a hypervisor for its OS, "
            + "room for its vcpus and memory (as place does) and a vSwitch; its vNIC joins the network on the host's first "
            + "vSwitch (a VLAN network: tagged with the tenant's VLAN; an overlay: through the host's VTEP). "
            + "The physical switch ports must carry the tenant's VLAN (port set … mode=trunk vlans=…).\n" + quotas
    ) { call in
        guard let mem = try call.bytes("mem") else { return .none }
        let host = try call.change { (w: inout World) throws(CoreError) in
            try w.createTenantVM(call.text("tenant")!, call.text("name")!, vcpus: call.int("vcpus")!, mem: mem,
                                 os: call.choice("os", as: GuestOS.self)!, network: call.text("network"), ip: call.text("ip"))
        }
        return .string(host)
    }

    static let volumeCreate = CommandSpec(
        "tenant volume create", summary: "Give a tenant a volume on shared storage every hypervisor host reaches",
        example: "disk add sd1 size=1T site=a; disk add sd2 size=1T site=b; pool create sa disks=sd1 raid=0; pool create sb disks=sd2 raid=0; "
            + "tenant vm create acme web vcpus=1 mem=1G os=linux; tenant volume create acme data size=100G replicas=2 spread=site vm=web",
        params: [tenant, .positional("name", .text, "the new volume's name"),
                 .option("size", .quantity(.information), "size the VM sees", required: true),
                 .option("replicas", .integer, "copies, each in its own pool (1 to 8)", default: .int(1)),
                 .option("spread", .choice(of: Spread.self), "what no two replicas' pools may share", default: .string(Spread.disk.rawValue)),
                 .option("vm", .object(.vm), "a VM of the tenant to attach it to")],
        mutates: true,
        details: "A thick volume: its first copy goes to the first pool, in creation order, where it and its replicas fit "
            + "(help volume create) and that every host with a hypervisor reaches — so a VM restarted on another host "
            + "still finds its disk (storage not on the host: no fate-sharing).\n" + quotas
    ) { call in
        guard let size = try call.bytes("size") else { return .none }
        try call.change { (w: inout World) throws(CoreError) in
            try w.createTenantVolume(call.text("tenant")!, call.text("name")!, size: size, replicas: call.int("replicas")!,
                                     spread: call.choice("spread", as: Spread.self)!, vm: call.text("vm"))
        }
        return .none
    }
}
