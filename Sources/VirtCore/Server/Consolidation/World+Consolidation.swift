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
    /// The plan is made on a copy and polls `stop` for each host it tries to empty:
    /// a stop (a timeout, Ctrl-C) throws before anything changed.
    @discardableResult
    public mutating func consolidate(stop: () -> Bool = { false }) throws(CoreError) -> ConsolidationResult {
        var plan = self
        var moves: [(vm: String, from: String, to: String)] = []
        let candidates = plan.hosts.values.filter { $0.canRunVMs && !$0.vms.isEmpty }
            .enumerated().sorted { a, b in
                let la = load(a.element), lb = load(b.element)
                return la < lb || (la == lb && a.offset < b.offset)
            }.map(\.element.name)
        for source in candidates {
            if stop() { throw .state("consolidate was stopped before it finished; nothing changed") }
            let vmNames = plan.hosts[source]!.vms
            guard !vmNames.isEmpty else { continue }
            let targets = plan.hosts.values.filter { $0.name != source && $0.power == .on && !$0.vms.isEmpty }.map(\.name)
            var trial = plan
            var trialMoves: [(vm: String, from: String, to: String)] = []
            for vmName in vmNames {
                let mode: MigrationMode = trial.vms[vmName]!.state == .running ? .precopy : .cold
                guard let target = targets.first(where: { (try? trial.migrationRequest(vmName, to: $0, mode: mode)) != nil }) else {
                    trialMoves = []
                    break
                }
                trial.move(vmName, to: target)
                trialMoves.append((vmName, source, target))
            }
            if trialMoves.count == vmNames.count {
                plan = trial
                moves += trialMoves
            }
        }
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

    /// The larger of a host's assigned CPU and memory shares.
    private func load(_ host: Host) -> Double {
        max(Double(host.cpusUsed) / host.cpuCapacity, Double(host.memUsed) / host.memCapacity)
    }
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
