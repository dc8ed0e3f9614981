import Testing
@testable import VirtCore

/// Distributed stores and copies made on the virtual clock: Dynamo's quorums (a read
/// sees the last write when R + W > N, and not always when R + W ≤ N), its ring, GFS's
/// rack-aware placement and re-replication, and volume replicas re-made elsewhere.
struct DistributedStorageTests {
    /// Hosts n1…nK on racks of two (rack r0: n1, n2; r1: n3, n4; …).
    static func cluster(_ count: Int) throws -> World {
        var w = World()
        for i in 1...count { try w.addHost("n\(i)", cpus: 4, mem: 8 * GiB, rack: "r\((i - 1) / 2)") }
        return w
    }

    static func nodes(_ count: Int) -> [String] { (1...count).map { "n\($0)" } }

    /// Random histories of puts, gets, host failures and repairs and short waits, on
    /// strict quorums. Returns (gets answered, gets that missed the last write).
    static func history(n: Int, r: Int, w: Int, seed: UInt64, steps: Int = 400) throws -> (reads: Int, stale: Int) {
        var world = try cluster(6)
        try world.createStore("d", kind: .dynamo, nodes: nodes(6), replication: n, r: r, w: w, vnodes: 8)
        var random = SeededGenerator(seed: seed)
        var last: [String: String] = [:]
        var reads = 0, stale = 0
        for step in 0..<steps {
            let key = "k\(random.next() % 4)"
            let host = "n\(random.next() % 6 + 1)"
            switch random.next() % 10 {
            case 0...3:
                let value = "v\(step)"
                if (try? world.putStore("d", key: key, value: Array(value.utf8))) != nil { last[key] = value }
            case 4...6:
                guard let expected = last[key], let got = try? world.getStore("d", key: key) else { continue }
                reads += 1
                if String(decoding: got, as: UTF8.self) != expected { stale += 1 }
            case 7: if world.isUp(host) { try world.failHost(host) }
            case 8: if !world.isUp(host) { try world.repairHost(host) }
            default: try world.advance(by: Double(random.next() % 3) * 0.005)
            }
            try world.checkInvariants()
            if step % 50 == 49 {
                // Catch-ups and handoffs in flight are part of the saved world.
                let loaded = try World.load(json: world.savedJSON())
                #expect(loaded == world)
                world = loaded
            }
        }
        return (reads, stale)
    }

    @Test(arguments: [(3, 2, 2), (3, 1, 3), (3, 3, 1), (5, 3, 3), (4, 2, 3), (1, 1, 1)])
    func overlappingQuorumsReadTheLastWrite(n: Int, r: Int, w: Int) throws {
        #expect(r + w > n)
        var total = 0
        for seed in UInt64(1)...8 {
            let (reads, stale) = try Self.history(n: n, r: r, w: w, seed: seed)
            total += reads
            #expect(stale == 0, "seed \(seed): \(stale) of \(reads) reads missed the last write with r=\(r) w=\(w) n=\(n)")
        }
        #expect(total > 50, "the histories must read")
    }

    @Test(arguments: [(3, 1, 1), (3, 1, 2), (3, 2, 1), (5, 2, 2)])
    func disjointQuorumsCanReadStale(n: Int, r: Int, w: Int) throws {
        #expect(r + w <= n)
        let stale = try (UInt64(1)...8).map { try Self.history(n: n, r: r, w: w, seed: $0).stale }
        #expect(stale.reduce(0, +) > 0, "r + w <= n must show a stale read in some seeded history")
        // The same seed gives the same history.
        #expect(try Self.history(n: n, r: r, w: w, seed: 3).stale == stale[2])
    }

