/// Quotas: every tenant request is checked against them before anything changes.
extension World {
    /// What a tenant uses now: its VMs' vcpus and memory (any state), its volumes' sizes, its networks.
    func usage(of tenant: Tenant) -> TenantUsage {
        let held = tenant.holdings
        var usage = TenantUsage(networks: 1 + held.overlays.count)
        for vm in held.vms.compactMap({ vms[$0] }) {
            usage.vcpus += vm.vcpus
            usage.mem += vm.mem
        }
        usage.storage = held.volumes.compactMap { volumes[$0]?.size }.reduce(0, +)
        return usage
    }

    /// Throws when `extra` on top of the tenant's usage exceeds one of its quotas.
    func checkQuota(_ tenant: Tenant, adding extra: TenantUsage, for request: String) throws(CoreError) {
        let quota = tenant.holdings.quota
        let used = usage(of: tenant)
        func refuse(_ what: String, _ limit: String, _ inUse: String, _ asked: String, at parameter: String) -> CoreError {
            .state("tenant \(tenant.name)'s quota is \(limit) \(what): \(inUse) in use, and \(request) asks for \(asked) more",
                   hint: "ask for less, or free some (vm destroy …); tenant info \(tenant.name) shows quotas and usage", at: parameter)
        }
        if let limit = quota.vcpus, used.vcpus + extra.vcpus > limit {
            throw refuse("vcpus", "\(limit)", "\(used.vcpus)", "\(extra.vcpus)", at: "vcpus")
        }
        if let limit = quota.mem, used.mem + extra.mem > limit {
            throw refuse("of memory", formatBytes(limit), formatBytes(used.mem), formatBytes(extra.mem), at: "mem")
        }
        if let limit = quota.storage, used.storage + extra.storage > limit {
            throw refuse("of storage", formatBytes(limit), formatBytes(used.storage), formatBytes(extra.storage), at: "size")
        }
        if let limit = quota.networks, used.networks + extra.networks > limit {
            throw refuse(limit == 1 ? "network" : "networks", "\(limit)", "\(used.networks) (its VLAN and \(used.networks - 1) overlay\(used.networks == 2 ? "" : "s"))", "1", at: "name")
        }
    }
}
