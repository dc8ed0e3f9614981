import VirtCore
import VirtLang

/// `ping`, `trace`, `capture`: CORE.md 3, "Tools".
enum NetworkTools {
    static let all: [CommandSpec] = [ping, trace, capture]

    static let size = Param.option("size", .integer, "bytes of echo data, 0 to 65507 (default 56; 1472 fills a 1500-byte packet)")

    static let pingDetails = """
        A sends an ARP request (broadcast in its VLAN) unless its ARP cache knows B's address (entries last
        60 s), then an ICMP echo request; B must answer. The frames are real: switches learn from them and
        every port and NIC captures them. Latencies (estimates): \(fmtMicro(NetworkDefaults.switchLatency)) per
        physical switch, \(fmtMicro(NetworkDefaults.vswitchLatency)) per vSwitch, \(fmtMicro(NetworkDefaults.embeddedLatency)) per SR-IOV
        NIC or port extender, plus each frame's bits at \(Int(NetworkDefaults.linkRate / 1e9)) Gb/s on every cable. Each vSwitch
        also costs its host \(fmtMicro(NetworkDefaults.vswitchCPU)) of CPU per frame (cpu_per_packet); an SR-IOV VF costs none.
        For another subnet, A sends to its gateway (the router interface in its subnet); the router's ACLs may drop it. A VPN
        client reaches its gateway's network through the tunnel. Echoes don't fragment: with size=, the packet (size + 28
        bytes) must fit every MTU on the way.
        """

    static let ping = CommandSpec(
        "ping", summary: "Ping VM B from VM A (ARP, then ICMP echo): reachable, path, rtt, and why not",
        example: "ping app1 app2",
        params: [.positional("a", .vm, "the VM that pings"), .positional("b", .vm, "the VM pinged (its address in A's network)"), size],
        mutates: true, details: NetworkRecords.ping.help + "\n" + pingDetails
    ) { call in
        .record(NetworkRecords.ping.record(try call.change { (w: inout World) throws(CoreError) in
            try w.ping(call.text("a")!, call.text("b")!, size: call.int("size"))
        }))
    }

    static let trace = CommandSpec(
        "trace", summary: "Ping B from A and list each hop of the echo request with its VLAN tag and E-tag",
        example: "trace app1 app2",
        params: [.positional("a", .vm, "the VM that pings"), .positional("b", .vm, "the VM pinged"), size],
        mutates: true, details: NetworkRecords.hop.help + "\nWhen B is unreachable the last hop names the device that dropped the frame, and why."
    ) { call in
        let result = try call.change { (w: inout World) throws(CoreError) in try w.ping(call.text("a")!, call.text("b")!, size: call.int("size")) }
        var rows = result.hops.enumerated().map { (index, hop) in (index + 1, hop, String?.none) }
        if let device = result.droppedAt {
            rows.append((rows.count + 1, Hop(device: device), result.reason))
        } else if !result.reachable, let reason = result.reason {
            rows.append((rows.count + 1, Hop(device: call.text("a")!), reason))
        }
        let value = Value.list(rows.map { .record(NetworkRecords.hop.record($0)) })
        if !call.echoesValues { call.interpreter.output(.text(TableFormat.render(value))) }
        return value
    }

    static let capture = CommandSpec(
        "capture", summary: "The frames a port or NIC saw (the last 10,000), as records or as a pcap file",
        example: "capture sw1.1",
        params: [.positional("point", .object(.port, .nic, .vnic), "a switch port, a host NIC or a vNIC"),
                 .option("file", .text, "write them as a libpcap file instead (Wireshark and tshark read it)")],
        touchesFiles: true,
        details: NetworkRecords.frame.help + """

            With file=, the frames go to a libpcap file (Ethernet link type, microsecond timestamps of virtual
            time) with their 802.1Q tags and E-tags, and the command returns how many it wrote.
            """
    ) { call in
        let frames = try call.read { (w: World) throws(CoreError) in try w.captured(at: call.text("point")!) }
        if call.text("file") != nil {
            try call.onFile { files, path in try files.write(path, bytes: PCAP.file(frames)) }
            return .int(frames.count)
        }
        let value = Value.list(frames.map { .record(NetworkRecords.frame.record($0)) })
        if !call.echoesValues { call.interpreter.output(.text(frames.isEmpty ? "(no frames)" : TableFormat.render(value))) }
        return value
    }

    private static func fmtMicro(_ seconds: Double) -> String { NumberFormat.format(seconds * 1e6) + " µs" }
}
