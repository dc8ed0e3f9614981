/// `host info`: a host's record. Memory in bytes.
public struct HostInfo: Codable, Equatable, Sendable {
    public var name: String
    public var cpus: Int
    public var mem: Int64
    /// vcpus of every assigned VM, any state.
    public var cpusUsed: Int
    /// Memory of every assigned VM, any state, in bytes.
    public var memUsed: Int64
    public var vt: Bool
    public var cpu: CPUVendor
    public var ghz: Double
    public var nics: Int
    public var os: HostOS
    public var ip: String?
    public var state: HostState
    public var power: PowerState
    public var cpuRatio: Double
    public var memRatio: Double
    /// The hypervisor kind, or nil for none.
    public var hypervisor: HypervisorKind?
    /// Every assigned VM, any state.
    public var vms: [String]
    public var rack: String?
    public var site: String?
    /// The power model's name (linear, hp-ml110-g4, …).
    public var powerModel: String
    /// Sum of running VMs' load × vcpus over cpus, 0…1.
    public var utilization: Double
    /// Watts drawn now (0 when powered off).
    public var watts: Double
}

/// `host list` filters; nil matches anything.
public struct HostFilter: Sendable {
    public var state: HostState?
    public var power: PowerState?
    public var hypervisor: HypervisorKind?
    public var os: HostOS?
    public var rack: String?
    public var site: String?

    public init(state: HostState? = nil, power: PowerState? = nil, hypervisor: HypervisorKind? = nil,
                os: HostOS? = nil, rack: String? = nil, site: String? = nil) {
        self.state = state; self.power = power; self.hypervisor = hypervisor
        self.os = os; self.rack = rack; self.site = site
    }

    func matches(_ host: Host) -> Bool {
        (state == nil || host.state == state) && (power == nil || host.power == power)
            && (hypervisor == nil || host.hypervisor?.kind == hypervisor)
            && (os == nil || host.os == os) && (rack == nil || host.rack == rack)
            && (site == nil || host.site == site)
    }
}

/// A physical NIC's record (`show pm1.eth0`): the network part adds its cabling.
public struct NICInfo: Codable, Equatable, Sendable {
    public var name: String
    public var host: String
    public var index: Int
}
