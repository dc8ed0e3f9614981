/// `vm create|start|stop|pause|resume|restart|destroy|set|info|list`.
extension World {
    /// `vm create`: a VM with `host` is assigned there without a capacity check (state stopped);
    /// without, it is pending until placed. `cap` is a fraction of one CPU (0 = uncapped).
    public mutating func createVM(_ name: String, vcpus: Int, mem: Int64, os: GuestOS, host: String? = nil,
                                  weight: Int = VMDefaults.weight, cap: Double = VMDefaults.cap) throws(CoreError) {
        try registry.checkFree(name, for: .vm)
        try ModelLimits.checkCPUs(vcpus, "vcpus")
        try ModelLimits.checkMem(mem, "mem")
        try checkWeight(weight)
        try checkCap(cap, vcpus: vcpus)
        if let host { try blaming("host") { () throws(CoreError) in try checkCanAssign(os: os, to: host) } }
        var vm = VM(name: name, vcpus: vcpus, mem: mem, os: os, host: nil, state: .pending, weight: weight, cap: cap)
        registry.insert(name, as: .vm)
        if let host { assign(&vm, to: host) }
        vms[name] = vm
    }

    /// `vm start`: runs a stopped VM. Its host must be up, powered and have a hypervisor,
    /// and the memory of its running and paused VMs plus this one must fit mem × mem-ratio.
    public mutating func startVM(_ name: String) throws(CoreError) {
        let vm = try existingVM(name)
        switch vm.state {
        case .stopped: break
        case .pending: throw .state("VM '\(name)' is pending: it has no host yet", hint: "place \(name), or vm set \(name) host=HOST")
        case .running: throw .state("VM '\(name)' is already running")
        case .paused: throw .state("VM '\(name)' is paused", hint: "vm resume \(name)")
        case .crashed: throw .state("VM '\(name)' has crashed", hint: "vm restart \(name)")
        }
        try checkCanRun(vm, on: vm.host!)
        vms[name]!.state = .running
    }

    /// `vm stop`: a running or paused VM stops; apps inside it are killed.
    public mutating func stopVM(_ name: String) throws(CoreError) {
        let vm = try existingVM(name)
        guard vm.state == .running || vm.state == .paused else {
            throw .state("VM '\(name)' is \(vm.state.rawValue), not running or paused")
        }
        try checkNotMigrating(vm)
        vms[name]!.state = .stopped
        crashInside(name, reason: "VM \(name) stopped")
    }

    /// `vm pause`.
    public mutating func pauseVM(_ name: String) throws(CoreError) {
        let vm = try existingVM(name)
        guard vm.state == .running else { throw .state("VM '\(name)' is \(vm.state.rawValue), not running") }
        try checkNotMigrating(vm)
        vms[name]!.state = .paused
    }

    /// `vm resume`.
    public mutating func resumeVM(_ name: String) throws(CoreError) {
        let vm = try existingVM(name)
        guard vm.state == .paused else { throw .state("VM '\(name)' is \(vm.state.rawValue), not paused") }
        vms[name]!.state = .running
    }

    /// `vm restart NAME [host=H]`: boots a crashed VM again, on its host or on `host`,
    /// after every part's restart checks (storage: its volumes reachable from there).
    public mutating func restartVM(_ name: String, host newHost: String? = nil) throws(CoreError) {
        var vm = try existingVM(name)
        guard vm.state == .crashed else {
            throw .state("VM '\(name)' is \(vm.state.rawValue); vm restart boots a crashed VM",
                         hint: vm.state == .stopped ? "vm start \(name)" : nil)
        }
        let target = newHost ?? vm.host!
        if newHost == nil, hosts[target]!.state == .failed {
            throw .state("VM '\(name)' cannot restart: its host \(target) has failed",
                         hint: "host repair \(target), or vm restart \(name) host=OTHER")
        }
        if target != vm.host {
            try checkCanAssign(os: vm.os, to: target)
            let host = hosts[target]!
            guard host.fits(vcpus: vm.vcpus, mem: vm.mem) else {
                throw .state("host '\(target)' has no room for \(name) (\(vm.vcpus) vcpus, \(formatBytes(vm.mem)))",
                             hint: "\(target) has \(host.cpusUsed) of \(fmt(host.cpuCapacity)) vcpus and \(formatBytes(host.memUsed)) of \(formatBytes(Int64(host.memCapacity))) assigned")
            }
        }
        try checkCanRun(vm, on: target)
        // Elsewhere, it arrives as after a cold migration: the parts check, then move what they attached.
        let elsewhere = target == vm.host ? nil : MigrationRequest(vm: vm, source: hosts[vm.host!]!, destination: hosts[target]!, mode: .cold)
        if let elsewhere {
            for part in World.parts { for check in part.restartChecks { try check.check(self, elsewhere) } }
            hosts[vm.host!]!.unassign(vm)
            assign(&vm, to: target)
        }
        vm.state = .running
        vm.crashReason = nil
        vms[name] = vm
        if let elsewhere { arrived(elsewhere) }
    }

