/// A physical disk: its size, technology, interface, where it sits, whether it
/// works, and its bytes.
struct Disk: Codable, Equatable, Sendable {
    var name: String
    var size: Int64
    var type: DiskType
    var iface: DiskInterface
    var host: String?
    var array: String?
    var rack: String?
    var site: String?
    /// Mean time to failure, in hours.
    var mttf: Double
    var state: DiskState = .online
    /// The pool it belongs to (member or spare), if any.
    var pool: String?
    var data = BlockStore()

    /// Whole 4 KiB blocks.
    var blockCount: Int64 { size / Int64(BlockStore.blockSize) }
}

/// A disk works or has failed.
public enum DiskState: String, Codable, Sendable, CaseIterable { case online, failed }

/// Disk technologies, with their default throughput and MTTF.
public enum DiskType: String, Codable, Sendable, CaseIterable {
    case hdd, ssd, nvme

    /// CORE.md: default device throughput, bits per second.
    public var throughput: Double {
        switch self {
        case .hdd: 1.2e9
        case .ssd: 4e9
        case .nvme: 16e9
        }
    }

    /// Default mean time to failure in hours, a datasheet figure (MTBF as vendors state it).
    public var mttf: Double {
        switch self {
        case .hdd: 2_500_000
        case .ssd: 2_000_000
        case .nvme: 2_000_000
        }
    }

    /// Where the default MTTF comes from (`help sources`).
    public var mttfSource: String {
        switch self {
        case .hdd: "Seagate Exos X16 datasheet: MTBF 2,500,000 hours"
        case .ssd: "Samsung PM893 SATA SSD datasheet: MTBF 2,000,000 hours"
        case .nvme: "Samsung PM9A3 NVMe SSD datasheet: MTBF 2,000,000 hours"
        }
    }

    /// The interface a disk of this type has unless told otherwise.
    public var defaultInterface: DiskInterface {
        switch self {
        case .hdd: .sata
        case .ssd: .sata
        case .nvme: .nvme
        }
    }
}

/// How a disk is attached.
public enum DiskInterface: String, Codable, Sendable, CaseIterable { case sata, sas, fc, iscsi, nvme }

/// `disk info`: a disk's record.
public struct DiskInfo: Codable, Equatable, Sendable {
    public var name: String
    public var size: Int64
    public var type: DiskType
    public var iface: DiskInterface
    public var host: String?
    public var array: String?
    public var rack: String?
    public var site: String?
    public var mttf: Double
    public var state: DiskState
    public var pool: String?
    /// Blocks holding data.
    public var written: Int
    /// Bits per second.
    public var throughput: Double
}
