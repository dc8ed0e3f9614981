import VirtCore
import VirtLang

/// CORE.md 2, "Pools": `pool create|info|list|layout|rebuild|scrub`.
enum StoragePools {
    static let all: [CommandSpec] = [create, info, list, layout, rebuild, scrub]

    static let pool = ParamType.object(.pool)

    static let levels = """
        Levels (N member disks of size S): raid=0 striping, N·S, survives 0 failures; raid=1 N-way mirror, S,
        survives N−1; raid=5 (N−1)·S, survives 1; raid=6 (N−2)·S, survives 2; raid=10 mirror pairs, N·S/2, survives 1
        for certain and up to N/2 when each loss hits a different pair. Fewest disks: 1, 2, 3, 4, 4 (even).
        Members hold what Linux md writes with --chunk=4K: chunk = one 4 KiB block, left-symmetric layout
        (drivers/md/raid5.c): in stripe s of n disks RAID 5 puts P on disk n−1−(s mod n) and data chunk i on (P+1+i) mod n;
        RAID 6 puts Q on (P+1) mod n and data chunk i on (P+2+i) mod n. P = XOR of the data chunks; Q = Σ g^i·D_i over
        GF(2^8), g = {02}, polynomial 0x11d (H. P. Anvin, "The mathematics of RAID-6"). RAID 10 is md's near-2 layout.
        """

    static let create = CommandSpec(
        "pool create", summary: "Build a RAID pool from free disks, with optional hot spares",
        example: "pool create p9 disks=d5,d6,d7 raid=5",
        params: [.positional("name", .text, "the new pool's name"),
                 .option("disks", .list(.object(.disk)), "member disks, in slot order", required: true),
                 .option("raid", .choice(RaidLevel.allCases.map { String($0.rawValue) }), "the RAID level", required: true),
                 .option("spares", .list(.object(.disk)), "hot spares pool rebuild takes for failed members")],
        mutates: true, details: levels
    ) { call in
        let names = { (key: String) in (call.list(key) ?? []).map(\.text) }
        try call.change { (w: inout World) throws(CoreError) in
            try w.createPool(call.text("name")!, disks: names("disks"), raid: Int(call.text("raid")!)!, spares: names("spares"))
        }
        return .none
    }

    static let info = query("pool info", "A pool's record: level, members, capacity, state, tolerance, mttdl",
                            example: "pool info p1", kind: pool, details: StorageRecords.pool.help + "\n" + mttdlDetails) {
        w, name throws(CoreError) in StorageRecords.pool.record(try w.poolInfo(name))
    }

    static let mttdlDetails = """
        mttdl from each member's mttf (their harmonic mean: the rate of a first failure) and mttr, one member rebuilt at
        md's speed_limit_max (200 MB/s): RAID 5 MTTF²/(N(N−1)·MTTR) (Patterson, Gibson & Katz, SIGMOD 1988);
        RAID 6 MTTF³/(N(N−1)(N−2)·MTTR²) (Chen et al., ACM Computing Surveys 1994); n-way mirror MTTF^n/(n!·MTTR^(n−1));
        RAID 10 MTTF²/(N·MTTR); RAID 0 MTTF/N.
        """

    static let list = CommandSpec("pool list", summary: "Every pool's record, in creation order", example: "pool list",
                                  details: StorageRecords.pool.help) { call in
        .list(call.world.poolList().map { .record(StorageRecords.pool.record($0)) })
    }

    static let layout = CommandSpec(
        "pool layout", summary: "Which member disk holds which data chunk, P and Q, stripe by stripe",
        example: "pool layout p1 stripes=3",
        params: [.positional("name", pool, "the pool"), .option("stripes", .integer, "stripes shown (1 to 1000)", default: .int(4))],
        details: "One record per stripe: its number, then one field per member disk (slot order) holding D<k> (the pool's "
            + "data chunk k, which is volume block k of the pool's first thick volume), P or Q.\n" + levels
    ) { call in
        .list(try call.read { (w: World) throws(CoreError) in try layoutRows(w, call.text("name")!, stripes: call.int("stripes")!) })
    }

    /// `pool layout`'s records: the stripe number, then one field per member disk.
    static func layoutRows(_ w: World, _ name: String, stripes: Int) throws(CoreError) -> [Value] {
        let disks = try w.poolInfo(name).disks
        return try w.poolLayout(name, stripes: stripes).map { row in
            .record(Record([("stripe", .int(Int(row.stripe)))] + zip(disks, row.cells).map { ($0, .string($1)) }))
        }
    }

    /// `show POOL`'s drawing: the first stripes as a map, disk by disk.
    static let stripeMap: @Sendable (World, String) throws(CoreError) -> String = { w, name throws(CoreError) in
        "stripe map (pool layout \(name) stripes=N shows more):\n" + TableFormat.render(.list(try layoutRows(w, name, stripes: 8)))
    }

    static let rebuild = CommandSpec(
        "pool rebuild", summary: "Reconstruct replaced disks, then spares, over simulated time (nothing on an online pool)",
        example: "disk fail d2; disk replace d2 with=d9; pool rebuild p1 rate=800Mbps",
        params: [.positional("name", pool, "the pool"),
                 .option("rate", .quantity(.bitRate), "rebuild rate (md's speed_limit_max, 200 MB/s)",
                         default: .quantity(.bitsPerSecond(World.defaultRebuildRate))),
                 .option("async", .bool, "run in the background (show reports progress, wait finishes it)", default: .bool(false))],
        mutates: true,
        details: "md resyncs the whole member: time = member size / rate. While it runs the pool is rebuilding and still "
            + "reads through redundancy; a failure beyond tolerance meanwhile loses the data. The record: pool, disks, "
            + "bytes, rate, time; with async=yes, job."
    ) { call in
        let record = try call.change { (w: inout World) throws(CoreError) in
            try w.rebuildPool(call.text("name")!, rate: call.quantity("rate")!, async: call.bool("async")!)
        }
        return record.map { .record(StorageRecords.rebuild.record($0)) } ?? .none
    }

    static let scrub = CommandSpec(
        "pool scrub", summary: "Check every stripe against its redundancy and repair silent corruption",
        example: "disk corrupt d1 block=0; pool scrub p1",
        params: [.positional("name", pool, "the pool")], mutates: true,
        details: """
            As md's repair: a mirror copy outvoted by the others is rewritten (on a tie the first copy wins); RAID 5
            rewrites parity (one parity cannot tell which chunk rotted); RAID 6 finds the one rotten chunk from P and Q
            together (Anvin, section 5) and repairs it, else rewrites P and Q. RAID 0 has nothing to check against.
            """ + "\n" + StorageRecords.scrub.help
    ) { call in
        .record(StorageRecords.scrub.record(try call.change { (w: inout World) throws(CoreError) in try w.scrubPool(call.text("name")!) }))
    }
}
