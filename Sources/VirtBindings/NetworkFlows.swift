import VirtCore
import VirtLang

/// `flow start|stop|list`, `net run`: performance isolation on the network.
enum NetworkFlows {
    static let all: [CommandSpec] = [start, stop, list, run]

    static let sharing = """
        Every cable carries 10 Gb/s each way. Flows share each cable max-min fairly (progressive filling: all rise
        together until a cable is full or a flow reaches its cap; those stop, the rest go on), within their own
        rate= and their tenant's or overlay's rate limit (tenant set … rate=, overlay set … rate=), counted by the
        sender's vNIC. A flow's path is the one its ping takes, so B must be reachable.
        """

    static let start = CommandSpec(
        "flow start", summary: "Start a long-running transfer from VM A to VM B; returns it with its fair share",
        example: "flow start fin1 mkt1 rate=4Gbps",
        params: [.positional("a", .vm, "the sender"), .positional("b", .vm, "the receiver"),
                 .option("rate", .quantity(.bitRate), "its own cap (default none)")],
        mutates: true, details: NetworkCloudRecords.flow.help + "\n" + sharing
    ) { call in
        .record(NetworkCloudRecords.flow.record(try call.change { (w: inout World) throws(CoreError) in
            try w.startFlow(call.text("a")!, call.text("b")!, rate: call.quantity("rate"))
        }))
    }

    static let stop = CommandSpec(
        "flow stop", summary: "Stop a running flow", example: "flow start fin1 mkt1; flow stop 1",
        params: [.positional("id", .integer, "the flow's number")], mutates: true, details: sharing
    ) { call in
        try call.change { (w: inout World) throws(CoreError) in try w.stopFlow(call.int("id")!) }
        return .none
    }

    static let list = CommandSpec("flow list", summary: "Every running flow with its fair share now", example: "flow list",
                                  details: NetworkCloudRecords.flow.help + "\n" + sharing) { call in
        .list(try call.read { (w: World) throws(CoreError) in w.flows().map { .record(NetworkCloudRecords.flow.record($0)) } })
    }

    static let run = CommandSpec(
        "net run", summary: "Transfer SIZE from VM A to VM B against the running flows: time, throughput, bottleneck",
        example: "net run fin1 mkt1 size=1G",
        params: [.positional("a", .vm, "the sender"), .positional("b", .vm, "the receiver"),
                 .option("size", .quantity(.information), "how much", required: true)],
        mutates: true, details: NetworkCloudRecords.transfer.help + "\n" + sharing
    ) { call in
        guard let bytes = try call.bytes("size") else { return .none }
        return .record(NetworkCloudRecords.transfer.record(try call.change { (w: inout World) throws(CoreError) in
            try w.runTransfer(call.text("a")!, call.text("b")!, bytes: bytes)
        }))
    }
}
