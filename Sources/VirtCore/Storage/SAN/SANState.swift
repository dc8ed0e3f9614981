import OrderedCollections

/// What lies between hosts and disks (CORE.md 2, "Where the virtualization engine
/// lives", "Arrays and SAN", "NAS"): arrays, fabrics with their zones,
/// virtualization engines with the mappings hosts cached, NAS filers and their
/// shares. Kept in `StoragePart.san`.
struct SANState: Codable, Equatable, Sendable, DefaultEmpty {
    var arrays: OrderedDictionary<String, StorageArray> = [:]
    var fabrics: OrderedDictionary<String, Fabric> = [:]
    var virtualizers: OrderedDictionary<String, Virtualizer> = [:]
    var filers: OrderedDictionary<String, Filer> = [:]
    var shares: OrderedDictionary<String, Share> = [:]
    /// `io run … async=yes` in flight, by job.
    var ioJobs: OrderedDictionary<Int, IOJob> = [:]

    /// The kinds `StoragePart.descriptor` lists after disk, pool and volume.
    static let kinds: [ObjectKind] = [.lun, .array, .fabric, .zone, .virtualizer, .nas, .share]
}

/// A part's state added after worlds were saved without it: a missing key reads as empty.
protocol DefaultEmpty: Decodable { init() }

extension KeyedDecodingContainer {
    /// Decodes a `DefaultEmpty` value, empty when the key is missing (worlds saved before it existed).
    func decode<T: DefaultEmpty>(_ type: T.Type, forKey key: Key) throws -> T {
        try decodeIfPresent(type, forKey: key) ?? T()
    }
}

/// The SAN and NAS kinds of object.
extension ObjectKind {
    public static let array = ObjectKind("array", noun: "array")
    public static let fabric = ObjectKind("fabric")
    public static let zone = ObjectKind("zone")
    /// A volume exported by an array (every volume command works on it).
    public static let lun = ObjectKind("lun", noun: "LUN")
    public static let virtualizer = ObjectKind("virtualizer")
    public static let nas = ObjectKind("nas", noun: "NAS filer", plural: "NAS filers")
    public static let share = ObjectKind("share")
}

/// A storage array: a box of disks in a rack and site, reached through fabrics.
struct StorageArray: Codable, Equatable, Sendable {
    var name: String
    var rack: String?
    var site: String?
}

/// A storage network: Fibre Channel or iSCSI, its bandwidth, what it connects and its zones.
struct Fabric: Codable, Equatable, Sendable {
    var name: String
    var kind: FabricKind
    /// Bits per second.
    var bandwidth: Double
    /// Hosts and arrays connected, in the order connected.
    var members: [String] = []
    var zones: OrderedDictionary<String, [String]> = [:]
}

/// The technology of a fabric.
public enum FabricKind: String, Codable, Sendable, CaseIterable {
    case fc, iscsi

    /// Default bandwidth: 16GFC (Fibre Channel's 16 Gbit/s generation), 10 Gbit/s Ethernet for iSCSI.
    public var bandwidth: Double {
        switch self {
        case .fc: 16e9
        case .iscsi: 10e9
        }
    }
}

/// Where a storage virtualization engine lives (COVERAGE.md T7).
public enum VirtualizerMode: String, Codable, Sendable, CaseIterable {
    case host
    case inBand = "in-band"
    case outOfBand = "out-of-band"
}

/// A storage virtualization engine.
struct Virtualizer: Codable, Equatable, Sendable {
    var name: String
    var mode: VirtualizerMode
    /// The host it runs on (host mode: required; appliances: a virtual appliance's host).
    var host: String?
    /// Bits per second through it (in-band: the data path's cap; nil: no cap).
    var bandwidth: Double?
    var failed = false
    /// Out-of-band: the mappings hosts fetched and cached, "HOST VOLUME", in the order fetched.
    var mappings: OrderedSet<String> = []
}

/// A NAS filer: a pool it owns (built from its disks or given) and its shares.
struct Filer: Codable, Equatable, Sendable {
    var name: String
    var pool: String
    var rack: String?
    var site: String?
}

/// A NAS share: a file system on the filer, its files' blocks taken from the filer's pool as written.
struct Share: Codable, Equatable, Sendable {
    var name: String
    var nas: String
    var size: Int64
    /// Path inside the share → its blocks in the filer's pool and its length, in the order first written.
    var files: OrderedDictionary<String, StoredFile> = [:]
    /// VMs that mounted it, each with its mount point.
    var mounts: OrderedDictionary<String, String> = [:]
}

/// A file of a share: where its bytes are and how many.
struct StoredFile: Codable, Equatable, Sendable {
    var blocks: [Int64]
    var length: Int
}

/// A background `io run`: which VM reads which volume, from when to when.
struct IOJob: Codable, Equatable, Sendable {
    var id: Int
    var vm: String
    var volume: String
    var bytes: Int64
    var start: Double
    var end: Double
}

/// A LUN: which array exports the volume and which hosts its mask lets see it.
struct LunExport: Codable, Equatable, Sendable {
    var array: String
    var masked: [String] = []
}

/// The SAN state as the storage operations use it.
extension World {
    var san: SANState {
        get { storage.san }
        _modify { yield &storage.san }
    }

    /// The object called `name` in one of the SAN's tables, or the unknown-name error of its kind.
    func existing<T>(_ table: OrderedDictionary<String, T>, _ kind: ObjectKind, _ name: String, at parameter: String) throws(CoreError) -> T {
        guard let object = table[name] else { throw CoreError.unknown(kind, name, among: Array(table.keys), at: parameter) }
        return object
    }
}