    /// `vm destroy`: removes a VM in any state, with the apps and JVMs inside it.
    public mutating func destroyVM(_ name: String) throws(CoreError) {
        let vm = try existingVM(name)
        removeInside(name)
        if let host = vm.host { hosts[host]!.unassign(vm) }
        if let job = vm.migrating {
            migrations.removeValue(forKey: job)
            events.cancel(job: job, part: ServerPart.descriptor.name)
        }
        vms.removeValue(forKey: name)
        for part in World.parts { part.removed(&self, name) }
        registry.remove(name)
    }

    /// `vm set NAME KEY=VALUE…`: all changes apply, or none. `host` only for a pending VM.
    public mutating func setVM(_ name: String, _ changes: VMChanges) throws(CoreError) {
        var vm = try existingVM(name)
        if let load = changes.load {
            guard load.isFinite, (0...1).contains(load) else { throw .value("load must be between 0 and 1 (0–100 %), not \(fmt(load))") }
            vm.load = load
        }
        if let rate = changes.dirtyRate {
            guard rate.isFinite, rate >= 0 else { throw .value("dirty-rate must be zero or positive pages per second, not \(fmt(rate))") }
            vm.dirtyRate = rate
        }
        if let wws = changes.wws {
            guard wws > 0, wws <= vm.mem else {
                throw .value("wws must be positive and at most the VM's memory (\(formatBytes(vm.mem))), not \(formatBytes(wws))")
            }
            vm.wws = wws
        }
        if let weight = changes.weight { try checkWeight(weight); vm.weight = weight }
        if let cap = changes.cap { try checkCap(cap, vcpus: vm.vcpus); vm.cap = cap }
        if let host = changes.host {
            guard vm.state == .pending else {
                throw .state("VM '\(name)' is already on \(vm.host ?? "a host"); host= changes only a pending VM's host",
                             hint: "vm migrate \(name) to=\(host)")
            }
            try blaming("host") { () throws(CoreError) in try checkCanAssign(os: vm.os, to: host) }
            assign(&vm, to: host)
        }
        vms[name] = vm
    }

    /// `vm info`.
    public func vmInfo(_ name: String) throws(CoreError) -> VMInfo {
        info(of: try existingVM(name))
    }

    /// `vm list [host=] [state=] [os=]`, in creation order (a host's VMs in assignment order).
    public func vmList(_ filter: VMFilter = VMFilter()) throws(CoreError) -> [VMInfo] {
        let candidates: [VM]
        if let host = filter.host {
            candidates = try existingHost(host, at: "host").vms.map { vms[$0]! }
        } else {
            candidates = Array(vms.values)
        }
        return candidates.filter { (filter.state == nil || $0.state == filter.state) && (filter.os == nil || $0.os == filter.os) }
            .map(info(of:))
    }

    func info(of vm: VM) -> VMInfo {
        VMInfo(name: vm.name, host: vm.host, state: vm.state, vcpus: vm.vcpus, mem: vm.mem, os: vm.os, load: vm.load,
               weight: vm.weight, cap: vm.cap, dirtyRate: vm.dirtyRate, wws: vm.wws ?? vm.mem,
               volumes: World.parts.flatMap { $0.vmVolumes(self, vm.name) }, nics: registry.children(of: vm.name), migrating: vm.migrating, crashReason: vm.crashReason,
               lastMigration: vm.lastMigration, lastDowntime: vm.lastDowntime)
    }

