/// A cloud tenant: its own VLAN (CORE.md 3, "Clouds"), and its network settings.
/// Its quotas, overlays, VMs and volumes are in `holdings` (CORE.md 4; `Cloud/`).
struct Tenant: Codable, Equatable, Sendable {
    var name: String
    var vlan: UInt16
    /// Stored optional so that worlds saved before quotas load (as no quota, nothing held).
    private var cloud: TenantHoldings?
    var holdings: TenantHoldings {
        get { cloud ?? TenantHoldings() }
        set { cloud = newValue }
    }
    /// The MTU of its VMs' NICs, if set (else Ethernet's 1500).
    var mtu: Int?
    /// Its total rate limit on the network (bits/s), if set.
    var rate: Double?

    init(name: String, vlan: UInt16, quota: TenantQuota) {
        self.name = name
        self.vlan = vlan
        cloud = TenantHoldings(quota: quota)
    }
}

/// What `tenant info` returns.
public struct TenantInfo: Sendable {
    public var name: String
    public var vlan: Int
    public var mtu: Int
    public var rate: Double?
    public var nics: [String]
    public var quota: TenantQuota
    public var used: TenantUsage
    /// Its networks after the VLAN (VXLAN overlays), VMs and volumes, in creation order.
    public var overlays: [String]
    public var vms: [String]
    public var volumes: [String]
}

/// `tenant add|set|info`: one VLAN per tenant, IDs 1 to 4094 in order.
extension World {
    /// `tenant add NAME [vcpus=N] [mem=SIZE] [storage=SIZE] [networks=N]`: the tenant takes
    /// the lowest VLAN ID no tenant has (1 first), its first network; unset quotas are no limit.
    public mutating func addTenant(_ name: String, quota: TenantQuota = TenantQuota()) throws(CoreError) {
        try registry.checkFree(name, for: .tenant)
        try quota.check()
        let tenants = cloudNetwork.tenants
        var vlan = tenants.count + 1
        if tenants.values.last?.vlan != UInt16(tenants.count) {
            let used = Set(tenants.values.map(\.vlan))
            vlan = (1...4095).first { !used.contains(UInt16($0)) }!
        }
        guard vlan <= 4094 else {
            throw .state("no VLAN ID is left for tenant \(name): all 4094 (1 to 4094) belong to tenants already",
                         hint: "802.1Q's VLAN ID has 12 bits; put further tenants on VXLAN overlays (24-bit VNIs): overlay add \(name)-net vni=5000",
                         at: "name")
        }
        registry.insert(name, as: .tenant)
        cloudNetwork.tenants[name] = Tenant(name: name, vlan: UInt16(vlan), quota: quota)
    }

    /// `tenant set NAME [mtu=M] [rate=R]`: one tenant's settings; others keep theirs.
    public mutating func setTenant(_ name: String, mtu: Int?, rate: Double?) throws(CoreError) {
        _ = try existingTenant(name)
        let mtu = try mtu.map { m throws(CoreError) in try checkMTU(m, at: "mtu") }
        let rate = try rate.map { r throws(CoreError) in try checkRate(r) }
        if let mtu { cloudNetwork.tenants[name]!.mtu = mtu }
        if let rate { cloudNetwork.tenants[name]!.rate = rate }
    }

    public func tenantInfo(_ name: String) throws(CoreError) -> TenantInfo {
        let tenant = try existingTenant(name)
        return TenantInfo(name: name, vlan: Int(tenant.vlan), mtu: tenant.mtu ?? CloudDefaults.underlayMTU, rate: tenant.rate,
                          nics: vnics.values.filter { $0.vlan == tenant.vlan }.map(\.name),
                          quota: tenant.holdings.quota, used: usage(of: tenant),
                          overlays: tenant.holdings.overlays, vms: tenant.holdings.vms, volumes: tenant.holdings.volumes)
    }

    func existingTenant(_ name: String, at parameter: String = "name") throws(CoreError) -> Tenant {
        guard let tenant = cloudNetwork.tenants[name] else {
            throw CoreError.unknown(.tenant, name, among: names(ofKind: .tenant), at: parameter)
        }
        return tenant
    }
}
