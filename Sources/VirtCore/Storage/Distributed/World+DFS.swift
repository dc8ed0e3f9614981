/// `dfs create|info|list|put|get`: distributed stores over hosts (CORE.md 2,
/// "Distributed storage"). The GFS and Dynamo designs are in their own files.
extension World {
    /// The default re-replication rate: md's `speed_limit_max` (200 MB/s), as `pool rebuild`.
    public static let defaultReplicationRate = defaultRebuildRate
    /// Dynamo's default tokens per node: Cassandra 4.0's `num_tokens`.
    public static let defaultVnodes = 16
    /// Dynamo's default time for a write to reach the replicas beyond the first W.
    public static let defaultLag = 0.01
    /// GFS's chunk size: a value fills at most one chunk.
    public static let chunkSize = 64 * 1024 * 1024

    /// `dfs create NAME kind=gfs|dynamo nodes=… [replication=3] [r=2 w=2] [sloppy=yes]
    /// [vnodes=16] [rate=] [lag=]`. Options of the other design are refused.
    public mutating func createStore(_ name: String, kind: StoreKind, nodes: [String], replication: Int = 3,
                                     r: Int? = nil, w: Int? = nil, sloppy: Bool? = nil, vnodes: Int? = nil,
                                     rate: Double = World.defaultReplicationRate, lag: Double? = nil) throws(CoreError) {
        try registry.checkFree(name, for: .dfs)
        guard !nodes.isEmpty else { throw .value("nodes must name at least one host", at: "nodes") }
        for node in nodes where self.kind(of: node) != .host {
            throw CoreError.unknown(.host, node, among: names(ofKind: .host), at: "nodes")
        }
        if let twice = nodes.first(where: { n in nodes.filter { $0 == n }.count > 1 }) {
            throw .value("nodes names host '\(twice)' twice", at: "nodes")
        }
        guard (1...nodes.count).contains(replication) else {
            throw .value("replication must be between 1 and the number of nodes (\(nodes.count)), not \(replication)",
                         hint: replication > nodes.count && nodes.count < 3 ? "the default is 3 copies: give replication=\(nodes.count) or more nodes" : nil,
                         at: "replication")
        }
        if kind == .gfs {
            for (option, given) in [("r", r != nil), ("w", w != nil), ("sloppy", sloppy != nil), ("vnodes", vnodes != nil), ("lag", lag != nil)] where given {
                throw .value("\(option)= is an option of kind=dynamo",
                             hint: "GFS writes every replica through a pipeline and reads one; it has no quorums or ring", at: option)
            }
        }
        let r = r ?? min(2, replication), w = w ?? min(2, replication)
        for (option, value) in [("r", r), ("w", w)] where !(1...replication).contains(value) {
            throw .value("\(option) must be between 1 and replication (\(replication)), not \(value)",
                         hint: "a quorum cannot be larger than the number of copies", at: option)
        }
        let vnodes = vnodes ?? World.defaultVnodes
        guard (1...1024).contains(vnodes) else { throw .value("vnodes must be between 1 and 1024, not \(vnodes)", at: "vnodes") }
        guard rate.isFinite, rate > 0, rate <= 1e15 else {
            throw .value("rate must be a positive bit rate of at most 1Pbps, not \(fmt(rate))bps", at: "rate")
        }
        let lag = lag ?? World.defaultLag
        guard lag.isFinite, (0...3600).contains(lag) else {
            throw .value("lag must be a duration from 0s to 1h, not \(fmtSeconds(lag))", at: "lag")
        }
        registry.insert(name, as: .dfs)
        stores[name] = DistributedStore(name: name, kind: kind, nodes: nodes, replication: replication,
                                        r: kind == .gfs ? 1 : r, w: kind == .gfs ? replication : w,
                                        sloppy: sloppy ?? false, vnodes: kind == .gfs ? 0 : vnodes, rate: rate,
                                        lag: kind == .gfs ? 0 : lag)
        watchReplicas()
    }

