import VirtCore
import VirtLang

/// CORE.md 2, "NAS": `nas add|info|list`, `share create|info|list`, `mount`, `file write|read`.
enum StorageNAS {
    static let all: [CommandSpec] = [nasAdd] + infoAndList(.nas, "A filer's record: pool, place, shares, state",
                                                           example: "nas info n1", StorageSANRecords.nas) { w, n throws(CoreError) in try w.nasInfo(n) }
        + [shareCreate] + infoAndList(.share, "A share's record: filer, size, used, files, VMs that mounted it",
                                      example: "share info sh1", StorageSANRecords.share) { w, n throws(CoreError) in try w.shareInfo(n) }
        + [mount, fileWrite, fileRead]

    static let model = """
        NAS: the filer owns the file system and serves files over the ordinary (Ethernet) network, so every working
        host reaches a share while the filer's rack and site are up; VMs that mount one share see the same files.
        A file's bytes live in blocks of the filer's pool (taken as written), so its RAID protects them and a lost
        pool loses them.
        """

    static let nasAdd = CommandSpec(
        "nas add", summary: "Add a NAS filer over its own pool: built from disks=, or an unused pool=",
        example: "nas add n2 disks=d5,d6,d7",
        params: [.positional("name", .text, "the new filer's name"),
                 .option("disks", .list(.object(.disk)), "free disks for its pool (NAME-pool)"),
                 .option("pool", .object(.pool), "an existing pool no volume uses"),
                 .option("raid", .choice(RaidLevel.allCases.map { String($0.rawValue) }), "level of the pool built from disks= (default 5 from 3 disks, 1 for 2, 0 for 1)"),
                 .option("rack", .text, "rack label"), .option("site", .text, "site label")],
        mutates: true, details: model
    ) { call in
        try call.change { (w: inout World) throws(CoreError) in
            try w.addNAS(call.text("name")!, disks: call.list("disks")?.map(\.text), pool: call.text("pool"),
                         raid: call.text("raid").flatMap { Int($0) }, rack: call.text("rack"), site: call.text("site"))
        }
        return .none
    }

    static let shareCreate = CommandSpec(
        "share create", summary: "Create a file share on a filer",
        example: "share create sh2 nas=n1 size=1G",
        params: [.positional("name", .text, "the new share's name"),
                 .option("nas", .object(.nas), "the filer", required: true),
                 .option("size", .quantity(.information), "most bytes its files may take", required: true)],
        mutates: true, details: model
    ) { call in
        guard let size = try call.bytes("size") else { return .none }
        try call.change { (w: inout World) throws(CoreError) in try w.createShare(call.text("name")!, nas: call.text("nas")!, size: size) }
        return .none
    }

    static let mount = CommandSpec(
        "mount", summary: "Mount a share in a VM (at / unless at= says where)",
        example: "mount sh1 vm=stvm1 at=/data",
        params: [.positional("share", .object(.share), "the share"),
                 .option("vm", .vm, "the VM", required: true),
                 .option("at", .text, "the mount point (default /)", default: .string("/"))],
        mutates: true, details: "A path in file write|read belongs to the mount with the longest matching mount point. " + model
    ) { call in
        try call.change { (w: inout World) throws(CoreError) in try w.mount(call.text("share")!, vm: call.text("vm")!, at: call.text("at")!) }
        return .none
    }

    static let fileWrite = CommandSpec(
        "file write", summary: "Write a file (replacing it) on a share the VM mounted",
        example: "file write stvm1 /notes.txt hello",
        params: [.positional("vm", .vm, "the VM"), .positional("path", .text, "the file's path in the VM"),
                 .positional("data", .text, "the file's contents (UTF-8)")],
        mutates: true, details: model
    ) { call in
        try call.change { (w: inout World) throws(CoreError) in
            try w.writeFile(vm: call.text("vm")!, path: call.text("path")!, data: Array(call.text("data")!.utf8))
        }
        return .none
    }

    static let fileRead = CommandSpec(
        "file read", summary: "Read a file from a share the VM mounted, as a string",
        example: "file read stvm1 /hello.txt",
        params: [.positional("vm", .vm, "the VM"), .positional("path", .text, "the file's path in the VM")],
        details: model
    ) { call in
        let bytes = try call.read { (w: World) throws(CoreError) in try w.readFile(vm: call.text("vm")!, path: call.text("path")!) }
        return .string(String(decoding: bytes, as: UTF8.self))
    }
}
