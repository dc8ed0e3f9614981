import VirtCore
import VirtLang

/// CORE.md 2, "Volumes": `volume create|info|list|write|read|attach|detach`.
enum StorageVolumes {
    static let all: [CommandSpec] = [create, info, list, write, read, attach, detach]

    /// A volume or a LUN (a LUN is a volume the array exports).
    static let volume = ParamType.object(.volume, .lun)

    static let create = CommandSpec(
        "volume create", summary: "Carve a virtual disk from a pool: thick (reserved now) or thin (taken as written)",
        example: "volume create v9 pool=p1 size=1G thin=yes",
        params: [.positional("name", .text, "the new volume's name"),
                 .option("pool", .object(.pool), "the pool", required: true),
                 .option("size", .quantity(.information), "size the VM sees", required: true),
                 .option("thin", .bool, "take pool blocks only when written (overcommit allowed)", default: .bool(false)),
                 .option("replicas", .integer, "copies, each in its own pool (1 to 8)", default: .int(1)),
                 .option("spread", .choice(of: Spread.self), "what no two replicas' pools may share", default: .string(Spread.disk.rawValue)),
                 .option("via", .object(.virtualizer), "the virtualization engine its I/O goes through (virtualizer add)")],
        mutates: true,
        details: "A thick volume cannot exceed the pool's free space. Thin volumes may promise more than the pool holds "
            + "(pool info: provisioned, overcommit); a write that finds no free block fails with \"pool out of space\" "
            + "and the volume's other data stays intact. Volume blocks of a thick volume are consecutive pool chunks.\n"
            + "replicas=N (thick only) keeps a copy in N pools: the one named and the first others, in creation order, "
            + "with room and no disk, host, rack or site (spread=) in common. Writes go to every replica whose pool works "
            + "(the others go stale); reads use the first whole one. A replica that answers again is resynced over simulated time; "
            + "one unreadable for 10 minutes is made again in another pool that keeps spread= (show lists the copies, wait finishes them).\n"
            + "via=ENGINE: I/O goes through a virtualizer (help virtualizer add); a host-based one serves only its host."
    ) { call in
        guard let size = try call.bytes("size") else { return .none }
        try call.change { (w: inout World) throws(CoreError) in
            try w.createVolume(call.text("name")!, pool: call.text("pool")!, size: size, thin: call.bool("thin")!,
                               replicas: call.int("replicas")!, spread: call.choice("spread", as: Spread.self)!, via: call.text("via"))
        }
        return .none
    }

    static let info = query("volume info", "A volume's record: pool, size, thin, allocated, replicas, state",
                            example: "volume info v1", kind: volume, details: StorageRecords.volume.help) { w, name throws(CoreError) in
        StorageRecords.volume.record(try w.volumeInfo(name))
    }

    static let list = CommandSpec(
        "volume list", summary: "Every volume's record, in creation order, optionally one pool's",
        example: "volume list pool=p1",
        params: [.option("pool", .object(.pool), "only this pool's volumes")], details: StorageRecords.volume.help
    ) { call in
        .list(try call.read { (w: World) throws(CoreError) in try w.volumeList(pool: call.text("pool")) }.map { .record(StorageRecords.volume.record($0)) })
    }

    static let write = CommandSpec(
        "volume write", summary: "Write a string's bytes at the start of a block (the rest of the block zero)",
        example: "volume write v1 block=0 data=hello",
        params: [.positional("name", volume, "the volume"),
                 .option("block", .integer, "the block number (4 KiB blocks)", required: true),
                 .option("data", .text, "the bytes to write (UTF-8, at most 4096)", required: true)],
        mutates: true,
        details: "Goes through the pool: the data chunk and its stripe's P and Q land on the member disks (disk read shows them)."
    ) { call in
        try call.change { (w: inout World) throws(CoreError) in
            try w.writeVolume(call.text("name")!, block: Int64(call.int("block")!), data: Array(call.text("data")!.utf8))
        }
        return .none
    }

    static let read = CommandSpec(
        "volume read", summary: "A block as a string without trailing zero bytes (reconstructed on a degraded pool)",
        example: "volume read v1 block=0",
        params: [.positional("name", volume, "the volume"), .option("block", .integer, "the block number", required: true)],
        details: "A failed pool refuses with a data-loss error naming the lost disks; it never returns wrong bytes."
    ) { call in
        let bytes = try call.read { (w: World) throws(CoreError) in try w.readVolume(call.text("name")!, block: Int64(call.int("block")!)) }
        let end = (bytes.lastIndex { $0 != 0 } ?? -1) + 1
        return .string(String(decoding: bytes[..<end], as: UTF8.self))
    }

    static let attach = CommandSpec(
        "volume attach", summary: "Give a VM a volume as one of its disks (vm info volumes)",
        example: "volume attach v1 vm=stvm1",
        params: [.positional("name", volume, "the volume"), .option("vm", .vm, "the VM", required: true)],
        mutates: true,
        details: "A volume serves one VM at a time; destroying the VM detaches it. The VM's host must reach the volume: "
            + "a pool on its own disks (or disks placed nowhere); a LUN through a fabric, a zone and the LUN's mask; "
            + "a volume via a virtualizer the host is served by (help io run, help lun create)."
    ) { call in
        try call.change { (w: inout World) throws(CoreError) in try w.attachVolume(call.text("name")!, vm: call.text("vm")!) }
        return .none
    }

    static let detach = nameOnly("volume detach", "Take a volume away from its VM (its data stays)",
                                 example: "volume attach v1 vm=stvm1; volume detach v1", kind: volume,
                                 details: "The volume keeps its blocks and can be attached again.") {
        w, name throws(CoreError) in try w.detachVolume(name)
    }
}
