import VirtCore
import VirtLang

/// CORE.md 2, "Arrays and SAN": `array add|info|list`, `fabric add|connect|info|list`,
/// `zone add|info|list`, `lun create|mask`.
enum StorageSAN {
    static let all: [CommandSpec] = [arrayAdd] + infoAndList(.array, "An array's record: place, disks, fabrics, LUNs",
                                                             example: "array info a1", StorageSANRecords.array) { w, n throws(CoreError) in try w.arrayInfo(n) }
        + [fabricAdd, connect] + infoAndList(.fabric, "A fabric's record: kind, bandwidth, hosts, arrays, zones",
                                             example: "fabric info f1", StorageSANRecords.fabric) { w, n throws(CoreError) in try w.fabricInfo(n) }
        + [zoneAdd] + infoAndList(.zone, "A zone's record: its fabric and members",
                                  example: "zone info z1", StorageSANRecords.zone) { w, n throws(CoreError) in try w.zoneInfo(n) }
        + [lunCreate, lunMask]

    static let reach = """
        A host reaches a LUN when a fabric connects host and array, a zone of that fabric holds both (zoning: in the
        fabric), and the LUN's mask names the host (masking: in the array). volume attach checks it; so do vm restart
        host= and vm migrate.
        """

    static let arrayAdd = CommandSpec(
        "array add", summary: "Add a storage array (a box of disks: disk add … array=NAME)",
        example: "array add a2 site=s1",
        params: [.positional("name", .text, "the new array's name"),
                 .option("rack", .text, "rack label"), .option("site", .text, "site label")],
        mutates: true, details: "Its disks sit where it is: rack fail and site fail take them down with it. " + reach
    ) { call in
        try call.change { (w: inout World) throws(CoreError) in try w.addArray(call.text("name")!, rack: call.text("rack"), site: call.text("site")) }
        return .none
    }

    static let fabricAdd = CommandSpec(
        "fabric add", summary: "Add a storage network: Fibre Channel or iSCSI, with its bandwidth",
        example: "fabric add f2 kind=iscsi bandwidth=25Gbps",
        params: [.positional("name", .text, "the new fabric's name"),
                 .option("kind", .choice(of: FabricKind.self), "fc (a special-purpose storage network) or iscsi (SCSI over Ethernet)", required: true),
                 .option("bandwidth", .quantity(.bitRate), "link rate (default: fc 16Gbps, iscsi 10Gbps)")],
        mutates: true, details: "The fabric's bandwidth limits every io run that crosses it. " + reach
    ) { call in
        try call.change { (w: inout World) throws(CoreError) in
            try w.addFabric(call.text("name")!, kind: call.choice("kind", as: FabricKind.self)!, bandwidth: call.quantity("bandwidth"))
        }
        return .none
    }

    static let connect = CommandSpec(
        "fabric connect", summary: "Cable a host or an array (or both) to a fabric",
        example: "host add st2 cpus=4 mem=8G; fabric connect f1 host=st2",
        params: [.positional("name", .object(.fabric), "the fabric"),
                 .option("host", .host, "a host (its HBA)"), .option("array", .object(.array), "an array (its target port)")],
        mutates: true, details: "Connected is not enough: a zone must hold both. " + reach
    ) { call in
        try call.change { (w: inout World) throws(CoreError) in
            try w.connectFabric(call.text("name")!, host: call.text("host"), array: call.text("array"))
        }
        return .none
    }

    static let zoneAdd = CommandSpec(
        "zone add", summary: "Zone a fabric: the hosts and arrays in a zone may see each other",
        example: "zone add f1 name=z2 members=st1,a1",
        params: [.positional("fabric", .object(.fabric), "the fabric"),
                 .option("name", .text, "the zone's name", required: true),
                 .option("members", .list(.object(.host, .array)), "hosts and arrays connected to the fabric (at least one of each)", required: true)],
        mutates: true, details: reach
    ) { call in
        try call.change { (w: inout World) throws(CoreError) in
            try w.addZone(call.text("name")!, fabric: call.text("fabric")!, members: (call.list("members") ?? []).map(\.text))
        }
        return .none
    }

    static let lunCreate = CommandSpec(
        "lun create", summary: "Export a volume from an array's pool as a LUN (every volume command works on it)",
        example: "lun create l2 pool=ap size=10M",
        params: [.positional("name", .text, "the new LUN's name"),
                 .option("pool", .object(.pool), "a pool whose disks are all in one array", required: true),
                 .option("size", .quantity(.information), "size the host sees", required: true),
                 .option("thin", .bool, "take pool blocks only when written", default: .bool(false))],
        mutates: true, details: "A new LUN is masked from every host: lun mask names the hosts that may see it. " + reach
    ) { call in
        guard let size = try call.bytes("size") else { return .none }
        try call.change { (w: inout World) throws(CoreError) in
            try w.createLun(call.text("name")!, pool: call.text("pool")!, size: size, thin: call.bool("thin")!)
        }
        return .none
    }

    static let lunMask = CommandSpec(
        "lun mask", summary: "Set which hosts the array lets see a LUN (replaces the mask)",
        example: "lun mask l1 hosts=st1",
        params: [.positional("name", .object(.lun), "the LUN"),
                 .option("hosts", .list(.host), "the hosts that may see it", required: true)],
        mutates: true, details: reach
    ) { call in
        try call.change { (w: inout World) throws(CoreError) in
            try w.maskLun(call.text("name")!, hosts: (call.list("hosts") ?? []).map(\.text))
        }
        return .none
    }
}
