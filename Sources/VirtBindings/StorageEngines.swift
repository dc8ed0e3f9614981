import VirtCore
import VirtLang

/// CORE.md 2, "Where the virtualization engine lives": `virtualizer add|fail|repair|info|list`, `io run`.
enum StorageEngines {
    static let all: [CommandSpec] = [add, fail, repair]
        + infoAndList(.virtualizer, "An engine's record: mode, state, volumes, hosts served, configuration effort",
                      example: "virtualizer info vz1", StorageSANRecords.virtualizer) { w, n throws(CoreError) in try w.virtualizerInfo(n) }
        + [ioRun]

    static let modes = """
        mode=host: software on one host (on=HOST), serving that host only; every host that wants it runs and
        configures its own, so the effort grows with the hosts — fine for a small site. mode=in-band: an appliance in
        the data path; every byte passes through it, its bandwidth (default 8Gbps, an illustrative figure) caps io
        run, and when it fails all its I/O stops — a bottleneck and a single point of failure. mode=out-of-band: a
        metadata service; each host asks it for a volume's mapping on first use, caches it, then goes to the storage
        directly — no data-path cap; when it fails, cached mappings keep working and new ones fail; each host must be
        configured to ask it. Volumes use an engine with volume create … via=NAME. effort (virtualizer info) counts
        configuration steps: the engine, each volume it presents, and, out-of-band, each host it serves.
        """

    static let add = CommandSpec(
        "virtualizer add", summary: "Add a storage virtualization engine: host-based, in-band or out-of-band",
        example: "virtualizer add vz2 mode=in-band bandwidth=4Gbps",
        params: [.positional("name", .text, "the new engine's name"),
                 .option("mode", .choice(of: VirtualizerMode.self), "where the engine lives", required: true),
                 .option("on", .host, "the host it runs on (required for mode=host; a virtual appliance's host otherwise)"),
                 .option("bandwidth", .quantity(.bitRate), "rate through it (in-band default 8Gbps; host: no cap unless given)")],
        mutates: true, details: modes
    ) { call in
        try call.change { (w: inout World) throws(CoreError) in
            try w.addVirtualizer(call.text("name")!, mode: call.choice("mode", as: VirtualizerMode.self)!,
                                 on: call.text("on"), bandwidth: call.quantity("bandwidth"))
        }
        return .none
    }

    static let fail = nameOnly("virtualizer fail", "Fail an engine: in-band and host-based stop their I/O; out-of-band keeps cached mappings",
                               example: "virtualizer fail vz1", kind: .object(.virtualizer), details: modes) {
        w, name throws(CoreError) in try w.setVirtualizerFailed(name, true)
    }

    static let repair = nameOnly("virtualizer repair", "Bring a failed engine back",
                                 example: "virtualizer fail vz1; virtualizer repair vz1", kind: .object(.virtualizer), details: modes) {
        w, name throws(CoreError) in try w.setVirtualizerFailed(name, false)
    }

    static let ioRun = CommandSpec(
        "io run", summary: "A VM reads SIZE from block 0 of a volume along the real path; returns time, throughput, path",
        example: "io run vm=stvm1 volume=v1 size=100M",
        params: [.option("vm", .vm, "the VM doing the I/O", required: true),
                 .option("volume", .object(.volume, .lun), "a volume its host reaches", required: true),
                 .option("size", .quantity(.information), "bytes to read", required: true),
                 .option("async", .bool, "run in the background (show reports progress, wait finishes it)", default: .bool(false))],
        mutates: true,
        details: """
            The path: the VM's host, the fabric to the array (its bandwidth), an in-band or host-based engine (its
            bandwidth), the array, the pool (its devices: the slowest member's rate × the data chunks of a stripe;
            hdd 1.2Gbps, ssd 4Gbps, nvme 16Gbps). The slowest hop is the bottleneck: throughput = its rate, time =
            size / throughput, and the clock advances by it. Out-of-band engines are not on the path: the first run
            from a host fetches the mapping (mapping: fetched), later ones use the cache (cached). A failed pool or
            engine refuses. The record: time, throughput, path, bottleneck, limits, mapping, bytes; with async=yes, job.
            """
    ) { call in
        guard let size = try call.bytes("size") else { return .none }
        return .record(StorageSANRecords.io.record(try call.change { (w: inout World) throws(CoreError) in
            try w.runIO(vm: call.text("vm")!, volume: call.text("volume")!, size: size, async: call.bool("async")!)
        }))
    }
}
