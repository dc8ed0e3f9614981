import VirtCore
import VirtLang

/// CORE.md 2, "Distributed storage": `dfs create|info|list|put|get`. Bound as a part
/// of its own (the storage part's distributed stores) so its examples get their own hosts.
enum StorageDFS {
    static let part = BindingPart(
        commands: [create, put, get, info, list, remove],
        kinds: [KindRecords(.dfs, shape: "component", store) { w, name throws(CoreError) in try w.storeInfo(name) }],
        exampleSetup: """
            host add dn1 cpus=4 mem=8G rack=ra
            host add dn2 cpus=4 mem=8G rack=ra
            host add dn3 cpus=4 mem=8G rack=rb
            host add dn4 cpus=4 mem=8G rack=rb
            dfs create g1 kind=gfs nodes=dn1,dn2,dn3,dn4
            dfs create dy1 kind=dynamo nodes=dn1,dn2,dn3,dn4
            dfs put g1 key=a value=hello from=dn1
            dfs put dy1 key=a value=hello
            """)

    static let dfs = ParamType.object(.dfs)

    static let designs = """
        kind=gfs (Ghemawat, Gobioff & Leung, SOSP 2003; HDFS): the first node is the master (it keeps which chunk
        servers hold each file; with it down nothing is read or written); every node is a chunk server. A put places
        the file's chunk (a value fills one 64 MB chunk) on `replication` servers as HDFS does: the writer when it is a
        node (from=), else a random one; then a node on another rack; then another node on that rack. Every replica is
        written through the pipeline (w = replication); a read takes one live replica (r = 1). A copy on a server down
        for 10 minutes is cloned onto another live server (on another rack when the others share one), at rate=.
        kind=dynamo (DeCandia et al., SOSP 2007; Cassandra): each node owns vnodes= tokens on a hash ring; a key's
        preference list is the first N (replication) distinct nodes clockwise from the key. A put writes the first w
        live nodes of it at once; the others catch up after lag=. A get returns the newest version among the first r
        live ones: r + w > N always meets the last write, r + w <= N can miss it after a failure (a stale read). Too
        few live nodes: the put or get fails (kind state). sloppy=yes: the first N live nodes on the ring serve, and a
        stand-in keeps a hint for the down node it replaces, handed over once that node is back.
        """

    static let create = CommandSpec(
        "dfs create", summary: "A distributed store over hosts: GFS/HDFS (master, chunk servers) or Dynamo (ring, quorums)",
        example: "dfs create d9 kind=dynamo nodes=dn1,dn2,dn3,dn4 r=1 w=1",
        params: [.positional("name", .text, "the new store's name"),
                 .option("kind", .choice(of: StoreKind.self), "gfs or dynamo", required: true),
                 .option("nodes", .list(.host), "the hosts that serve it (GFS: the first is the master)", required: true),
                 .option("replication", .integer, "copies of each key, N (at most the nodes)", default: .int(3)),
                 .option("r", .integer, "dynamo: replies a read waits for (default 2, at most N)"),
                 .option("w", .integer, "dynamo: replicas a put writes at once (default 2, at most N)"),
                 .option("sloppy", .bool, "dynamo: sloppy quorum with hinted handoff (default no)"),
                 .option("vnodes", .integer, "dynamo: tokens per node on the ring (default 16, Cassandra 4.0)"),
                 .option("rate", .quantity(.bitRate), "gfs: re-replication rate",
                         default: .quantity(.bitsPerSecond(World.defaultReplicationRate))),
                 .option("lag", .quantity(.time), "dynamo: time for a write to reach the replicas beyond the first w (default 10ms)")],
        mutates: true, details: designs + "\n" + store.help
    ) { call in
        let kind = call.choice("kind", as: StoreKind.self)!
        try call.change { (w: inout World) throws(CoreError) in
            try w.createStore(call.text("name")!, kind: kind, nodes: call.list("nodes")!.map(\.text),
                              replication: call.int("replication")!, r: call.int("r"), w: call.int("w"),
                              sloppy: call.bool("sloppy"), vnodes: call.int("vnodes"), rate: call.quantity("rate")!,
                              lag: call.quantity("lag"))
        }
        return .none
    }

    static let put = CommandSpec(
        "dfs put", summary: "Store a value under a key (GFS: placed by rack; Dynamo: the first w live replicas)",
        example: "dfs put g1 key=log value=hello from=dn3",
        params: [.positional("name", dfs, "the store"),
                 .option("key", .text, "the key (GFS: a file name)", required: true),
                 .option("value", .text, "the value (UTF-8 bytes)", required: true),
                 .option("from", .host, "the writing host (GFS: it gets the first copy when it is a node)")],
        mutates: true, details: designs + "\n" + putRecord.help
    ) { call in
        .record(putRecord.record(try call.change { (w: inout World) throws(CoreError) in
            try w.putStore(call.text("name")!, key: call.text("key")!, value: Array(call.text("value")!.utf8), from: call.text("from"))
        }))
    }