    /// `dfs put NAME key=K value=V [from=HOST]`: GFS places the file's chunk (the
    /// first copy on the writer when it is a node); Dynamo writes the first W live
    /// nodes of the key's preference list. Returns what was written where.
    public mutating func putStore(_ name: String, key: String, value: [UInt8], from: String? = nil) throws(CoreError) -> PutRecord {
        let store = try existingStore(name)
        guard !key.isEmpty else { throw .value("key must not be empty", at: "key") }
        if let from, kind(of: from) != .host { throw CoreError.unknown(.host, from, among: names(ofKind: .host), at: "from") }
        var world = self
        let record = try store.kind == .gfs ? world.gfsPut(store, key: key, value: value, from: from)
                                            : world.dynamoPut(store, key: key, value: value)
        world.watchReplicas()
        self = world
        return record
    }

    /// `dfs get NAME key=K`: the value (GFS: from the first live replica; Dynamo: the
    /// newest among the first R live replicas, which may be stale when R + W ≤ N).
    public func getStore(_ name: String, key: String) throws(CoreError) -> [UInt8] {
        let store = try existingStore(name)
        guard !key.isEmpty else { throw .value("key must not be empty", at: "key") }
        return try store.kind == .gfs ? gfsGet(store, key: key) : dynamoGet(store, key: key)
    }

    /// `dfs info NAME [key=K]`.
    public func storeInfo(_ name: String, key: String? = nil) throws(CoreError) -> StoreInfo {
        let store = try existingStore(name)
        var info = self.info(of: store)
        if let key {
            guard !key.isEmpty else { throw .value("key must not be empty", at: "key") }
            info.key = try store.kind == .gfs ? gfsPlacement(store, key: key) : dynamoPlacement(store, key: key)
        }
        return info
    }

    /// `dfs remove NAME`: the store leaves the world with its data and the copies in flight.
    public mutating func removeStore(_ name: String) throws(CoreError) {
        let store = try existingStore(name)
        for countdown in store.downSince.values { cancelCountdown(countdown) }
        for (id, job) in replicationJobs {
            switch job.work {
            case .clone(name, _), .catchUp(name, _, _, _), .handoff(name, _):
                replicationJobs.removeValue(forKey: id)
                events.cancel(job: id, part: "storage")
            default: continue
            }
        }
        stores.removeValue(forKey: name)
        registry.remove(name)
    }

    /// `dfs list`, in creation order.
    public func storeList() -> [StoreInfo] { stores.values.map(info(of:)) }

    func info(of store: DistributedStore) -> StoreInfo {
        StoreInfo(name: store.name, kind: store.kind, nodes: store.nodes, replication: store.replication,
                  r: store.r, w: store.w, sloppy: store.sloppy, vnodes: store.kind == .dynamo ? store.vnodes : nil,
                  master: store.master, up: store.nodes.filter(isUp),
                  keys: store.kind == .gfs ? store.chunks.count : store.versions.count, rate: store.kind == .gfs ? store.rate : nil,
                  lag: store.kind == .dynamo ? store.lag : nil,
                  underReplicated: store.kind == .gfs ? store.chunks.values.filter { $0.replicas.count < store.replication }.count : nil)
    }

    func existingStore(_ name: String, at parameter: String = "name") throws(CoreError) -> DistributedStore {
        guard let store = stores[name] else { throw CoreError.unknown(.dfs, name, among: Array(stores.keys), at: parameter) }
        return store
    }

    /// A host leaves the world: it stops being a node of every store, with what it held.
    mutating func dropNode(_ host: String) {
        for name in stores.keys where stores[name]!.nodes.contains(host) {
            stores[name]!.nodes.removeAll { $0 == host }
            stores[name]!.downSince.removeValue(forKey: host)
            stores[name]!.tables.removeValue(forKey: host)
            stores[name]!.hints.removeAll { $0.holder == host || $0.intended == host }
            for key in stores[name]!.chunks.keys { stores[name]!.chunks[key]!.replicas.removeAll { $0 == host } }
        }
    }
}

/// `dfs put`: the version written, the nodes that took it at once, and those it reaches later.
public struct PutRecord: Codable, Equatable, Sendable {
    public var key: String
    public var version: Int
    /// Nodes written before `dfs put` returns (GFS: every replica, through the pipeline).
    public var written: [String]
    /// Dynamo: nodes of the key's N that catch up after `lag`.
    public var later: [String]
    /// Dynamo (sloppy): stand-ins keeping the write for a down node, "holder→intended".
    public var hints: [String]
}
