/// A RAID pool: member disks in slot order (md's raid_disks order), spares, and the
/// blocks handed to volumes.
struct Pool: Codable, Equatable, Sendable {
    var name: String
    var raid: RaidLevel
    var members: [String]
    var spares: [String]
    /// Blocks used on each member: the smallest member's size, as md does.
    var memberBlocks: Int64
    /// Slots whose disk holds no valid data yet (replaced, or a spare taken in), in order.
    var stale: [Int] = []
    /// Pool blocks handed to volumes (a bump allocator: thick volumes reserve a range, thin ones take blocks as written).
    var allocated: Int64 = 0
    /// The rebuild job in progress, if any.
    var rebuild: Int?

    var dataChunks: Int { raid.dataChunks(of: members.count) }
    /// Data blocks the pool can hold.
    var capacityBlocks: Int64 { Int64(dataChunks) * memberBlocks }
}

/// A rebuild in progress (`pool rebuild`): which slots, from when to when.
struct RebuildJob: Codable, Equatable, Sendable {
    var id: Int
    var pool: String
    var slots: [Int]
    var start: Double
    var end: Double
}

/// A pool's state.
public enum PoolState: String, Codable, Sendable, CaseIterable { case online, degraded, rebuilding, failed }

/// `pool info`: a pool's record.
public struct PoolInfo: Codable, Equatable, Sendable {
    public var name: String
    public var raid: Int
    public var disks: [String]
    public var spares: [String]
    /// Bytes of data the pool holds at most.
    public var capacity: Int64
    /// Bytes handed to volumes (thick reservations and thin blocks written).
    public var used: Int64
    /// Bytes promised to volumes (thin ones at their full size).
    public var provisioned: Int64
    /// provisioned / capacity.
    public var overcommit: Double
    public var state: PoolState
    /// Failures survived whatever disks they hit.
    public var tolerance: Int
    /// Mean time to data loss, seconds.
    public var mttdl: Double
    /// The rebuild time mttdl assumes (one member at the default rate), seconds.
    public var mttr: Double
    /// Member disks that cannot be read (failed, or not yet rebuilt).
    public var unavailable: [String]
}

/// `pool layout`: one stripe, what each member disk holds in it: `D0`, `D1`, …
/// (the pool's data chunk numbers), `P` or `Q`; for mirrors every copy names its chunk.
public struct StripeRow: Codable, Equatable, Sendable {
    public var stripe: Int64
    /// In the pool's slot order (the disks of `pool info`).
    public var cells: [String]
}

/// `pool rebuild`: what was rebuilt and how long it took.
public struct RebuildRecord: Codable, Equatable, Sendable {
    public var pool: String
    public var disks: [String]
    /// Bytes written to each rebuilt disk (md resyncs the whole member).
    public var bytes: Int64
    /// Bits per second.
    public var rate: Double
    public var time: Double
    public var job: Int?
}

/// `pool scrub`: what disagreed with its redundancy and what was rewritten.
public struct ScrubRecord: Codable, Equatable, Sendable {
    public var pool: String
    /// Stripes read (those holding data).
    public var stripes: Int
    public var mismatches: Int
    /// Each block rewritten: disk, block, and what it held (data, P, Q, copy).
    public var repaired: [Repair]

    public struct Repair: Codable, Equatable, Sendable {
        public var disk: String
        public var block: Int64
        public var what: String
    }
}
