/// What a tenant may use (CORE.md 4): nil is no limit.
public struct TenantQuota: Codable, Equatable, Sendable {
    public var vcpus: Int?
    public var mem: Int64?
    public var storage: Int64?
    /// Its networks, the VLAN included.
    public var networks: Int?

    public init(vcpus: Int? = nil, mem: Int64? = nil, storage: Int64? = nil, networks: Int? = nil) {
        self.vcpus = vcpus
        self.mem = mem
        self.storage = storage
        self.networks = networks
    }

    /// The largest storage quota: 1 EiB (2^60 bytes), so that sums of volume sizes stay below 2^63.
    public static let maxStorage: Int64 = 1 << 60
    /// The most networks a tenant may be given: one VLAN plus as many overlays as the model holds.
    public static let maxNetworks = CloudDefaults.maxOverlays + 1

    /// Throws a value error naming the option out of range.
    func check() throws(CoreError) {
        if let vcpus { try ModelLimits.checkCPUs(vcpus, "vcpus") }
        if let mem { try ModelLimits.checkMem(mem, "mem") }
        if let storage, !(1...Self.maxStorage).contains(storage) {
            throw .value("storage must be positive and at most \(formatBytes(Self.maxStorage)), not \(formatBytes(storage))", at: "storage")
        }
        if let networks, !(1...Self.maxNetworks).contains(networks) {
            throw .value("networks must be between 1 and \(Self.maxNetworks) (the tenant's VLAN is its first), not \(networks)", at: "networks")
        }
    }
}

/// What a tenant has asked the cloud for, in creation order (issue 15).
struct TenantHoldings: Codable, Equatable, Sendable {
    var quota = TenantQuota()
    /// Its networks after the VLAN: VXLAN overlays.
    var overlays: [String] = []
    var vms: [String] = []
    var volumes: [String] = []
}

/// A tenant's use of each quota.
public struct TenantUsage: Equatable, Sendable {
    public var vcpus = 0
    public var mem: Int64 = 0
    public var storage: Int64 = 0
    public var networks = 0
}
