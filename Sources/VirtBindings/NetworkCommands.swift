import VirtCore
import VirtLang

/// CORE.md section 3, network virtualization, as one part: switches, cables and
/// ports; vSwitches and vNICs; ping, trace and captures.
enum NetworkCommands {
    static let part = BindingPart(
        commands: NetworkSwitches.all + NetworkNICs.all + NetworkExtenders.all + NetworkTools.all,
        kinds: [
            KindRecords(.networkSwitch, shape: "box", NetworkRecords.networkSwitch) { w, name throws(CoreError) in try w.switchInfo(name) },
            KindRecords(.port, shape: "point", NetworkRecords.port) { w, name throws(CoreError) in try w.portInfo(name) },
            KindRecords(.vswitch, shape: "box", within: ["host"], NetworkRecords.vswitch) { w, name throws(CoreError) in try w.vswitchInfo(name) },
            KindRecords(.vnic, shape: "ellipse", NetworkRecords.vnic) { w, name throws(CoreError) in try w.vnicInfo(name) },
            KindRecords(.vf, shape: "point", NetworkRecords.vf) { w, name throws(CoreError) in try w.vfInfo(name) },
            KindRecords(.controllingBridge, shape: "box", NetworkRecords.controllingBridge) { w, name throws(CoreError) in try w.controllingBridgeInfo(name) },
            KindRecords(.portExtender, shape: "box", NetworkRecords.extender) { w, name throws(CoreError) in try w.extenderInfo(name) },
        ],
        exampleSetup: """
            host add pm3 cpus=8 mem=32G nics=2
            host add pm4 cpus=8 mem=32G nics=2
            hypervisor install pm3 kind=hardware
            hypervisor install pm4 kind=hardware
            switch add sw1 ports=8
            vswitch add vs1 on=pm3
            vswitch add vs2 on=pm4
            link pm3.eth0 sw1.1
            link pm4.eth0 sw1.2
            vm create app1 vcpus=1 mem=1G os=linux host=pm3
            vm create app2 vcpus=1 mem=1G os=linux host=pm4
            vm create app3 vcpus=1 mem=1G os=linux host=pm3
            vm start app1
            vm start app2
            vm start app3
            nic attach app1 to=vs1 ip=10.0.0.1/24
            nic attach app2 to=vs2 ip=10.0.0.2/24
            sriov enable pm3.eth1 vfs=4
            bridge add cb1 kind=controlling
            extender add pe1 parent=cb1 ports=4
            """)
}

/// `KIND info NAME` and `KIND list`: one object's record, and every object's in creation order.
func infoAndList<Info>(_ kind: ObjectKind, _ summary: String, example: String, _ schema: RecordSchema<Info>,
                       _ info: @escaping @Sendable (World, String) throws(CoreError) -> Info) -> [CommandSpec] {
    [query("\(kind.name) info", summary, example: example, kind: .object(kind), details: schema.help) { w, name throws(CoreError) in
        schema.record(try info(w, name))
    },
     CommandSpec("\(kind.name) list", summary: "Every \(kind.noun)'s record, in creation order", example: "\(kind.name) list",
                 details: schema.help) { call in
        .list(try call.read { (w: World) throws(CoreError) in
            try w.names(ofKind: kind).map { name throws(CoreError) in .record(schema.record(try info(w, name))) }
        })
    }]
}

extension ParamType {
    static let networkSwitch = ParamType.object(.networkSwitch)
    static let port = ParamType.object(.port)
    static let vswitch = ParamType.object(.vswitch)
    static let vnic = ParamType.object(.vnic)
}

/// `switch add|info|list`, `link`, `port set|info`, `show mac-table`.
enum NetworkSwitches {
    static let all: [CommandSpec] = [add] + records + [link, portSet, portInfo, macTable]

    static let add = CommandSpec(
        "switch add", summary: "Add a physical Ethernet switch with ports SW.1 … SW.N (each an access port in VLAN 1)",
        example: "switch add sw9 ports=24",
        params: [.positional("name", .text, "the new switch's name"),
                 .option("ports", .integer, "how many ports (1 to \(World.maxSwitchPorts), a cap of the model)", required: true)],
        mutates: true, details: learning
    ) { call in
        try call.change { (w: inout World) throws(CoreError) in try w.addSwitch(call.text("name")!, ports: call.int("ports")!) }
        return .none
    }

