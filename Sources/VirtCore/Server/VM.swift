/// A virtual machine.
struct VM: Codable, Equatable, Sendable {
    var name: String
    var vcpus: Int
    var mem: Int64
    var os: GuestOS
    var host: String?
    var state: VMState
    /// Credit-scheduler weight (Xen default 256).
    var weight: Int = VMDefaults.weight
    /// Cap as a fraction of one physical CPU (0.5 = 50 %); 0 is uncapped.
    var cap: Double = 0
    /// Fraction of its vcpus it keeps busy, 0…1 (utilization and power).
    var load: Double = 0
    /// Pages dirtied per second while running (live migration).
    var dirtyRate: Double = 0
    /// Writable working set in bytes; nil means all of its memory.
    var wws: Int64?
    /// Kernel code blocks translated by a full hypervisor, reused with `warm=yes`.
    var translated: [String] = []
    /// The job id while a migration is in flight.
    var migrating: Int?
    /// Why the VM crashed, while crashed.
    var crashReason: String?
    /// The mode of the VM's last completed migration, and the downtime it had (nil before any).
    var lastMigration: MigrationMode?
    var lastDowntime: Double?
}

/// A VM's life-cycle state.
public enum VMState: String, Codable, Sendable, CaseIterable { case pending, stopped, running, paused, crashed }

/// VM defaults.
public enum VMDefaults {
    /// Xen credit scheduler's default weight.
    public static let weight = 256
    /// Xen's default cap: 0, uncapped.
    public static let cap = 0.0
}

/// `vm info`: a VM's record.
public struct VMInfo: Codable, Equatable, Sendable {
    public var name: String
    /// nil while pending.
    public var host: String?
    public var state: VMState
    public var vcpus: Int
    public var mem: Int64
    public var os: GuestOS
    public var load: Double
    public var weight: Int
    public var cap: Double
    public var dirtyRate: Double
    public var wws: Int64
    /// Volumes attached (storage part; empty for now).
    public var volumes: [String]
    /// vNICs (network part; empty for now).
    public var nics: [String]
    /// A job id while a migration is in flight.
    public var migrating: Int?
    public var crashReason: String?
    /// The mode of the last completed migration (nil: never migrated), so a goal can tell a live move from a cold one.
    public var lastMigration: MigrationMode?
    /// The downtime of that migration, in seconds.
    public var lastDowntime: Double?
}

/// `vm list` filters; nil matches anything.
public struct VMFilter: Sendable {
    public var host: String?
    public var state: VMState?
    public var os: GuestOS?

    public init(host: String? = nil, state: VMState? = nil, os: GuestOS? = nil) {
        self.host = host; self.state = state; self.os = os
    }
}
