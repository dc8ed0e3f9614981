/// `place [VM…|all] policy=…`: assigning pending VMs to hosts.
extension World {
    /// Assigns pending VMs (nil: every pending VM, in creation order) to powered-on,
    /// working hosts with a hypervisor, counting every assigned VM against
    /// cpus × cpu-ratio and mem × mem-ratio; hosts are tried in creation order.
    /// VMs that fit nowhere stay pending and are reported with the reason.
    ///
    /// The *room* left on a host after a placement is the smaller of its free CPU
    /// share and free memory share (free / capacity, capacities with ratios);
    /// best-fit takes the host left with the least room, worst-fit the most
    /// (ties: creation order). FFD sorts by the larger of vcpus and memory as a
    /// share of the largest eligible host's capacity, largest first, ties by name,
    /// then places first-fit.
    public mutating func place(_ names: [String]? = nil, policy: PlacementPolicy = .firstFit) throws(CoreError) -> PlacementResult {
        var order: [VM]
        if let names {
            order = []
            var seen = Set<String>()
            for name in names {
                let vm = try existingVM(name, at: "vms")
                guard seen.insert(name).inserted else { throw .value("VM '\(name)' is named twice", at: "vms") }
                guard vm.state == .pending else {
                    throw .state("VM '\(name)' is already on \(vm.host!); place assigns pending VMs",
                                 hint: "vm migrate \(name) to=HOST moves a placed VM")
                }
                order.append(vm)
            }
        } else {
            order = vms.values.filter { $0.state == .pending }
        }
        var bins = Bins(hosts.values.filter(\.canRunVMs))
        if policy == .ffd {
            let maxCPU = bins.cpuCap.max() ?? 1, maxMem = bins.memCap.max() ?? 1
            func share(_ vm: VM) -> Double { max(Double(vm.vcpus) / maxCPU, Double(vm.mem) / maxMem) }
            order.sort { share($0) > share($1) || (share($0) == share($1) && $0.name < $1.name) }
        }
        var result = PlacementResult()
        for vm in order {
            if let index = bins.choose(for: vm, policy: policy) {
                bins.take(index, vm)
                result.placements.append(Placement(vm: vm.name, host: bins.names[index]))
            } else {
                result.unplaced.append(Unplaced(vm: vm.name, reason: bins.whyNot(vm)))
            }
        }
        for placement in result.placements {
            var vm = vms[placement.vm]!
            assign(&vm, to: placement.host)
            vms[placement.vm] = vm
        }
        return result
    }
}

/// Placement policies (CORE.md, "Consolidation").
public enum PlacementPolicy: String, Codable, Sendable, CaseIterable {
    case firstFit = "first-fit", bestFit = "best-fit", worstFit = "worst-fit", ffd
}

/// One VM assigned to one host.
public struct Placement: Codable, Equatable, Sendable {
    public var vm: String
    public var host: String
}

/// A VM left pending, and why.
public struct Unplaced: Codable, Equatable, Sendable {
    public var vm: String
    public var reason: String
}

/// What `place` did.
public struct PlacementResult: Codable, Equatable, Sendable {
    public var placements: [Placement] = []
    public var unplaced: [Unplaced] = []
}

/// Tentative capacities of the eligible hosts during one placement.
private struct Bins {
    var names: [String]
    var para: [Bool]
    var cpuCap: [Double], memCap: [Double]
    var cpuUsed: [Int], memUsed: [Int64]
    var tree: FreeCapacityTree

    init(_ hosts: [Host]) {
        names = hosts.map(\.name)
        para = hosts.map { $0.hypervisor?.kind == .para }
        cpuCap = hosts.map(\.cpuCapacity)
        memCap = hosts.map(\.memCapacity)
        cpuUsed = hosts.map(\.cpusUsed)
        memUsed = hosts.map(\.memUsed)
        tree = FreeCapacityTree(cpu: hosts.map(\.freeCPU), mem: hosts.map(\.freeMem))
    }

    func fits(_ i: Int, vcpus: Int, mem: Int64) -> Bool {
        Double(cpuUsed[i]) + Double(vcpus) <= cpuCap[i] && Double(memUsed[i]) + Double(mem) <= memCap[i]
    }

    func accepts(_ i: Int, paravirtualized: Bool) -> Bool { !para[i] || paravirtualized }

    /// Room left after placing `vm` on host `i` (see `World.place`).
    func room(_ i: Int, after vm: VM) -> Double {
        min((cpuCap[i] - Double(cpuUsed[i]) - Double(vm.vcpus)) / cpuCap[i], (memCap[i] - Double(memUsed[i]) - Double(vm.mem)) / memCap[i])
    }

    func choose(for vm: VM, policy: PlacementPolicy) -> Int? {
        let vcpus = vm.vcpus, mem = vm.mem, paravirtualized = vm.os.paravirtualized
        switch policy {
        case .firstFit, .ffd:
            return tree.first(cpu: Double(vcpus), mem: Double(mem)) {
                fits($0, vcpus: vcpus, mem: mem) && accepts($0, paravirtualized: paravirtualized)
            }
        case .bestFit, .worstFit:
            var best: (index: Int, room: Double)?
            for i in names.indices where fits(i, vcpus: vcpus, mem: mem) && accepts(i, paravirtualized: paravirtualized) {
                let r = room(i, after: vm)
                if best == nil || (policy == .bestFit ? r < best!.room : r > best!.room) { best = (i, r) }
            }
            return best?.index
        }
    }

    mutating func take(_ i: Int, _ vm: VM) {
        cpuUsed[i] += vm.vcpus
        memUsed[i] += vm.mem
        tree.update(i, cpu: cpuCap[i] - Double(cpuUsed[i]), mem: memCap[i] - Double(memUsed[i]))
    }

    func whyNot(_ vm: VM) -> String {
        if names.isEmpty { return "no host is powered on, working and running a hypervisor" }
        if names.indices.contains(where: { fits($0, vcpus: vm.vcpus, mem: vm.mem) }) {
            return "the hosts with room run para hypervisors, and \(vm.os.rawValue) is not paravirtualized"
        }
        return "no host has room for \(vm.vcpus) vcpus and \(formatBytes(vm.mem))"
    }
}
