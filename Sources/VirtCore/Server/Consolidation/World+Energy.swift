/// `report utilization`, `report energy`: utilization drives each host's power model.
extension World {
    /// Sum of running VMs' load × vcpus over the host's cpus, at most 1.
    func utilization(of host: Host) -> Double {
        let busy = host.vms.reduce(0.0) { sum, name in
            let vm = vms[name]!
            return vm.state == .running ? sum + vm.load * Double(vm.vcpus) : sum
        }
        return min(1, busy / Double(host.cpus))
    }

    /// Watts drawn now: the power model at the host's utilization; 0 when powered off.
    func watts(of host: Host) -> Double {
        host.power == .on ? host.powerModel.watts(at: utilization(of: host)) : 0
    }

    /// Total watts drawn by all hosts now.
    func currentPower() -> Double {
        hosts.values.reduce(0) { $0 + watts(of: $1) }
    }

    /// `report utilization`: one row per host, in creation order.
    public func utilizationReport() -> [HostUtilization] {
        hosts.values.map { HostUtilization(host: $0.name, utilization: utilization(of: $0), watts: watts(of: $0), power: $0.power) }
    }

    /// `report energy [over=DURATION]`: power now, energy since reset, powered-on hosts,
    /// and, given a duration in seconds, the energy the current power would use over it.
    public func energyReport(over duration: Double? = nil) throws(CoreError) -> EnergyReport {
        if let duration, !(duration.isFinite && duration >= 0) {
            throw .value("over= must be a duration of zero or more, not \(duration)")
        }
        let power = currentPower()
        return EnergyReport(power: power, energy: energy, hostsOn: hosts.values.filter { $0.power == .on }.count,
                            over: duration, projected: duration.map { power * $0 })
    }
}

/// One bar of `report utilization`.
public struct HostUtilization: Codable, Equatable, Sendable {
    public var host: String
    /// 0…1.
    public var utilization: Double
    public var watts: Double
    public var power: PowerState
}

/// `report energy`.
public struct EnergyReport: Codable, Equatable, Sendable {
    /// Watts now.
    public var power: Double
    /// Joules since reset.
    public var energy: Double
    /// Powered-on hosts, with or without VMs.
    public var hostsOn: Int
    /// The projection's duration in seconds, if asked.
    public var over: Double?
    /// Joules the current power draws over `over`.
    public var projected: Double?
}
