/// CORE.md 4, "The whole: a small IaaS": tenant requests served by the three parts
/// together — networks (the tenant's VLAN, then VXLAN overlays), VMs placed on hosts
/// with a hypervisor and plugged into the tenant's network, volumes on storage every
/// such host reaches. Each request is checked against the tenant's quotas and works
/// on a copy of the world, stored only when every step succeeded: a refusal changes nothing.
extension World {
    /// The first VNI `tenant network create` gives (below it, VNIs are easily confused with VLAN IDs).
    public static let firstTenantVNI = 5000

    /// `tenant network create TENANT NAME`: a VXLAN overlay of the tenant, with the lowest
    /// VNI from 5000 up that no overlay has.
    public mutating func createTenantNetwork(_ tenantName: String, _ name: String) throws(CoreError) {
        let tenant = try existingTenant(tenantName, at: "tenant")
        try blaming("name") { () throws(CoreError) in try registry.checkFree(name, for: .overlay) }
        try checkQuota(tenant, adding: TenantUsage(networks: 1), for: "network \(name)")
        let used = Set(cloudNetwork.overlays.values.map { Int($0.vni) })
        let vni = (Self.firstTenantVNI...CloudDefaults.maxVNI).first { !used.contains($0) }!
        var next = self
        try next.addOverlay(name, vni: vni, mtu: nil)
        next.cloudNetwork.tenants[tenantName]!.holdings.overlays.append(name)
        self = next
    }

    /// `tenant vm create TENANT NAME vcpus=N mem=SIZE os=OS [network=NET] [ip=ADDR/PREFIX]`:
    /// the VM goes to the first host, in creation order, that is up and powered on, has a
    /// hypervisor for its OS, room for it and a vSwitch; it gets a vNIC in the network
    /// (default: the tenant's VLAN, also named after the tenant) on that vSwitch, and starts.
    /// Returns the host chosen.
    @discardableResult
    public mutating func createTenantVM(_ tenantName: String, _ name: String, vcpus: Int, mem: Int64, os: GuestOS,
                                        network: String? = nil, ip: String? = nil) throws(CoreError) -> String {
        let tenant = try existingTenant(tenantName, at: "tenant")
        try blaming("name") { () throws(CoreError) in try registry.checkFree(name, for: .vm) }
        try ModelLimits.checkCPUs(vcpus, "vcpus")
        try ModelLimits.checkMem(mem, "mem")
        let network = network ?? tenantName
        guard network == tenantName || tenant.holdings.overlays.contains(network) else {
            throw .value("'\(network)' is not a network of tenant \(tenantName)",
                         hint: "its networks: \(listed([tenantName] + tenant.holdings.overlays)) (tenant network create \(tenantName) NAME adds one)",
                         at: "network")
        }
        try checkQuota(tenant, adding: TenantUsage(vcpus: vcpus, mem: mem), for: "VM \(name)")
        let host = try firstFitHost(vcpus: vcpus, mem: mem, os: os)
        var next = self
        try next.createVM(name, vcpus: vcpus, mem: mem, os: os, host: host)
        let vswitch = next.vswitchNames(on: host)[0]
        if network == tenantName {
            try next.attachNIC(vm: name, to: vswitch, vlan: Int(tenant.vlan), ip: ip, mac: nil)
        } else {
            try next.attachNIC(vm: name, to: vswitch, vlan: nil, ip: ip, mac: nil, overlay: network)
        }
        try next.startVM(name)
        next.cloudNetwork.tenants[tenantName]!.holdings.vms.append(name)
        self = next
        return host
    }

    /// First fit in creation order over the hosts that can take a new tenant VM now.
    func firstFitHost(vcpus: Int, mem: Int64, os: GuestOS) throws(CoreError) -> String {
        var reasons: [String] = []
        for host in hosts.values {
            let reason: String? = if host.state != .up { "failed" }
                else if host.power != .on { "powered off" }
                else if (try? checkCanAssign(os: os, to: host.name)) == nil { host.hypervisor == nil ? "no hypervisor" : "cannot run \(os.rawValue)" }
                else if !host.fits(vcpus: vcpus, mem: mem) { "no room" }
                else if vswitchNames(on: host.name).isEmpty { "no vSwitch" }
                else { nil }
            guard let reason else { return host.name }
            reasons.append("\(host.name): \(reason)")
        }
        throw .state("no host can take a VM of \(vcpus) vcpus and \(formatBytes(mem)) (\(reasons.isEmpty ? "there are no hosts" : reasons.joined(separator: "; ")))",
                     hint: "a tenant VM needs a host that is up, with a hypervisor (hypervisor install), room and a vSwitch (vswitch add)",
                     at: "vcpus")
    }

    /// `tenant volume create TENANT NAME size=SIZE [replicas=N spread=…] [vm=VM]`: a thick
    /// volume whose first copy is in the first pool, in creation order, that has room, can
    /// place the replicas, and that every host with a hypervisor reaches; attached to the
    /// tenant's VM `vm` if given.
    public mutating func createTenantVolume(_ tenantName: String, _ name: String, size: Int64, replicas: Int = 1,
                                            spread: Spread = .disk, vm: String? = nil) throws(CoreError) {
        let tenant = try existingTenant(tenantName, at: "tenant")
        try blaming("name") { () throws(CoreError) in try registry.checkFree(name, for: .volume) }
        guard size >= 1 else { throw .value("size must be positive, not \(formatBytes(size))", at: "size") }
        guard (1...8).contains(replicas) else { throw .value("replicas must be between 1 and 8, not \(replicas)", at: "replicas") }
        if let vm, !tenant.holdings.vms.contains(vm) {
            throw .value("'\(vm)' is not a VM of tenant \(tenantName)", hint: "its VMs: \(listed(tenant.holdings.vms))", at: "vm")
        }
        try checkQuota(tenant, adding: TenantUsage(storage: size), for: "volume \(name)")
        let computeHosts = hosts.values.filter { $0.hypervisor != nil }.map(\.name)
        var reasons: [String] = []
        // Every copy, not just one, must be reachable: a VM restarted anywhere finds each.
        let world = self
        let gap = { (pool: Pool) in computeHosts.lazy.compactMap { world.storageGap(pool, from: $0, viaEngine: false) }.first }
        for pool in pools.values where !san.filers.values.contains(where: { $0.pool == pool.name }) {
            if let gap = gap(pool) {
                reasons.append("\(pool.name): \(gap)")
                continue
            }
            var next = self
            do throws(CoreError) {
                try next.createVolume(name, pool: pool.name, size: size, replicas: replicas, spread: spread, export: nil,
                                      replicaPools: { gap($0) == nil })
                if let vm { try next.attachVolume(name, vm: vm) }
                next.cloudNetwork.tenants[tenantName]!.holdings.volumes.append(name)
                self = next
                return
            } catch {
                reasons.append("\(pool.name): \(error.message)")
            }
        }
        throw .state("no pool can hold volume \(name) (\(reasons.isEmpty ? "there are no pools" : reasons.joined(separator: "; ")))",
                     hint: "tenant volumes need pools on shared storage every hypervisor host reaches (disks with no on=), with room for each replica",
                     at: "size")
    }
}
