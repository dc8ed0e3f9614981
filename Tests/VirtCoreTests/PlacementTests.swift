import Foundation
import Testing
@testable import VirtCore

@Suite struct PlacementTests {
    /// Hosts h1… with a full hypervisor.
    func world(hosts: [(cpus: Int, mem: Int64)]) throws -> World {
        var w = World()
        for (i, h) in hosts.enumerated() {
            try w.addHost("h\(i + 1)", cpus: h.cpus, mem: h.mem)
            try w.installHypervisor(on: "h\(i + 1)", kind: .full)
        }
        return w
    }

    @Test func policiesChooseAsDocumented() throws {
        for (policy, expected) in [(PlacementPolicy.firstFit, "h1"), (.bestFit, "h2"), (.worstFit, "h3")] {
            var w = try world(hosts: [(8, 16 * GiB), (2, 8 * GiB), (8, 32 * GiB)])
            try w.createVM("big", vcpus: 1, mem: GiB, os: .linux, host: "h1")
            try w.createVM("v", vcpus: 1, mem: GiB, os: .linux)
            let result = try w.place(policy: policy)
            #expect(result.placements == [Placement(vm: "v", host: expected)], "\(policy)")
            #expect(try w.vmInfo("v").state == .stopped)
        }
    }

    @Test func ffdSortsByLargerShareTiesByName() throws {
        var w = try world(hosts: [(4, 8 * GiB), (4, 8 * GiB)])
        try w.createVM("b", vcpus: 1, mem: 4 * GiB, os: .linux)
        try w.createVM("a", vcpus: 2, mem: GiB, os: .linux)
        try w.createVM("c", vcpus: 1, mem: GiB, os: .linux)
        let result = try w.place(policy: .ffd)
        #expect(result.placements.map(\.vm) == ["a", "b", "c"])
    }

    @Test func unplacedVMsStayPendingWithAReason() throws {
        var w = try world(hosts: [(2, 4 * GiB)])
        try w.createVM("fits", vcpus: 2, mem: 2 * GiB, os: .linux)
        try w.createVM("toobig", vcpus: 1, mem: 8 * GiB, os: .linux)
        let result = try w.place()
        #expect(result.placements.map(\.vm) == ["fits"])
        #expect(result.unplaced.first?.reason.contains("no host has room") == true)
        #expect(try w.vmInfo("toobig").state == .pending)
        expectRefused(&w, .state) { w throws(CoreError) in _ = try w.place(["fits"]) }
        expectRefused(&w, .name) { w throws(CoreError) in _ = try w.place(["toobig", "ghost"]) }
        try w.setPower("h1", .off)
        #expect(try w.place().unplaced.first?.reason.contains("powered on") == true)
    }

    @Test func placementNeverExceedsCapacity() throws {
        var rng = SeededGenerator(seed: 2024)
        for _ in 0..<40 {
            var w = World()
            for i in 0..<Int.random(in: 1...6, using: &rng) {
                try w.addHost("h\(i)", cpus: Int.random(in: 1...16, using: &rng), mem: Int64.random(in: 1...32, using: &rng) * GiB)
                try w.installHypervisor(on: "h\(i)", kind: .full)
                try w.setRatios("h\(i)", cpuRatio: [1, 1.5, 2][Int.random(in: 0...2, using: &rng)])
            }
            for i in 0..<Int.random(in: 1...30, using: &rng) {
                try w.createVM("v\(i)", vcpus: Int.random(in: 1...8, using: &rng), mem: Int64.random(in: 1...16, using: &rng) * GiB, os: .linux)
            }
            let policy = PlacementPolicy.allCases[Int.random(in: 0..<4, using: &rng)]
            let result = try w.place(policy: policy)
            #expect(result.placements.count + result.unplaced.count == w.names(ofKind: .vm).count)
            for host in w.hostList() {
                let vms = try w.vmList(VMFilter(host: host.name))
                #expect(vms.reduce(0) { $0 + $1.vcpus } == host.cpusUsed)
                #expect(Double(host.cpusUsed) <= Double(host.cpus) * host.cpuRatio)
                #expect(Double(host.memUsed) <= Double(host.mem) * host.memRatio)
            }
        }
    }

    /// Fewest bins for items of integer sizes into bins of `capacity`, by exhaustive search.
    func optimum(_ items: [Int], capacity: Int) -> Int {
        let sorted = items.sorted(by: >)
        var best = sorted.count
        var bins: [Int] = []
        func go(_ i: Int) {
            if bins.count >= best { return }
            if i == sorted.count { best = bins.count; return }
            var tried = Set<Int>()
            for b in bins.indices where bins[b] + sorted[i] <= capacity && tried.insert(bins[b]).inserted {
                bins[b] += sorted[i]; go(i + 1); bins[b] -= sorted[i]
            }
            bins.append(sorted[i]); go(i + 1); bins.removeLast()
        }
        go(0)
        return best
    }

    @Test func ffdWithinDosaBoundOfOptimum() throws {
        var rng = SeededGenerator(seed: 11)
        for round in 0..<60 {
            let capacity = 10
            let items = (0..<Int.random(in: 2...10, using: &rng)).map { _ in Int.random(in: 1...capacity, using: &rng) }
            // Memory binds: every VM has 1 vcpu on 64-cpu hosts; memory sizes are the items.
            var w = try world(hosts: Array(repeating: (64, Int64(capacity) * GiB), count: items.count))
            for (i, size) in items.enumerated() {
                try w.createVM("v\(i)", vcpus: 1, mem: Int64(size) * GiB, os: .linux)
            }
            let result = try w.place(policy: .ffd)
            #expect(result.unplaced.isEmpty)
            let used = Set(result.placements.map(\.host)).count
            let opt = optimum(items, capacity: capacity)
            #expect(Double(used) <= 11.0 / 9 * Double(opt) + 6.0 / 9, "round \(round): \(items) ffd \(used) opt \(opt)")
            let lowerBound = (items.reduce(0, +) + capacity - 1) / capacity
            #expect(opt >= lowerBound)
        }
    }

    @Test func firstFitScalesToTwentyThousandHosts() throws {
        let hosts = 20_000, vmCount = 40_000
        var w = World()
        let start = Date()
        for i in 0..<hosts {
            try w.addHost("h\(i)", cpus: 16, mem: 64 * GiB)
            try w.installHypervisor(on: "h\(i)", kind: .hardware)
        }
        for i in 0..<vmCount {
            try w.createVM("v\(i)", vcpus: 1 + i % 8, mem: Int64(1 + i % 16) * GiB, os: .linux)
        }
        let result = try w.place(policy: .firstFit)
        let elapsed = Date().timeIntervalSince(start)
        #expect(result.unplaced.isEmpty)
        // Release builds take well under 5 s; this bound leaves room for debug builds.
        #expect(elapsed < 60, "took \(elapsed) s")
    }
}
