import Testing
@testable import VirtCore

/// `consolidate` plans with a free-capacity tree and undoes a host's failed trial
/// in place (issue 16). These tests hold it to the algorithm it replaced, which
/// copied the world for every host it tried and scanned every host for each VM.
@Suite struct ConsolidationPlanTests {
    /// The algorithm before issue 16, kept as the reference: a trial world copied
    /// per candidate host, targets scanned in creation order for each VM.
    static func referencePlan(_ world: World) -> [PlannedMove] {
        var plan = world
        var moves: [PlannedMove] = []
        func load(_ host: Host) -> Double {
            max(Double(host.cpusUsed) / host.cpuCapacity, Double(host.memUsed) / host.memCapacity)
        }
        let candidates = plan.hosts.values.filter { $0.canRunVMs && !$0.vms.isEmpty }
            .enumerated().sorted { a, b in
                let la = load(a.element), lb = load(b.element)
                return la < lb || (la == lb && a.offset < b.offset)
            }.map(\.element.name)
        for source in candidates {
            let vmNames = plan.hosts[source]!.vms
            guard !vmNames.isEmpty else { continue }
            let targets = plan.hosts.values.filter { $0.name != source && $0.power == .on && !$0.vms.isEmpty }.map(\.name)
            var trial = plan
            var trialMoves: [PlannedMove] = []
            for vmName in vmNames {
                let mode: MigrationMode = trial.vms[vmName]!.state == .running ? .precopy : .cold
                guard let target = targets.first(where: { (try? trial.migrationRequest(vmName, to: $0, mode: mode)) != nil }) else {
                    trialMoves = []
                    break
                }
                trial.move(vmName, to: target)
                trialMoves.append(PlannedMove(vm: vmName, from: source, to: target))
            }
            if trialMoves.count == vmNames.count {
                plan = trial
                moves += trialMoves
            }
        }
        return moves
    }

    /// A random datacenter: hosts of mixed sizes, vendors, hypervisors and ratios,
    /// some powered off, failed or without a hypervisor; VMs of every guest OS,
    /// running, paused or stopped, assigned without a capacity check (so some hosts
    /// are overloaded and many trials fail half-way).
    static func randomWorld(seed: UInt64, hosts hostCount: Int) throws -> World {
        var rng = SeededGenerator(seed: seed)
        var w = World()
        var withHypervisor: [String] = []
        for i in 1...hostCount {
            let name = "h\(i)"
            try w.addHost(name, cpus: [4, 8, 16, 32].randomElement(using: &rng)!,
                          mem: [8, 16, 64].randomElement(using: &rng)! * GiB,
                          cpu: Int.random(in: 0..<5, using: &rng) == 0 ? .amd : .intel)
            if Int.random(in: 0..<8, using: &rng) == 0 { try w.setRatios(name, cpuRatio: 2, memRatio: 1.5) }
            guard Int.random(in: 0..<12, using: &rng) != 0 else { continue }
            let kind: HypervisorKind = [.hardware, .hardware, .hardware, .full, .para].randomElement(using: &rng)!
            try w.installHypervisor(on: name, kind: kind)
            withHypervisor.append(name)
        }
        for i in 1...(hostCount * 2) {
            let host = withHypervisor.randomElement(using: &rng)!
            let os: GuestOS = w.hosts[host]!.hypervisor!.kind == .para
                ? [.linuxPV, .netbsdXen].randomElement(using: &rng)!
                : GuestOS.allCases.randomElement(using: &rng)!
            let name = "v\(i)"
            try w.createVM(name, vcpus: Int.random(in: 1...4, using: &rng),
                           mem: Int64.random(in: 1...6, using: &rng) * GiB, os: os, host: host)
            switch Int.random(in: 0..<4, using: &rng) {
            case 0: break
            case 1: if (try? w.startVM(name)) != nil { _ = try? w.pauseVM(name) }
            default: _ = try? w.startVM(name)
            }
        }
        for name in withHypervisor where Int.random(in: 0..<15, using: &rng) == 0 {
            if Int.random(in: 0..<2, using: &rng) == 0 { _ = try? w.setPower(name, .off) } else { _ = try? w.failHost(name) }
        }
        return w
    }

    @Test(arguments: [1, 2, 3, 4, 5, 6, 7, 8] as [UInt64])
    func sameDecisionsAsTheReference(seed: UInt64) throws {
        let world = try Self.randomWorld(seed: seed, hosts: 150 + Int(seed) * 25)
        let reference = Self.referencePlan(world)
        #expect(try world.consolidationPlan(stop: { false }) == reference, "seed \(seed)")
        #expect(reference.count > 0, "seed \(seed): a world where nothing moves proves little")
        #expect(Set(reference.map(\.from)).count < world.hosts.values.filter { $0.canRunVMs && !$0.vms.isEmpty }.count,
                "seed \(seed): some host should keep its VMs (a failed trial)")
    }

    @Test func consolidateAppliesThePlan() throws {
        var world = try Self.randomWorld(seed: 42, hosts: 200)
        let reference = Self.referencePlan(world)
        let result = try world.consolidate()
        #expect(result.moves.map { PlannedMove(vm: $0.vm, from: $0.from, to: $0.to) } == reference)
        var last: [String: String] = [:]
        for move in reference { last[move.vm] = move.to }
        for (vm, host) in last { #expect(world.vms[vm]!.host == host, "\(vm)") }
        #expect(!result.poweredOff.isEmpty)
        for name in result.poweredOff { #expect(world.hosts[name]!.power == .off && world.hosts[name]!.vms.isEmpty, "\(name)") }
    }

    @Test func aStopChangesNothing() throws {
        var world = try Self.randomWorld(seed: 9, hosts: 100)
        let before = world
        var polls = 0
        _ = expectRefused(&world, .state, containing: "stopped") { w throws(CoreError) in
            _ = try w.consolidate(stop: { polls += 1; return polls > 30 })
        }
        #expect(world == before)
    }
}
