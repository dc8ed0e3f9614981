import OrderedCollections

/// The two designs of distributed store the course names (CORE.md 2, "Distributed storage").
public enum StoreKind: String, Codable, Sendable, CaseIterable {
    /// GFS/HDFS: a master keeps the metadata, chunk servers keep replicated chunks.
    case gfs
    /// Dynamo/Cassandra: a consistent-hash ring, N/R/W quorums.
    case dynamo
}

/// A distributed store over hosts (`dfs create`). Keys are files (GFS: one chunk
/// each) or items (Dynamo); values are real bytes on each node that holds them.
struct DistributedStore: Codable, Equatable, Sendable {
    var name: String
    var kind: StoreKind
    /// The hosts that serve it, in the order given (GFS: the first is also the master).
    var nodes: [String]
    /// N: copies of each key.
    var replication: Int
    /// Replies a read waits for, and writes a put waits for.
    var r: Int
    var w: Int
    /// Dynamo: hinted handoff (other nodes stand in for down ones).
    var sloppy: Bool
    /// Dynamo: tokens on the ring per node.
    var vnodes: Int
    /// Re-replication rate (GFS), bits per second.
    var rate: Double
    /// Dynamo: the time a write takes to reach the replicas beyond the first W.
    var lag: Double
    /// GFS: each file's chunk.
    var chunks: OrderedDictionary<String, Chunk> = [:]
    /// GFS: chunk servers down, since when (the master gives their chunks up after the timeout).
    var downSince: OrderedDictionary<String, Countdown> = [:]
    /// Dynamo: each node's table, key → the newest version it holds.
    var tables: OrderedDictionary<String, OrderedDictionary<String, Versioned>> = [:]
    /// Dynamo: the last version a coordinator gave each key.
    var versions: OrderedDictionary<String, Int> = [:]
    /// Dynamo (sloppy): writes kept by a stand-in for a node that was down.
    var hints: [Hint] = []

    /// GFS: the host that keeps the metadata (the first node).
    var master: String? { kind == .gfs ? nodes.first : nil }
}

/// GFS: one chunk (64 MB at most; a value fills one) and the chunk servers holding it, in placement order.
struct Chunk: Codable, Equatable, Sendable {
    var value: [UInt8]
    var replicas: [String]
    var version: Int
}

/// Dynamo: a value with the version its coordinator gave it (a counter standing in for Dynamo's vector clocks).
struct Versioned: Codable, Equatable, Sendable {
    var value: [UInt8]
    var version: Int
}

/// Dynamo: `holder` keeps `item` of `key` for `intended`, down when it was written.
struct Hint: Codable, Equatable, Sendable {
    var holder: String
    var intended: String
    var key: String
    var item: Versioned
}

/// `dfs info`: a store's record, and one key's placement with `key=`.
public struct StoreInfo: Codable, Equatable, Sendable {
    public var name: String
    public var kind: StoreKind
    public var nodes: [String]
    public var replication: Int
    public var r: Int
    public var w: Int
    public var sloppy: Bool
    public var vnodes: Int?
    public var master: String?
    /// Nodes up now.
    public var up: [String]
    public var keys: Int
    /// GFS: re-replication rate, bits per second.
    public var rate: Double?
    public var lag: Double?
    /// GFS: files with fewer copies than `replication` on nodes the master counts.
    public var underReplicated: Int?
    public var key: KeyPlacement?
}

/// Where one key lives.
public struct KeyPlacement: Codable, Equatable, Sendable {
    public var key: String
    /// The hosts holding it, in preference (Dynamo) or placement (GFS) order.
    public var replicas: [String]
    /// The version each of them holds.
    public var versions: [Int]
    /// Dynamo: the key's preference list (the first N distinct nodes clockwise on the ring).
    public var preference: [String]?
    /// The newest version written.
    public var version: Int
    /// Bytes of the newest value.
    public var size: Int
    /// Dynamo: hints kept for it, "holder→intended".
    public var hints: [String]
}
