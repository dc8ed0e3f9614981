import OrderedCollections

/// A volume (virtual disk) carved from a pool: thick ones reserve their blocks when
/// created, thin ones take a pool block the first time each of their blocks is written.
struct Volume: Codable, Equatable, Sendable {
    var name: String
    var pool: String
    var size: Int64
    var thin: Bool
    /// Thick: the first pool block of its reserved range.
    var base: Int64?
    /// Thin: volume block → pool block, in the order first written.
    var map: OrderedDictionary<Int64, Int64> = [:]
    /// The VM it is attached to.
    var vm: String?

    var blocks: Int64 { (size + Int64(BlockStore.blockSize) - 1) / Int64(BlockStore.blockSize) }

    /// The pool block backing volume block `block`, if any yet.
    func poolBlock(_ block: Int64) -> Int64? { thin ? map[block] : base! + block }

    /// Pool blocks it holds now.
    var allocatedBlocks: Int64 { thin ? Int64(map.count) : blocks }
}

/// A volume's state: its pool's.
public typealias VolumeState = PoolState

/// `volume info`: a volume's record.
public struct VolumeInfo: Codable, Equatable, Sendable {
    public var name: String
    public var pool: String
    public var size: Int64
    public var thin: Bool
    /// Bytes of pool space it holds.
    public var allocated: Int64
    public var replicas: Int
    public var state: PoolState
    public var vm: String?
}
