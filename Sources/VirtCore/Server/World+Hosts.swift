/// `host add|remove|fail|repair|power|set|info|list`.
extension World {
    /// `host add`: a working, powered-on host without a hypervisor.
    /// Defaults are in `HostDefaults`, each with its source.
    public mutating func addHost(_ name: String, cpus: Int, mem: Int64,
                                 vt: Bool = HostDefaults.vt, cpu: CPUVendor = HostDefaults.cpu,
                                 ghz: Double = HostDefaults.ghz, nics: Int = HostDefaults.nics,
                                 os: HostOS = HostDefaults.os, ip: String? = nil,
                                 rack: String? = nil, site: String? = nil,
                                 power: PowerModel = HostDefaults.power) throws(CoreError) {
        try registry.checkFree(name, for: .host)
        try ModelLimits.checkCPUs(cpus, "cpus")
        try ModelLimits.checkMem(mem, "mem")
        guard ghz.isFinite, ghz > 0 else { throw .value("ghz must be positive, not \(fmt(ghz))", at: "ghz") }
        guard nics >= 0, nics <= 64 else { throw .value("nics must be between 0 and 64, not \(nics)", at: "nics") }
        if let ip { try checkIPv4(ip, at: "ip") }
        try checkLabel(rack, at: "rack")
        try checkLabel(site, at: "site")
        registry.insert(name, as: .host)
        hosts[name] = Host(name: name, cpus: cpus, mem: mem, vt: vt, cpu: cpu, ghz: ghz, nics: nics,
                           os: os, ip: ip, rack: rack, site: site, powerModel: power)
    }

    /// `host remove`: a host with no VM assigned, no hypervisor and nothing running on
    /// its own OS leaves the world, with its NICs.
    public mutating func removeHost(_ name: String) throws(CoreError) {
        let host = try existingHost(name)
        guard host.vms.isEmpty else {
            throw .state("host '\(name)' still has VMs (\(listed(host.vms)))", hint: "destroy them or migrate them away first")
        }
        guard host.hypervisor == nil else {
            throw .state("host '\(name)' still runs a hypervisor", hint: "hypervisor remove \(name) first")
        }
        let users = liveApps(onHostKernel: name) + formsOn(host: name)
        guard users.isEmpty else {
            throw .state("host '\(name)' runs \(listed(users)) on its own OS", hint: "stop or destroy them first")
        }
        for part in World.parts { part.removed(&self, name) }
        hosts.removeValue(forKey: name)
        registry.remove(name)
    }

    /// `host fail`: the host stops working, and every part reacts (`PartDescriptor.hostFailed`):
    /// its running and paused VMs crash, and every app, jail, UML and coLinux instance on its own OS dies with it.
    public mutating func failHost(_ name: String) throws(CoreError) {
        let host = try existingHost(name)
        guard host.state == .up else { throw .state("host '\(name)' has already failed", hint: "host repair \(name)") }
        markFailed(name, reason: "host \(name) failed")
    }

    /// A host stops working (`host fail`, a kernel panic on its own OS) and every part reacts.
    mutating func markFailed(_ name: String, reason: String) {
        hosts[name]!.state = .failed
        for part in World.parts { part.hostFailed(&self, name, reason) }
    }

    /// The server part's reaction to a host failure: what runs there crashes.
    mutating func crashEverythingOn(host name: String, reason: String) {
        for vmName in hosts[name]!.vms where [.running, .paused].contains(vms[vmName]!.state) {
            crashVM(vmName, reason: reason)
        }
        crashInside(name, reason: reason)
    }

    /// `host repair`: the host works again; crashed VMs stay crashed until `vm restart`.
    public mutating func repairHost(_ name: String) throws(CoreError) {
        let host = try existingHost(name)
        guard host.state == .failed else { throw .state("host '\(name)' is not failed", hint: "only a failed host can be repaired") }
        hosts[name]!.state = .up
        for part in World.parts { part.hostRepaired(&self, name) }
    }

    /// `host power NAME on|off`. Powering off refuses while VMs run or are paused
    /// on it, or while apps run on its own OS.
    public mutating func setPower(_ name: String, _ power: PowerState) throws(CoreError) {
        let host = try existingHost(name)
        guard host.power != power else { throw .state("host '\(name)' is already powered \(power.rawValue)") }
        if power == .off {
            try checkNoMigration(on: name, "power off")
            let active = host.vms.filter { [.running, .paused].contains(vms[$0]!.state) }
            if !active.isEmpty {
                throw .state("host '\(name)' still runs VMs (\(listed(active)))",
                             hint: "stop them or migrate them away first")
            }
            let busy = liveApps(onHostKernel: name)
            if !busy.isEmpty {
                throw .state("host '\(name)' still runs apps (\(listed(busy)))", hint: "stop them first")
            }
        }
        hosts[name]!.power = power
    }

    /// `host set NAME cpu-ratio=R mem-ratio=R`: overcommit ratios (default 1).
    /// A ratio below what is already assigned is refused.
    public mutating func setRatios(_ name: String, cpuRatio: Double? = nil, memRatio: Double? = nil) throws(CoreError) {
        var host = try existingHost(name)
        for (key, value) in [("cpu-ratio", cpuRatio), ("mem-ratio", memRatio)] {
            if let value, !(value.isFinite && value > 0 && value <= 100) {
                throw .value("\(key) must be a number above 0 (at most 100), not \(fmt(value))", at: key)
            }
        }
        host.cpuRatio = cpuRatio ?? host.cpuRatio
        host.memRatio = memRatio ?? host.memRatio
        guard host.freeCPU >= 0, host.freeMem >= 0 else {
            throw .state("host '\(name)' already has \(host.cpusUsed) vcpus and \(formatBytes(host.memUsed)) assigned, more than the new ratio allows",
                         hint: "move VMs away or choose a larger ratio")
        }
        hosts[name] = host
    }

    /// `host info`.
    public func hostInfo(_ name: String) throws(CoreError) -> HostInfo {
        info(of: try existingHost(name))
    }

    /// `host list [filters]`, in creation order.
    public func hostList(_ filter: HostFilter = HostFilter()) -> [HostInfo] {
        hosts.values.filter(filter.matches).map(info(of:))
    }

    func info(of host: Host) -> HostInfo {
        HostInfo(name: host.name, cpus: host.cpus, mem: host.mem, cpusUsed: host.cpusUsed, memUsed: host.memUsed,
                 vt: host.vt, cpu: host.cpu, ghz: host.ghz, nics: host.nics, os: host.os, ip: host.ip,
                 state: host.state, power: host.power, cpuRatio: host.cpuRatio, memRatio: host.memRatio,
                 hypervisor: host.hypervisor?.kind, vms: host.vms, rack: host.rack, site: host.site,
                 powerModel: host.powerModel.name, utilization: utilization(of: host), watts: watts(of: host))
    }

    /// A physical NIC of a host (`pm1.eth0`).
    public func nicInfo(_ name: String) throws(CoreError) -> NICInfo {
        guard kind(of: name) == .nic, let owner = NameRegistry.owner(of: name),
              let index = Int(name.dropFirst(owner.count + 4)) else {
            throw CoreError.unknown(.nic, name, among: names(ofKind: .nic), at: "name")
        }
        return NICInfo(name: name, host: owner, index: index)
    }

    func existingHost(_ name: String, at parameter: String = "name") throws(CoreError) -> Host {
        guard let host = hosts[name] else { throw CoreError.unknown(.host, name, among: Array(hosts.keys), at: parameter) }
        return host
    }
}
