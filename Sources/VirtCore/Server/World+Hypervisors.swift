/// `hypervisor install|remove|info|costs|set`.
extension World {
    /// `hypervisor install HOST kind=K [paging=P]`. `hardware` needs `vt=yes`;
    /// `paging=nested` applies only to `hardware`.
    public mutating func installHypervisor(on hostName: String, kind: HypervisorKind,
                                           paging: Paging = .shadow) throws(CoreError) {
        let host = try existingHost(hostName, at: "host")
        if let current = host.hypervisor {
            throw .state("host '\(hostName)' already runs a \(current.kind.rawValue) hypervisor",
                         hint: "hypervisor remove \(hostName) first")
        }
        if kind == .hardware, !host.vt {
            throw .state("hardware-assisted virtualization needs VT-x or AMD-V", hint: "\(hostName) has vt=no")
        }
        if paging == .nested, kind != .hardware {
            throw .value("paging=nested applies to hardware-assisted virtualization, not \(kind.rawValue)",
                         hint: "nested paging (EPT/NPT) is a feature of the CPU's virtualization extensions")
        }
        let users = liveApps(onHostKernel: hostName) + formsOn(host: hostName)
        if !users.isEmpty {
            throw .state("host '\(hostName)' runs \(listed(users)) on its own OS",
                         hint: "stop or destroy them before installing a hypervisor")
        }
        hosts[hostName]!.hypervisor = Hypervisor(kind: kind, paging: paging)
    }

    /// `hypervisor remove HOST`: only when no VM is assigned to the host.
    public mutating func removeHypervisor(from hostName: String) throws(CoreError) {
        let host = try existingHost(hostName, at: "host")
        guard host.hypervisor != nil else { throw .state("host '\(hostName)' has no hypervisor") }
        try checkNoMigration(on: hostName, "remove the hypervisor of")
        guard host.vms.isEmpty else {
            throw .state("host '\(hostName)' still has VMs (\(listed(host.vms)))",
                         hint: "destroy them or migrate them away first")
        }
        hosts[hostName]!.hypervisor = nil
    }

    /// `hypervisor info HOST`.
    public func hypervisorInfo(_ hostName: String) throws(CoreError) -> HypervisorInfo {
        let hv = try existingHypervisor(hostName)
        return HypervisorInfo(host: hostName, kind: hv.kind, paging: hv.paging,
                              vmmRing: hv.kind.vmmRing, guestKernelRing: hv.kind.guestKernelRing)
    }

    /// `hypervisor costs HOST`: the cost table with each value's source.
    public func hypervisorCosts(_ hostName: String) throws(CoreError) -> [CostEntry] {
        try existingHypervisor(hostName).costs.entries
    }

    /// `hypervisor set HOST KEY=VALUE…`: changes cost-table entries (all or none).
    public mutating func setHypervisorCosts(_ hostName: String, _ changes: [(key: String, value: Double)]) throws(CoreError) {
        var hv = try existingHypervisor(hostName)
        for change in changes {
            guard let key = CostKey(rawValue: change.key) else {
                throw CoreError(.name, "'\(change.key)' is not a cost-table key",
                                hint: "keys are " + CostKey.allCases.map(\.rawValue).joined(separator: ", "))
            }
            guard change.value.isFinite, change.value >= 0, change.value <= key.maximum else {
                throw .value("\(change.key) must be between 0 and \(fmt(key.maximum)), not \(fmt(change.value))")
            }
            if (key == .batch || key == .nestedWalkFactor || key == .jitFactor), change.value < 1 {
                throw .value("\(change.key) must be at least 1, not \(fmt(change.value))")
            }
            hv.costs[key] = change.value
        }
        hosts[hostName]!.hypervisor = hv
    }

    func existingHypervisor(_ hostName: String, at parameter: String = "host") throws(CoreError) -> Hypervisor {
        guard let hv = try existingHost(hostName, at: parameter).hypervisor else {
            throw .state("host '\(hostName)' has no hypervisor",
                         hint: "hypervisor install \(hostName) kind=full|para|hardware|trap", at: parameter)
        }
        return hv
    }
}