    /// A VM's state, for the other parts (a stopped VM answers no frame).
    func vmState(_ name: String) -> VMState? { vms[name]?.state }

    func existingVM(_ name: String, at parameter: String = "name") throws(CoreError) -> VM {
        guard let vm = vms[name] else { throw CoreError.unknown(.vm, name, among: Array(vms.keys), at: parameter) }
        return vm
    }

    /// Assigns a pending (or moving) VM to a host and keeps the host's counters.
    mutating func assign(_ vm: inout VM, to host: String) {
        vm.host = host
        if vm.state == .pending { vm.state = .stopped }
        hosts[host]!.assign(vm)
    }

    mutating func crashVM(_ name: String, reason: String) {
        vms[name]!.state = .crashed
        vms[name]!.crashReason = reason
        crashInside(name, reason: reason)
    }

    /// The host exists, has a hypervisor, and that hypervisor accepts the OS.
    func checkCanAssign(os: GuestOS, to hostName: String) throws(CoreError) {
        let hv = try existingHypervisor(hostName)
        try os.check(on: hv.kind, host: hostName)
        guard hosts[hostName]!.vms.count < ModelLimits.maxVMsPerHost else {
            throw .state("host '\(hostName)' already has \(ModelLimits.maxVMsPerHost) VMs assigned, the most the model counts",
                         hint: "create the VM without host= and place it")
        }
    }

    /// The host can run this VM now: up, powered, hypervisor accepting its OS, memory for it.
    func checkCanRun(_ vm: VM, on hostName: String) throws(CoreError) {
        let host = try existingHost(hostName)
        guard host.state == .up else { throw .state("host '\(hostName)' has failed", hint: "host repair \(hostName)") }
        guard host.power == .on else { throw .state("host '\(hostName)' is powered off", hint: "host power \(hostName) on") }
        try checkCanAssign(os: vm.os, to: hostName)
        let active = host.vms.reduce(Int64(0)) { sum, other in
            let o = vms[other]!
            return other != vm.name && (o.state == .running || o.state == .paused) ? sum + o.mem : sum
        }
        guard Double(active + vm.mem) <= host.memCapacity else {
            throw .state("host '\(hostName)' has not enough memory to start \(vm.name): \(formatBytes(active)) of \(formatBytes(Int64(host.memCapacity))) is in use by running and paused VMs, and \(vm.name) needs \(formatBytes(vm.mem))",
                         hint: "stop a VM on \(hostName), raise its mem-ratio, or move \(vm.name)")
        }
    }

    func checkNotMigrating(_ vm: VM) throws(CoreError) {
        if let job = vm.migrating {
            throw .state("VM '\(vm.name)' is migrating (job \(job))", hint: "wait for the migration to finish")
        }
    }

    private func checkWeight(_ weight: Int) throws(CoreError) {
        guard (1...65535).contains(weight) else { throw .value("weight must be between 1 and 65535 (Xen's range), not \(weight)") }
    }

    /// A cap above all the VM's vcpus (`vcpus × 100%`) could never bind: Xen's credit scheduler caps at that.
    private func checkCap(_ cap: Double, vcpus: Int) throws(CoreError) {
        guard cap.isFinite, cap >= 0, cap <= Double(vcpus) else {
            throw .value("cap must be zero (uncapped) or a percentage of one CPU up to \(vcpus * 100)% (all \(vcpus) vcpus), not \(fmt(cap * 100))%", at: "cap")
        }
    }
}

/// `vm set` changes; nil leaves a field as it is.
public struct VMChanges: Sendable {
    /// 0…1, fraction of its vcpus kept busy.
    public var load: Double?
    /// Pages per second.
    public var dirtyRate: Double?
    /// Bytes.
    public var wws: Int64?
    public var weight: Int?
    /// Fraction of one CPU; 0 uncapped.
    public var cap: Double?
    /// Only for a pending VM.
    public var host: String?

    public init(load: Double? = nil, dirtyRate: Double? = nil, wws: Int64? = nil, weight: Int? = nil,
                cap: Double? = nil, host: String? = nil) {
        self.load = load; self.dirtyRate = dirtyRate; self.wws = wws
        self.weight = weight; self.cap = cap; self.host = host
    }
}
