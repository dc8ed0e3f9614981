import VirtCore
import VirtLang

/// CORE.md 2, "Disks": `disk add|remove|fail|replace|corrupt|read|info|list`.
enum StorageDisks {
    static let all: [CommandSpec] = [add, remove, fail, replace, corrupt, read, info, list]

    static let disk = ParamType.object(.disk)

    static let add = CommandSpec(
        "disk add", summary: "Add a physical disk: online, empty, sparse (only written blocks take memory)",
        example: "disk add d10 size=10T type=hdd rack=r1",
        params: [.positional("name", .text, "the new disk's name"),
                 .option("size", .quantity(.information), "capacity", required: true),
                 .option("type", .choice(of: DiskType.self), "technology", default: .string(DiskType.hdd.rawValue)),
                 .option("iface", .choice(of: DiskInterface.self), "interface (default: sata, nvme for nvme disks)"),
                 .option("on", .host, "the host it is local to"),
                 .option("array", .object(.array), "the array it sits in (it takes the array's rack and site)"),
                 .option("rack", .text, "rack label (default: its host's)"),
                 .option("site", .text, "site label (default: its host's)"),
                 .option("mttf", .quantity(.time), "mean time to failure (default per type, below)")],
        mutates: true, details: typeDetails
    ) { call in
        guard let size = try call.bytes("size") else { return .none }
        try call.change { (w: inout World) throws(CoreError) in
            try w.addDisk(call.text("name")!, size: size, type: call.choice("type", as: DiskType.self)!,
                          iface: call.choice("iface", as: DiskInterface.self), on: call.text("on"), array: call.text("array"),
                          rack: call.text("rack"), site: call.text("site"), mttf: call.quantity("mttf").map { $0 / 3600 })
        }
        return .none
    }

    /// Per-type defaults with their sources, for `help disk add`.
    static let typeDetails: String = {
        var lines = ["Defaults per type (throughput: CORE.md; mttf: the vendor's MTBF):"]
        for type in DiskType.allCases {
            let rate = Quantity.bitsPerSecond(type.throughput).description
            lines.append("  \(type.rawValue.padded(5))  \(rate.padded(8))  mttf \(NumberFormat.format(type.mttf))h  (\(type.mttfSource))")
        }
        lines.append("Blocks are 4 KiB; a disk costs memory only for blocks holding data.")
        return lines.joined(separator: "\n")
    }()

    static let remove = nameOnly("disk remove", "Remove a disk that serves no pool, with its bytes",
                                 example: "disk remove d9", kind: disk,
                                 details: "A pool member leaves its pool only through disk replace.") {
        w, name throws(CoreError) in try w.removeDisk(name)
    }

    static let fail = nameOnly("disk fail", "Fail a disk: its pool runs degraded, or loses data beyond its tolerance",
                               example: "disk fail d2", kind: disk,
                               details: "A failed disk cannot be read. Its pool reconstructs its chunks from the other members "
                                   + "while it can (pool info: state, unavailable).") { w, name throws(CoreError) in try w.failDisk(name) }

    static let replace = CommandSpec(
        "disk replace", summary: "Swap a failed pool member for a new disk (the pool stays degraded until pool rebuild)",
        example: "disk fail d2; disk replace d2 with=d9",
        params: [.positional("name", disk, "the failed member"),
                 .option("with", .text, "a free disk, or a new name (a disk like the old one is added)", required: true)],
        mutates: true,
        details: "The failed disk leaves the pool; the new one takes its slot, empty, and pool rebuild fills it."
    ) { call in
        try call.change { (w: inout World) throws(CoreError) in try w.replaceDisk(call.text("name")!, with: call.text("with")!) }
        return .none
    }

    static let corrupt = CommandSpec(
        "disk corrupt", summary: "Silent bit rot: flip one bit of a block (the lowest bit of its first byte)",
        example: "disk corrupt d1 block=0",
        params: [.positional("name", disk, "the disk"), .option("block", .integer, "the block number", required: true)],
        mutates: true,
        details: "Nothing notices: reads return the rotten bytes until pool scrub checks the stripe against its redundancy."
    ) { call in
        try call.change { (w: inout World) throws(CoreError) in try w.corruptDisk(call.text("name")!, block: Int64(call.int("block")!)) }
        return .none
    }

    static let read = CommandSpec(
        "disk read", summary: "A member disk's raw block as lowercase hex, trailing zero bytes dropped (parity included)",
        example: "disk read d1 block=0",
        params: [.positional("name", disk, "the disk"), .option("block", .integer, "the block number", required: true)],
        details: "Blocks are counted from md's data offset, 4 KiB each; with --chunk=4K one block is one chunk. "
            + "XOR the data blocks of a stripe and you get its P block (pool layout shows which is which)."
    ) { call in
        let bytes = try call.read { (w: World) throws(CoreError) in try w.readDisk(call.text("name")!, block: Int64(call.int("block")!)) }
        return .string(hex(bytes))
    }

    /// Lowercase hex without trailing zero bytes.
    static func hex(_ bytes: [UInt8]) -> String {
        let end = (bytes.lastIndex { $0 != 0 } ?? -1) + 1
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(end * 2)
        for byte in bytes[..<end] { out += [digits[Int(byte >> 4)], digits[Int(byte & 15)]] }
        return String(decoding: out, as: UTF8.self)
    }

    static let info = query("disk info", "A disk's record: size, type, interface, place, mttf, state, pool",
                            example: "disk info d1", kind: disk, details: StorageRecords.disk.help) { w, name throws(CoreError) in
        StorageRecords.disk.record(try w.diskInfo(name))
    }

    static let list = CommandSpec(
        "disk list", summary: "Every disk's record, in creation order, optionally one pool's",
        example: "disk list pool=p1",
        params: [.option("pool", .object(.pool), "only this pool's disks")], details: StorageRecords.disk.help
    ) { call in
        .list(try call.read { (w: World) throws(CoreError) in try w.diskList(pool: call.text("pool")) }.map { .record(StorageRecords.disk.record($0)) })
    }
}
