/// `host add|fail|repair|power|set|info|list`.
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
        guard cpus >= 1 else { throw .value("cpus must be at least 1, not \(cpus)") }
        guard mem > 0 else { throw .value("mem must be positive, not \(mem) bytes") }
        guard ghz.isFinite, ghz > 0 else { throw .value("ghz must be positive, not \(ghz)") }
        guard nics >= 0, nics <= 64 else { throw .value("nics must be between 0 and 64, not \(nics)") }
        if let ip { try checkIPv4(ip) }
        registry.insert(name, as: .host)
        hosts[name] = Host(name: name, cpus: cpus, mem: mem, vt: vt, cpu: cpu, ghz: ghz, nics: nics,
                           os: os, ip: ip, rack: rack, site: site, powerModel: power)
    }

    /// `host fail`: the host stops working. Its running and paused VMs crash,
    /// and every app, jail, UML and coLinux instance on its own OS dies with it.
    public mutating func failHost(_ name: String) throws(CoreError) {
        let host = try existingHost(name)
        guard host.state == .up else { throw .state("host '\(name)' has already failed", hint: "host repair \(name)") }
        hosts[name]!.state = .failed
        for vmName in host.vms where [.running, .paused].contains(vms[vmName]!.state) {
            crashVM(vmName, reason: "host \(name) failed")
        }
        crashInside(name, reason: "host \(name) failed")
    }

    /// `host repair`: the host works again; crashed VMs stay crashed until `vm restart`.
    public mutating func repairHost(_ name: String) throws(CoreError) {
        let host = try existingHost(name)
        guard host.state == .failed else { throw .state("host '\(name)' is not failed", hint: "only a failed host can be repaired") }
        hosts[name]!.state = .up
    }

    /// `host power NAME on|off`. Powering off refuses while VMs run or are paused
    /// on it, or while apps run on its own OS.
    public mutating func setPower(_ name: String, _ power: PowerState) throws(CoreError) {
        let host = try existingHost(name)
        guard host.power != power else { throw .state("host '\(name)' is already powered \(power.rawValue)") }
        if power == .off {
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
                throw .value("\(key) must be a number above 0 (at most 100), not \(fmt(value))")
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

    func existingHost(_ name: String) throws(CoreError) -> Host {
        guard let host = hosts[name] else { throw CoreError.unknown(.host, name, among: Array(hosts.keys)) }
        return host
    }
}

/// Checks a dotted-quad IPv4 address.
func checkIPv4(_ text: String) throws(CoreError) {
    let parts = text.split(separator: ".", omittingEmptySubsequences: false)
    guard parts.count == 4, parts.allSatisfy({ $0.count <= 3 && UInt8($0) != nil }) else {
        throw .value("'\(text)' is not an IPv4 address", hint: "write four numbers 0–255 separated by dots, as 10.0.0.1")
    }
}

/// Bytes for messages: "8 GiB", "512 MiB", "100 B".
func formatBytes(_ bytes: Int64) -> String {
    let units = ["B", "KiB", "MiB", "GiB", "TiB", "PiB"]
    var value = Double(bytes), unit = 0
    while abs(value) >= 1024, unit < units.count - 1 { value /= 1024; unit += 1 }
    let rounded = (value * 10).rounded() / 10
    let text = rounded == rounded.rounded() ? String(Int64(rounded)) : String(rounded)
    return "\(text) \(units[unit])"
}
