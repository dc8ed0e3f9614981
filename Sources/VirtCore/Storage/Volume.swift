import OrderedCollections

/// A volume (virtual disk) carved from pools: thick ones reserve their blocks when
/// created, thin ones take a pool block the first time each of their blocks is
/// written. A replicated volume (thick) keeps one copy in each of its pools, the
/// pools chosen so no two share a failure domain (`spread`).
struct Volume: Codable, Equatable, Sendable {
    var name: String
    /// Its pools, one per replica; the first is the one named at creation.
    var pools: [String]
    var size: Int64
    var thin: Bool
    var spread: Spread
    /// Thick: the first pool block of each replica's reserved range.
    var bases: [Int64] = []
    /// Thin: volume block → pool block, in the order first written.
    var map: OrderedDictionary<Int64, Int64> = [:]
    /// Replicas that missed a write (their pool could not be written) until resynced.
    var stale: [Bool]
    /// Blocks ever written, in order (what a resync copies).
    var written: OrderedSet<Int64> = []
    /// The VM it is attached to.
    var vm: String?
    /// The virtualization engine its I/O goes through (`via=`).
    var via: String?
    /// Set when the volume is a LUN: the array exporting it and its mask.
    var lun: LunExport?

    var blocks: Int64 { (size + Int64(BlockStore.blockSize) - 1) / Int64(BlockStore.blockSize) }

    /// The pool block backing volume block `block` in replica `r`, if any yet.
    func poolBlock(_ block: Int64, replica r: Int = 0) -> Int64? { thin ? map[block] : bases[r] + block }

    /// Pool blocks it holds now, over all replicas.
    var allocatedBlocks: Int64 { thin ? Int64(map.count) : blocks * Int64(pools.count) }
}

/// The failure domain replicas must not share.
public enum Spread: String, Codable, Sendable, CaseIterable { case disk, host, rack, site }

/// `volume info`: a volume's record.
public struct VolumeInfo: Codable, Equatable, Sendable {
    public var name: String
    public var pool: String
    public var size: Int64
    public var thin: Bool
    /// Bytes of pool space it holds, all replicas.
    public var allocated: Int64
    public var replicas: Int
    public var spread: Spread
    /// Its replicas' pools.
    public var pools: [String]
    /// online (every replica readable and whole), degraded, or failed (no replica readable).
    public var state: PoolState
    public var vm: String?
    /// The virtualization engine its I/O goes through.
    public var via: String?
    /// LUNs: the array exporting it and the hosts its mask names.
    public var array: String?
    public var mask: [String]?
}