    /// The stale read of the spec, step by step: write v2 with w=1, lose the node that took it.
    @Test func staleReadWhenTheOnlyNodeWithTheWriteFails() throws {
        var world = try Self.cluster(5)
        try world.createStore("d", kind: .dynamo, nodes: Self.nodes(5), r: 1, w: 1)
        _ = try world.putStore("d", key: "k", value: Array("v1".utf8))
        try world.advance(by: 1)
        let put = try world.putStore("d", key: "k", value: Array("v2".utf8))
        #expect(put.written.count == 1 && put.later.count == 2)
        try world.failHost(put.written[0])
        #expect(try world.getStore("d", key: "k") == Array("v1".utf8))
        // With r=2 w=2 the same history reads v2.
        var strict = try Self.cluster(5)
        try strict.createStore("d", kind: .dynamo, nodes: Self.nodes(5))
        _ = try strict.putStore("d", key: "k", value: Array("v1".utf8))
        try strict.advance(by: 1)
        let put2 = try strict.putStore("d", key: "k", value: Array("v2".utf8))
        try strict.failHost(put2.written[0])
        #expect(try strict.getStore("d", key: "k") == Array("v2".utf8))
    }

    /// The preference list is the nodes ordered by their nearest token clockwise from
    /// the key (computed here from the definition, not by walking the ring).
    @Test func preferenceListIsTheNearestTokensClockwise() throws {
        let nodes = Self.nodes(7)
        for key in (0..<200).map({ "key\($0)" }) {
            let here = Ring.position(key)
            let distance = { (node: String) in (0..<16).map { Ring.position("\(node)#\($0)") &- here }.min()! }
            let expected = nodes.sorted { (distance($0), $0) < (distance($1), $1) }
            #expect(Ring.walk(key, nodes: nodes, vnodes: 16) == expected)
            #expect(Ring.walk(key, nodes: nodes.reversed(), vnodes: 16) == expected, "the ring does not depend on the order nodes are given")
        }
    }