    static let learning = """
        A switch learns each frame's source MAC per VLAN on the port it came in by, forwards frames to known
        addresses, and floods unknown and broadcast frames to every other port of the frame's VLAN. Entries expire
        after 300 s of virtual time (Linux bridge ageing_time). A frame never leaves by the port it came in by,
        unless that port has hairpin=on. An unconfigured port is an access port in VLAN 1, as on real switches.
        """

    static let records = infoAndList(.networkSwitch, "A switch's record: ports, cabled ports, VLANs, learned MACs",
                                     example: "switch info sw1", NetworkRecords.networkSwitch) { w, name throws(CoreError) in try w.switchInfo(name) }

    static let link = CommandSpec(
        "link", summary: "Cable two ends: a host's NIC (HOST.ethN) or a switch port (SW.N) to another",
        example: "link pm4.eth1 sw1.3",
        params: [.positional("a", .object(.port, .nic), "one end"), .positional("b", .object(.port, .nic), "the other end")],
        mutates: true, details: "Each port or NIC takes one cable. vNICs are not cabled: nic attach puts them on a vSwitch."
    ) { call in
        try call.change { (w: inout World) throws(CoreError) in try w.link(call.text("a")!, call.text("b")!) }
        return .none
    }

    static let portSet = CommandSpec(
        "port set", summary: "Make a switch port an access port of one VLAN, or a trunk of several (802.1Q)",
        example: "port set sw1.4 mode=trunk vlans=10,20 native=1",
        params: [.positional("port", .port, "the port, SW.N"),
                 .option("mode", .choice(["access", "trunk"]), "access (one VLAN, untagged) or trunk (tagged VLANs)"),
                 .option("vlan", .integer, "an access port's VLAN, 1–4094"),
                 .option("vlans", .list(.integer), "a trunk's tagged VLANs, as 10,20"),
                 .option("native", .integer, "a trunk's untagged VLAN"),
                 .option("hairpin", .bool, "let frames leave by the port they came in (802.1Qbg reflective relay, for VEPA)")],
        mutates: true,
        details: """
            Access: frames of its VLAN leave untagged; tagged frames coming in are dropped. Trunk: frames of its VLANs
            carry an 802.1Q tag (TPID 0x8100, 12-bit VID), the native VLAN's travel untagged; frames tagged with
            another VLAN are dropped. VIDs 0 and 4095 are reserved: VLANs are 1 to 4094.
            """
    ) { call in
        let vlans = try call.list("vlans")?.map { value -> Int in
            guard case .int(let n) = value else { throw call.error(.type, "vlans needs whole numbers, as 10,20", at: "vlans") }
            return n
        }
        guard call["mode"] != nil || call["vlan"] != nil || vlans != nil || call["native"] != nil || call["hairpin"] != nil else {
            throw call.error(.value, "'port set' needs mode=, vlan=, vlans=, native= or hairpin=", hint: "port set SW.N mode=access vlan=10")
        }
        try call.change { (w: inout World) throws(CoreError) in
            try w.setPort(call.text("port")!, trunk: call.text("mode").map { $0 == "trunk" }, vlan: call.int("vlan"),
                          vlans: vlans, native: call.int("native"), hairpin: call.bool("hairpin"))
        }
        return .none
    }

    static let portInfo = query("port info", "A switch port's record: mode, VLANs, hairpin, what it is cabled to",
                                example: "port info sw1.1", kind: .port, details: NetworkRecords.port.help) { w, name throws(CoreError) in
        NetworkRecords.port.record(try w.portInfo(name))
    }

    static let macTable = CommandSpec(
        "show mac-table", summary: "What a switch or vSwitch has learned: VLAN, MAC, port, age",
        example: "ping app1 app2; show mac-table sw1",
        params: [.positional("switch", .object(.networkSwitch, .vswitch, .controllingBridge, .portExtender), "the switch, vSwitch or controlling bridge")],
        details: NetworkRecords.macEntry.help + "\n" + learning
    ) { call in
        let rows = try call.read { (w: World) throws(CoreError) in try w.macTable(call.text("switch")!) }
        let value = Value.list(rows.map { .record(NetworkRecords.macEntry.record($0)) })
        if !call.echoesValues { call.interpreter.output(.text(rows.isEmpty ? "(empty)" : TableFormat.render(value))) }
        return value
    }
}
