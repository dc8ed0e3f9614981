/// The server part's invariants, in one place: what every operation keeps true
/// and `load` checks in a saved file (CORE.md section 1; the limits the operations enforce).
extension World {
    /// An object is stored under its own name, and the namespace knows it as its kind.
    private func checkStored(_ name: String, under key: String, as kind: ObjectKind, _ path: String) throws(CoreError) {
        try Invariant.require(name == key, path + ".name", "must be the key it is stored under ('\(key)')")
        try Invariant.require(registry.kind(of: key) == kind, path, "is not registered as \(kind.aNoun)")
    }

    func checkServerInvariants() throws(CoreError) {
        let require = Invariant.require
        for (key, host) in hosts {
            let path = "server.hosts.\(key)"
            try checkStored(host.name, under: key, as: .host, path)
            try require((1...ModelLimits.maxCPUs).contains(host.cpus), path + ".cpus", "must be between 1 and \(ModelLimits.maxCPUs)")
            try require(host.mem > 0 && host.mem <= ModelLimits.maxMem, path + ".mem", "must be positive and at most 1 PiB")
            try require(host.ghz.isFinite && host.ghz > 0, path + ".ghz", "must be positive")
            try require((0...64).contains(host.nics), path + ".nics", "must be between 0 and 64")
            for (field, label) in [("rack", host.rack), ("site", host.site)] {
                try require(label.map(isPrintableLabel) ?? true, "\(path).\(field)", "must be printable text on one line")
            }
            for (field, ratio) in [("cpuRatio", host.cpuRatio), ("memRatio", host.memRatio)] {
                try require(ratio.isFinite && ratio > 0 && ratio <= 100, "\(path).\(field)", "must be above 0 and at most 100")
            }
            if case .linear(let idle, let max) = host.powerModel {
                try require(idle.isFinite && max.isFinite && idle >= 0 && max >= idle, path + ".powerModel", "must have 0 ≤ idle ≤ max")
            }
            for entry in host.hypervisor?.costs.entries ?? [] {
                try Invariant.finite(entry.value, atLeast: 0, "\(path).hypervisor.costs.\(entry.key)")
                let maximum = CostKey(rawValue: entry.key)?.maximum ?? 0
                try require(entry.value <= maximum, "\(path).hypervisor.costs.\(entry.key)", "must be at most \(fmt(maximum))")
            }
            var cpus = 0, mem: Int64 = 0
            for (index, vmName) in host.vms.enumerated() {
                try require(vms[vmName]?.host == key, "\(path).vms.\(index)", "names '\(vmName)', which is not a VM on this host")
                let (c, cOverflow) = cpus.addingReportingOverflow(vms[vmName]!.vcpus)
                let (m, mOverflow) = mem.addingReportingOverflow(vms[vmName]!.mem)
                try require(!cOverflow && !mOverflow, "\(path).vms", "hold more than can be counted")
                (cpus, mem) = (c, m)
            }
            try require(Set(host.vms).count == host.vms.count, path + ".vms", "names a VM twice")
            try require(host.cpusUsed == cpus, path + ".cpusUsed", "must be the vcpus of its VMs (\(cpus))")
            try require(host.memUsed == mem, path + ".memUsed", "must be the memory of its VMs (\(mem))")
        }
        for (key, vm) in vms {
            let path = "server.vms.\(key)"
            try checkStored(vm.name, under: key, as: .vm, path)
            try require((1...ModelLimits.maxCPUs).contains(vm.vcpus), path + ".vcpus", "must be between 1 and \(ModelLimits.maxCPUs)")
            try require(vm.mem > 0 && vm.mem <= ModelLimits.maxMem, path + ".mem", "must be positive and at most 1 PiB")
            try require((vm.host == nil) == (vm.state == .pending), path + ".host", "must be none exactly while the VM is pending")
            if let host = vm.host {
                try require(hosts[host]?.vms.contains(key) == true, path + ".host", "names '\(host)', which is not a host listing this VM")
                try require(hosts[host]!.hypervisor != nil, path + ".host", "names '\(host)', which has no hypervisor")
            }
            try require(vm.load.isFinite && (0...1).contains(vm.load), path + ".load", "must be between 0 and 1")
            try Invariant.finite(vm.dirtyRate, atLeast: 0, path + ".dirtyRate")
            try require(vm.wws.map { $0 > 0 && $0 <= vm.mem } ?? true, path + ".wws", "must be positive and at most the VM's memory")
            try require((1...65535).contains(vm.weight), path + ".weight", "must be between 1 and 65535")
            try Invariant.finite(vm.cap, atLeast: 0, path + ".cap")
            try require(vm.cap <= Double(vm.vcpus), path + ".cap", "must be at most the VM's vcpus")
            if let job = vm.migrating {
                try require(migrations[job]?.vm == key, path + ".migrating", "names job \(job), which is not this VM's migration")
            }
        }
        for (key, app) in apps {
            let path = "server.apps.\(key)"
            try checkStored(app.name, under: key, as: .app, path)
            try require(registry.kind(of: app.target) != nil, path + ".target", "names '\(app.target)', which does not exist")
            try require(app.threads >= 1, path + ".threads", "must be at least 1")
        }
        for (key, form) in forms {
            let path = "server.forms.\(key)"
            try checkStored(form.name, under: key, as: form.kind.objectKind, path)
            try require(registry.kind(of: form.on) != nil, path + ".on", "names '\(form.on)', which does not exist")
            try require(form.mem >= 0, path + ".mem", "must not be negative")
        }
        for (id, job) in migrations {
            let path = "server.migrations.\(id)"
            try require(job.id == id, path + ".id", "must be the key it is stored under (\(id))")
            try require(vms[job.vm]?.migrating == id, path + ".vm", "names '\(job.vm)', which is not migrating in this job")
            try require(hosts[job.from] != nil && hosts[job.to] != nil, path, "names a host that does not exist")
            try require(job.start.isFinite && job.end.isFinite && job.end >= job.start, path + ".end", "must not come before its start")
            try require(events.events.contains { $0.action.part == "server" && $0.action.job == id }, path, "has no event to finish it")
        }
        for (index, event) in events.events.enumerated() where event.action.part == "server" {
            try require(event.action.name == ServerPart.finishMigrationEvent && migrations[event.action.job] != nil,
                        "events.\(index).action", "names no migration in flight (job \(event.action.job))")
        }
        for name in registry.kinds.keys where ServerPart.descriptor.kinds.contains(registry.kind(of: name)!) {
            let exists = switch registry.kind(of: name)! {
            case .host: hosts[name] != nil
            case .vm: vms[name] != nil
            case .app: apps[name] != nil
            default: forms[name] != nil
            }
            try require(exists, "registry.\(name)", "names no object of its kind")
        }
    }
}
