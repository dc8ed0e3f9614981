import VirtCore
import VirtLang

/// CORE.md 1, "Live migration": `vm migrate`.
enum ServerMigration {
    static let all: [CommandSpec] = [migrate]

    static let defaults = MigrationParameters()

    static let migrate = CommandSpec(
        "vm migrate", summary: "Move a VM to another host: live pre-copy, post-copy, or cold; returns the rounds",
        example: "vm migrate web1 to=pm2 bandwidth=10Gbps",
        params: [.positional("name", .vm, "the VM"),
                 .option("to", .host, "the destination host", required: true),
                 .option("mode", .choice(of: MigrationMode.self), "how memory moves", default: .string(MigrationMode.precopy.rawValue)),
                 .option("bandwidth", .quantity(.bitRate), "link rate", default: .quantity(.bitsPerSecond(defaults.bandwidth))),
                 .option("max-rounds", .integer, "pre-copy rounds at most, the first full copy included", default: .int(defaults.maxRounds)),
                 .option("stop-pages", .integer, "pre-copy stops when fewer pages remain dirty", default: .int(defaults.stopPages)),
                 .option("with-storage", .bool, "copy volumes the destination cannot reach to its own disks first", default: .bool(false)),
                 .option("async", .bool, "run in the background (show reports progress, wait finishes it)", default: .bool(false))],
        mutates: true,
        details: """
            Model (Clark et al., NSDI 2005; help sources): pages of 4 KiB. precopy sends all memory (round 1), then in each
            round the pages dirtied during the previous one — the VM dirties dirty-rate pages/s within its writable
            working set (vm set wws=, default all its memory). It stops when fewer than stop-pages remain, after
            max-rounds rounds, or once 3 × memory has been sent; then the VM pauses, the rest is copied (the last
            round), and it resumes after 10 ms: downtime = last round + 10 ms. postcopy sends the CPU state, resumes
            the VM on the destination, then its memory once. cold stops the VM and copies its memory (a stopped VM
            moves without copying). Preconditions: same hypervisor kind and CPU vendor, a guest OS the destination
            accepts, room on the destination, and every volume reachable from it — with-storage=yes copies the others
            (single-copy volumes, not LUNs) to the first pool on the destination's own disks with room, first: their
            size (thin: blocks held) joins bytes and total_time at the bandwidth. The record: mode, rounds (round, pages, time, dirtied, bar),
            total_time, downtime, bytes; with async=yes, job.
            """
    ) { call in
        guard let maxRounds = try call.int("max-rounds", in: 1...10_000),
              let stopPages = try call.int("stop-pages", in: 0...Int(Int32.max)) else { return .none }
        let parameters = MigrationParameters(bandwidth: call.quantity("bandwidth")!, maxRounds: maxRounds, stopPages: stopPages,
                                             withStorage: call.bool("with-storage")!)
        let record = try call.change { (w: inout World) throws(CoreError) in
            try w.migrate(call.text("name")!, to: call.text("to")!, mode: call.choice("mode", as: MigrationMode.self)!,
                          parameters: parameters, async: call.bool("async")!)
        }
        return .record(ServerRecords.migration.record(record))
    }
}
