/// `consolidate`: empty the least-loaded hosts onto the others, then power off empty hosts.
extension World {
    /// Follows CORE.md: a host's load is the larger of its assigned CPU and memory
    /// shares; hosts (powered on, working, with a hypervisor and VMs) are taken least
    /// loaded first, ties in creation order; a host's VMs move only if all of them fit
    /// on other powered-on hosts that have VMs, placed first-fit in creation order and
    /// obeying every migration precondition. Running VMs move by live pre-copy
    /// migration with default parameters, paused and stopped ones cold; the clock
    /// advances by the migrations' total time. Then every powered-on host with no
    /// assigned VM is powered off (hosts running apps or jails on their own OS excepted).
    /// The plan is made on one copy of the world and polls `stop` for each host it
    /// tries to empty: a stop (a timeout, Ctrl-C) throws before anything changed.
    @discardableResult
    public mutating func consolidate(stop: () -> Bool = { false }) throws(CoreError) -> ConsolidationResult {
        let moves = try consolidationPlan(stop: stop)
        var result = ConsolidationResult()
        var elapsed = 0.0
        for move in moves {
            let vm = vms[move.vm]!
            let mode: MigrationMode = vm.state == .running ? .precopy : .cold
            let record = MigrationModel.plan(vm, from: move.from, to: move.to, mode: mode, MigrationParameters())
            self.move(move.vm, to: move.to)
            elapsed += record.totalTime
            result.moves.append(ConsolidationMove(vm: move.vm, from: move.from, to: move.to, migration: record))
            let request = MigrationRequest(vm: vms[move.vm]!, source: hosts[move.from]!, destination: hosts[move.to]!, mode: mode)
            arrived(request)
        }
        try? advance(by: elapsed)
        for host in hosts.values where host.power == .on && host.vms.isEmpty && liveApps(onHostKernel: host.name).isEmpty
            && formsOn(host: host.name).isEmpty && migrations(involving: host.name).isEmpty {
            hosts[host.name]!.power = .off
            result.poweredOff.append(host.name)
        }
        result.time = elapsed
        return result
    }

    /// The moves `consolidate` makes, in order. One copy of the world holds the plan;
    /// a host whose VMs do not all fit is put back as it was (its VMs, in their order,
    /// and its targets' counters). Targets are found first-fit in creation order
    /// through a free-capacity tree over the powered-on hosts with VMs (every other
    /// host is a leaf with no room), each candidate passing every migration check:
    /// about O(log n) a VM when hosts are alike, instead of a scan of every host.
    func consolidationPlan(stop: () -> Bool) throws(CoreError) -> [PlannedMove] {
        var plan = self
        let names = Array(hosts.keys)
        func isTarget(_ host: Host) -> Bool { host.power == .on && !host.vms.isEmpty }
        var tree = FreeCapacityTree(cpu: hosts.values.map { isTarget($0) ? $0.freeCPU : -.infinity },
                                    mem: hosts.values.map { isTarget($0) ? $0.freeMem : -.infinity })
        func refresh(_ index: Int) {
            let host = plan.hosts.values[index]
            tree.update(index, cpu: host.freeCPU, mem: host.freeMem)
        }
        var moves: [PlannedMove] = []
        let loads = hosts.values.map(load)
        let candidates = hosts.values.indices.filter { hosts.values[$0].canRunVMs && !hosts.values[$0].vms.isEmpty }
            .sorted { loads[$0] < loads[$1] || (loads[$0] == loads[$1] && $0 < $1) }
        for source in candidates {
            if stop() { throw .state("consolidate was stopped before it finished; nothing changed") }
            let saved = plan.hosts.values[source]
            guard !saved.vms.isEmpty else { continue }
            let savedVMs = saved.vms.map { plan.vms[$0]! }
            tree.update(source, cpu: -.infinity, mem: -.infinity)
            var trialMoves: [PlannedMove] = []
            for vm in savedVMs {
                let name = vm.name, mode: MigrationMode = vm.state == .running ? .precopy : .cold
                guard let target = tree.first(cpu: Double(vm.vcpus), mem: Double(vm.mem), where: {
                    (try? plan.migrationRequest(name, to: names[$0], mode: mode)) != nil
                }) else { break }
                plan.move(name, to: names[target])
                refresh(target)
                trialMoves.append(PlannedMove(vm: name, from: saved.name, to: names[target]))
            }
            if trialMoves.count == savedVMs.count {
                moves += trialMoves
                continue
            }
            for move in trialMoves.reversed() {
                plan.hosts[move.to]!.unassign(plan.vms[move.vm]!)
                refresh(plan.hosts.index(forKey: move.to)!)
            }
            for vm in savedVMs { plan.vms[vm.name] = vm }
            plan.hosts.values[source] = saved
            refresh(source)
        }
        return moves
    }

    /// The larger of a host's assigned CPU and memory shares.
    private func load(_ host: Host) -> Double {
        max(Double(host.cpusUsed) / host.cpuCapacity, Double(host.memUsed) / host.memCapacity)
    }
}

/// One move of a consolidation plan.
struct PlannedMove: Equatable {
    var vm: String
    var from: String
    var to: String
}

/// One VM moved by `consolidate`.
public struct ConsolidationMove: Codable, Equatable, Sendable {
    public var vm: String
    public var from: String
    public var to: String
    /// How it moved (pre-copy for a running VM, cold otherwise).
    public var migration: MigrationRecord
}

/// What `consolidate` did.
public struct ConsolidationResult: Codable, Equatable, Sendable {
    public var moves: [ConsolidationMove] = []
    /// Hosts powered off, in creation order.
    public var poweredOff: [String] = []
    /// Seconds the migrations took, one after another.
    public var time = 0.0
}