    @Test func quorumsFailClearlyAndChangeNothing() throws {
        var world = try Self.cluster(4)
        try world.createStore("d", kind: .dynamo, nodes: Self.nodes(4))
        _ = try world.putStore("d", key: "k", value: Array("v".utf8))
        let preference = try world.storeInfo("d", key: "k").key!.preference!
        try world.failHost(preference[0])
        try world.failHost(preference[1])
        expectRefused(&world, .state, containing: "w=2") { w throws(CoreError) in _ = try w.putStore("d", key: "k", value: [1]) }
        #expect(throws: CoreError.self) { try world.getStore("d", key: "k") }
        // Sloppy quorum: other nodes stand in and keep hints, handed over on repair.
        try world.createStore("s", kind: .dynamo, nodes: Self.nodes(4), sloppy: true)
        // Two of the preference list are down and one node is left outside it: one stand-in, one hint.
        let put = try world.putStore("s", key: "k", value: Array("hinted".utf8))
        #expect(put.hints.count == 1 && put.written.count == 2)
        var removed = world
        try world.repairHost(preference[0])
        world.runUntilIdle()
        let placement = try world.storeInfo("s", key: "k").key!
        #expect(placement.replicas.contains(preference[0]))
        #expect(placement.hints.count == put.hints.count - 1)
        // Removing a store drops its copies in flight: nothing is left to wait for.
        try removed.removeStore("s")
        try removed.repairHost(preference[0])
        #expect(!removed.pendingWork().contains { $0.summary.contains("dfs s ") } && removed.storeList().map(\.name) == ["d"])
        #expect(!removed.replicationJobs.values.contains { job in
            if case .catchUp("s", _, _, _) = job.work { return true }
            if case .handoff("s", _) = job.work { return true }
            return false
        })
        try removed.checkInvariants()
        expectRefused(&removed, .name) { w throws(CoreError) in try w.removeStore("s") }
    }

    @Test func badInputIsRefusedAndChangesNothing() throws {
        var world = try Self.cluster(4)
        let nodes = Self.nodes(4)
        for bad in [0, -1, Int.max, Int.min] {
            expectRefused(&world, .value) { w throws(CoreError) in try w.createStore("x", kind: .dynamo, nodes: nodes, replication: bad) }
            expectRefused(&world, .value) { w throws(CoreError) in try w.createStore("x", kind: .dynamo, nodes: nodes, r: bad) }
            expectRefused(&world, .value) { w throws(CoreError) in try w.createStore("x", kind: .dynamo, nodes: nodes, w: bad) }
            expectRefused(&world, .value) { w throws(CoreError) in try w.createStore("x", kind: .dynamo, nodes: nodes, vnodes: bad) }
        }
        expectRefused(&world, .value, containing: "quorum") { w throws(CoreError) in try w.createStore("x", kind: .dynamo, nodes: nodes, r: 4) }
        for bad in [0, -1, 1e308, Double.infinity, -Double.infinity, Double.nan] {
            expectRefused(&world, .value) { w throws(CoreError) in try w.createStore("x", kind: .gfs, nodes: nodes, rate: bad) }
        }
        for bad in [-1, 1e308, Double.infinity, Double.nan, -1e308] {
            expectRefused(&world, .value) { w throws(CoreError) in try w.createStore("x", kind: .dynamo, nodes: nodes, lag: bad) }
        }
        expectRefused(&world, .value) { w throws(CoreError) in try w.createStore("x", kind: .gfs, nodes: nodes, r: 1) }
        expectRefused(&world, .value) { w throws(CoreError) in try w.createStore("x", kind: .gfs, nodes: []) }
        expectRefused(&world, .value) { w throws(CoreError) in try w.createStore("x", kind: .gfs, nodes: ["n1", "n1"]) }
        expectRefused(&world, .name) { w throws(CoreError) in try w.createStore("x", kind: .gfs, nodes: ["n1", "zz"]) }
        expectRefused(&world, .value) { w throws(CoreError) in try w.createStore("", kind: .gfs, nodes: nodes) }
        expectRefused(&world, .state) { w throws(CoreError) in try w.createStore("n1", kind: .gfs, nodes: nodes) }
        try world.createStore("g", kind: .gfs, nodes: nodes)
        expectRefused(&world, .value) { w throws(CoreError) in _ = try w.putStore("g", key: "", value: [1]) }
        expectRefused(&world, .name) { w throws(CoreError) in _ = try w.putStore("g", key: "k", value: [1], from: "zz") }
        expectRefused(&world, .name) { w throws(CoreError) in _ = try w.putStore("nostore", key: "k", value: [1]) }
        expectRefused(&world, .value) { w throws(CoreError) in _ = try w.getStore("g", key: "missing") }
        try world.failHost("n1")
        expectRefused(&world, .state, containing: "master") { w throws(CoreError) in _ = try w.putStore("g", key: "k", value: [1]) }
    }

    /// HDFS's placement: the writer, a node on another rack, another node on that rack.
    @Test func gfsPlacesTheFirstCopyOnTheWriterAndSpansTwoRacks() throws {
        var world = try Self.cluster(8)
        try world.createStore("g", kind: .gfs, nodes: Self.nodes(8))
        for i in 0..<50 {
            let writer = "n\(i % 8 + 1)"
            let put = try world.putStore("g", key: "f\(i)", value: Array("data \(i)".utf8), from: writer)
            let racks = put.written.map(world.rack(of:))
            #expect(put.written.count == 3 && Set(put.written).count == 3)
            #expect(put.written[0] == writer)
            #expect(racks[1] != racks[0] && racks[2] == racks[1])
        }
        #expect(try world.getStore("g", key: "f7") == Array("data 7".utf8))
    }

    @Test func gfsReReplicatesOnlyAfterTenMinutes() throws {
        var world = try Self.cluster(6)
        try world.createStore("g", kind: .gfs, nodes: Self.nodes(6))
        let put = try world.putStore("g", key: "f", value: Array("bytes".utf8), from: "n2")
        try world.failHost("n2")
        try world.advance(by: 9 * 60)
        #expect(try world.storeInfo("g", key: "f").key!.replicas == put.written, "a node down for 9 minutes keeps its copy")
        // Back before the timeout: nothing is copied, and nothing is left waiting.
        try world.repairHost("n2")
        #expect(world.runUntilIdle() == 9 * 60)
        try world.failHost("n2")
        try world.advance(by: 10 * 60)
        #expect(world.pendingWork().count == 1, "at 10 minutes the clone has begun")
        try world.advance(by: 1)
        let replicas = try world.storeInfo("g", key: "f").key!.replicas
        #expect(replicas.count == 3 && !replicas.contains("n2"))
        #expect(Set(replicas.map(world.rack(of:))).count >= 2)
        #expect(try world.getStore("g", key: "f") == Array("bytes".utf8))
        try world.checkInvariants()
    }

    /// Three sites, replicas=2 spread=site: site east is lost; after 10 minutes the copy
    /// is made in north at the rebuild rate, its bytes read back, and the copy in
    /// flight survives save and load.
    @Test func volumeCopyIsMadeAgainInAnotherSite() throws {
        var world = World()
        for (host, site) in [("e1", "east"), ("w1", "west"), ("n1", "north")] {
            try world.addHost(host, cpus: 4, mem: 8 * GiB, site: site)
            try world.addDisk(host + "a", size: GiB, on: host)
            try world.addDisk(host + "b", size: GiB, on: host)
            try world.createPool(site, disks: [host + "a", host + "b"], raid: 1)
        }
        try world.createVolume("v", pool: "east", size: 100 * MiB, replicas: 2, spread: .site)
        try world.writeVolume("v", block: 3, data: Array("three".utf8))
        _ = try world.failDomain(.site, "east")
        try world.writeVolume("v", block: 4, data: Array("four".utf8))
        try world.advance(by: World.replicaTimeout)
        #expect(world.pendingWork().count == 1)
        let saved = try World.load(json: world.savedJSON())
        #expect(saved == world)
        for var w in [world, saved] {
            let end = w.runUntilIdle()
            #expect(abs(end - (World.replicaTimeout + Double(100 * MiB) * 8 / World.defaultReplicationRate)) < 1e-6)
            let info = try w.volumeInfo("v")
            #expect(info.pools == ["north", "west"] && info.state == .online)
            _ = try w.failDomain(.site, "west")
            #expect(try w.readVolume("v", block: 3).prefix(5) == ArraySlice("three".utf8))
            #expect(try w.readVolume("v", block: 4).prefix(4) == ArraySlice("four".utf8))
        }
    }

    /// A copy that returns before the timeout is resynced (taking time), not re-made.
    @Test func returningCopyIsResyncedOverTime() throws {
        var world = World()
        for (host, site) in [("e1", "east"), ("w1", "west")] {
            try world.addHost(host, cpus: 4, mem: 8 * GiB, site: site)
            try world.addDisk(host + "a", size: GiB, on: host)
            try world.createPool(site, disks: [host + "a"], raid: 0)
        }
        try world.createVolume("v", pool: "east", size: 10 * MiB, replicas: 2, spread: .site)
        _ = try world.failDomain(.site, "east")
        try world.writeVolume("v", block: 0, data: Array("late".utf8))
        let copy = Double(10 * MiB) * 8 / World.defaultReplicationRate
        // By default the repair runs the clock until the resync is done.
        var sync = world
        let report = try sync.repairDomain(.site, "east")
        #expect(report.time == copy && report.jobs.isEmpty && sync.clock == copy)
        #expect(try sync.volumeInfo("v").state == .online && sync.pendingWork().isEmpty)
        // With async the resync runs in the background.
        let background = try world.repairDomain(.site, "east", async: true)
        #expect(background.jobs.count == 1 && world.clock == 0)
        #expect(try world.volumeInfo("v").state == .degraded)
        let end = world.runUntilIdle()
        #expect(abs(end - copy) < 1e-9, "wait ends with the resync, not at the timeout")
        #expect(try world.volumeInfo("v").state == .online)
        _ = try world.failDomain(.site, "west")
        #expect(try world.readVolume("v", block: 0).prefix(4) == ArraySlice("late".utf8))
    }
}