    static let get = CommandSpec(
        "dfs get", summary: "A key's value (Dynamo: the newest among the first r live replicas, which may be stale)",
        example: "dfs get dy1 key=a",
        params: [.positional("name", dfs, "the store"), .option("key", .text, "the key", required: true)],
        details: designs
    ) { call in
        let bytes = try call.read { (w: World) throws(CoreError) in try w.getStore(call.text("name")!, key: call.text("key")!) }
        return .string(String(decoding: bytes, as: UTF8.self))
    }

    static let info = CommandSpec(
        "dfs info", summary: "A store's record; with key=, also where that key lives",
        example: "dfs info g1 key=a",
        params: [.positional("name", dfs, "the store"), .option("key", .text, "a key: add its replicas and versions")],
        details: store.help + "\nWith key=:\n" + keyFields.help
    ) { call in
        let info = try call.read { (w: World) throws(CoreError) in try w.storeInfo(call.text("name")!, key: call.text("key")) }
        let record = store.record(info)
        return .record(info.key.map { Record(record.fields.map { ($0.name, $0.value) } + keyFields.record($0).fields.map { ($0.name, $0.value) }) } ?? record)
    }

    static let remove = nameOnly("dfs remove", "Take a distributed store out of the world, with its data",
                                 example: "dfs remove dy1", kind: dfs,
                                 details: "Its nodes stay; copies in flight (clones, catch-ups, handoffs) are dropped.") {
        w, name throws(CoreError) in try w.removeStore(name)
    }

    static let list = CommandSpec("dfs list", summary: "Every distributed store's record, in creation order", example: "dfs list",
                                  details: store.help) { call in
        .list(call.world.storeList().map { .record(store.record($0)) })
    }

    typealias F = FieldValue

    static let store = RecordSchema<StoreInfo>([
        Field("name", "the store's name", core: true) { .string($0.name) },
        Field("kind", "gfs or dynamo", core: true) { .string($0.kind.rawValue) },
        Field("nodes", "the hosts that serve it", core: true, link: true) { F.names($0.nodes) },
        Field("replication", "copies of each key (N)", core: true) { .int($0.replication) },
        Field("r", "replies a read waits for (GFS: 1)", core: true) { .int($0.r) },
        Field("w", "replicas a put writes at once (GFS: all)", core: true) { .int($0.w) },
        Field("sloppy", "dynamo: sloppy quorum with hinted handoff") { .bool($0.sloppy) },
        Field("vnodes", "dynamo: tokens per node, or none") { F.int($0.vnodes) },
        Field("master", "gfs: the master, or none") { F.text($0.master) },
        Field("up", "nodes up now") { F.names($0.up) },
        Field("keys", "keys (files) stored") { .int($0.keys) },
        Field("under_replicated", "gfs: files with fewer copies than replication, or none") { F.int($0.underReplicated) },
        Field("rate", "gfs: re-replication rate, or none") { r in r.rate.map { .quantity(.bitsPerSecond($0)) } ?? .none },
        Field("lag", "dynamo: time for a write to reach the replicas beyond the first w, or none") { r in r.lag.map(F.seconds) ?? .none },
    ])

    static let keyFields = RecordSchema<KeyPlacement>([
        Field("key", "the key") { .string($0.key) },
        Field("replicas", "the hosts holding it, in preference (Dynamo) or placement (GFS) order") { F.names($0.replicas) },
        Field("versions", "the version each of them holds") { .list($0.versions.map(Value.int)) },
        Field("preference", "dynamo: its preference list, the first N distinct nodes clockwise on the ring") { r in r.preference.map(F.names) ?? .none },
        Field("version", "the newest version written") { .int($0.version) },
        Field("size", "bytes of the newest value") { F.size(Int64($0.size)) },
        Field("hints", "dynamo: hints kept for it, holder→intended") { F.names($0.hints) },
    ])

    static let putRecord = RecordSchema<PutRecord>([
        Field("key", "the key") { .string($0.key) },
        Field("version", "the version written") { .int($0.version) },
        Field("written", "nodes that took it before the put returned") { F.names($0.written) },
        Field("later", "dynamo: nodes that catch up after lag") { F.names($0.later) },
        Field("hints", "dynamo (sloppy): stand-ins keeping it for a down node, holder→intended") { F.names($0.hints) },
    ])
}
