import VirtCore
import VirtLang

/// `bridge add|info|list`, `extender add|info|list`: IEEE 802.1BR (CORE.md 3).
enum NetworkExtenders {
    static let all: [CommandSpec] = [bridgeAdd] + bridgeRecords + [extenderAdd] + extenderRecords

    static let about = """
        IEEE 802.1BR: a controlling bridge and its port extenders (cascadable: an extender's parent may be another
        extender) form one logical bridge. An extender's ports PE.1 … PE.N are ports of the controlling bridge:
        port set configures them, the bridge learns on them (show mac-table CB) and makes every forwarding decision.
        So a frame between two ports of one extender goes up to the controlling bridge and back down, E-tagged on
        each cascade wire (TPID 0x893F, 8 bytes, a 20-bit E-CID naming the extended port); trace shows the E-CID,
        and capture PE.up (the extender's upstream port) holds those frames.
        """

    static let bridgeAdd = CommandSpec(
        "bridge add", summary: "Add an IEEE 802.1BR controlling bridge, which decides for every port of its extenders",
        example: "bridge add cb9 kind=controlling",
        params: [.positional("name", .text, "the new bridge's name"),
                 .option("kind", .choice(["controlling"]), "controlling (802.1BR)", default: .string("controlling")),
                 .option("ports", .integer, "ports of its own, CB.1 … CB.N (1 to \(World.maxSwitchPorts))", default: .int(World.defaultBridgePorts))],
        mutates: true, details: about
    ) { call in
        try call.change { (w: inout World) throws(CoreError) in try w.addControllingBridge(call.text("name")!, ports: call.int("ports")!) }
        return .none
    }

    static let bridgeRecords = infoAndList(.controllingBridge, "A controlling bridge's record: its ports (its own and its extenders'), extenders, VLANs",
                                           example: "bridge info cb1", NetworkRecords.controllingBridge) { w, name throws(CoreError) in
        try w.controllingBridgeInfo(name)
    }

    static let extenderAdd = CommandSpec(
        "extender add", summary: "Add an 802.1BR port extender below a controlling bridge or another extender",
        example: "extender add pe9 parent=cb1 ports=4",
        params: [.positional("name", .text, "the new extender's name"),
                 .option("parent", .object(.controllingBridge, .portExtender), "the controlling bridge or extender above it", required: true),
                 .option("ports", .integer, "its extended ports, PE.1 … PE.N (1 to \(World.maxSwitchPorts))", required: true)],
        mutates: true,
        details: about + """

            Its ports take the controlling bridge's next E-CIDs, in creation order (extender info shows the first).
            The cascade to its parent is built in: it takes no cable and no port of the parent.
            """
    ) { call in
        try call.change { (w: inout World) throws(CoreError) in
            try w.addExtender(call.text("name")!, parent: call.text("parent")!, ports: call.int("ports")!)
        }
        return .none
    }

    static let extenderRecords = infoAndList(.portExtender, "A port extender's record: parent, controlling bridge, ports, E-CIDs",
                                             example: "extender info pe1", NetworkRecords.extender) { w, name throws(CoreError) in
        try w.extenderInfo(name)
    }
}
