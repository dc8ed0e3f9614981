import Testing
@testable import VirtCore

/// RAID over real bytes, checked against an independent model written here from
/// the formulas (drivers/md/raid5.c's left-symmetric placement; P = XOR; Q over
/// GF(2^8) with g = {02}, polynomial 0x11d, multiplied bit by bit), never by
/// calling the production layout or field code.
@Suite struct RaidTests {
    static let block = 4096

    /// GF(2^8) product by shift-and-add, reduced by x^8+x^4+x^3+x^2+1.
    static func gfMul(_ a: UInt8, _ b: UInt8) -> UInt8 {
        var a = Int(a), b = Int(b), r = 0
        while b != 0 {
            if b & 1 != 0 { r ^= a }
            a <<= 1
            if a & 0x100 != 0 { a ^= 0x11d }
            b >>= 1
        }
        return UInt8(r)
    }

    static func gPow(_ i: Int) -> UInt8 { (0..<i).reduce(UInt8(1)) { r, _ in gfMul(r, 2) } }

    /// Where md puts data chunk k of an n-disk array: (disk, stripe), and the P and Q disks of that stripe.
    static func mdPlace(level: Int, n: Int, chunk k: Int) -> (disk: Int, stripe: Int, p: Int?, q: Int?) {
        switch level {
        case 5:
            let s = k / (n - 1), i = k % (n - 1)
            let p = n - 1 - s % n
            return ((p + 1 + i) % n, s, p, nil)
        case 6:
            let s = k / (n - 2), i = k % (n - 2)
            let p = n - 1 - s % n
            return ((p + 2 + i) % n, s, p, (p + 1) % n)
        default:
            return (k % n, k / n, nil, nil)
        }
    }

    /// A pool of `n` 1 MiB disks d0…d(n-1) with one thick volume over all of it.
    static func pool(raid: Int, n: Int, spares: Int = 0) throws -> World {
        var w = World()
        for i in 0..<(n + spares) { try w.addDisk("d\(i)", size: 1 << 20) }
        try w.createPool("p", disks: (0..<n).map { "d\($0)" }, raid: raid, spares: (n..<(n + spares)).map { "d\($0)" })
        let capacity = try w.poolInfo("p").capacity
        try w.createVolume("v", pool: "p", size: capacity)
        return w
    }

    static func bytes(_ seed: Int) -> [UInt8] {
        var x = UInt64(seed) &* 0x9E37_79B9_7F4A_7C15 | 1
        return (0..<block).map { _ in
            x ^= x << 13; x ^= x >> 7; x ^= x << 17
            return UInt8(truncatingIfNeeded: x)
        }
    }

    @Test(arguments: [(5, 3), (5, 4), (5, 6), (6, 4), (6, 5), (6, 7), (0, 3)])
    func memberBlocksAreWhatMdWrites(_ config: (Int, Int)) throws {
        let (level, n) = config
        var w = try Self.pool(raid: level, n: n)
        let chunks = 3 * n * (n - (level == 6 ? 2 : level == 5 ? 1 : 0))
        for k in 0..<chunks { try w.writeVolume("v", block: Int64(k), data: Self.bytes(k)) }
        var stripes: [Int: [Int: [UInt8]]] = [:]  // stripe → data index → bytes
        for k in 0..<chunks {
            let place = Self.mdPlace(level: level, n: n, chunk: k)
            #expect(try w.readDisk("d\(place.disk)", block: Int64(place.stripe)) == Self.bytes(k), "chunk \(k)")
            let perStripe = level == 6 ? n - 2 : level == 5 ? n - 1 : n
            stripes[place.stripe, default: [:]][k % perStripe] = Self.bytes(k)
        }
        guard level != 0 else { return }
        for (s, data) in stripes {
            let place = Self.mdPlace(level: level, n: n, chunk: s * (level == 6 ? n - 2 : n - 1))
            var p = [UInt8](repeating: 0, count: Self.block), q = p
            for (i, d) in data {
                let coefficient = Self.gPow(i)
                for b in 0..<Self.block {
                    p[b] ^= d[b]
                    q[b] ^= Self.gfMul(coefficient, d[b])
                }
            }
            #expect(try w.readDisk("d\(place.p!)", block: Int64(s)) == p, "P of stripe \(s)")
            if let qDisk = place.q { #expect(try w.readDisk("d\(qDisk)", block: Int64(s)) == q, "Q of stripe \(s)") }
        }
    }

    @Test func layoutNamesTheSameDisksAsMd() throws {
        let w = try Self.pool(raid: 6, n: 5)
        for row in try w.poolLayout("p", stripes: 10) {
            for i in 0..<3 {
                let k = Int(row.stripe) * 3 + i
                let place = Self.mdPlace(level: 6, n: 5, chunk: k)
                #expect(row.cells[place.disk] == "D\(k)")
                #expect(row.cells[place.p!] == "P" && row.cells[place.q!] == "Q")
            }
        }
    }

    /// Every pair of failed disks in RAID 6 (data, P and Q alike) reads back every byte.
    @Test(arguments: [4, 5, 6, 7])
    func everyPairOfRaid6FailuresRecovers(_ n: Int) throws {
        var w = try Self.pool(raid: 6, n: n)
        let chunks = 4 * n * (n - 2)
        for k in 0..<chunks { try w.writeVolume("v", block: Int64(k), data: Self.bytes(k + 100)) }
        for x in 0..<n {
            for y in (x + 1)..<n {
                var broken = w
                try broken.failDisk("d\(x)")
                try broken.failDisk("d\(y)")
                #expect(try broken.poolInfo("p").state == .degraded)
                for k in 0..<chunks {
                    #expect(try broken.readVolume("v", block: Int64(k)) == Self.bytes(k + 100), "disks \(x),\(y) chunk \(k)")
                }
            }
        }
    }

    /// Beyond tolerance every read and write is refused, naming the lost disks.
    @Test(arguments: [(0, 1), (1, 4), (5, 2), (6, 3), (10, 2)])
    func beyondToleranceIsDataLossNeverWrongBytes(_ config: (Int, Int)) throws {
        let (level, failures) = config
        var w = try Self.pool(raid: level, n: 4)
        try w.writeVolume("v", block: 0, data: Array("x".utf8))
        // RAID 10: both halves of the first mirror pair; otherwise the first disks.
        for i in 0..<failures { try w.failDisk("d\(i)") }
        #expect(try w.poolInfo("p").state == .failed)
        let error = expectRefused(&w, .state, containing: "lost data") { w throws(CoreError) in _ = try w.readVolume("v", block: 0) }
        #expect(error?.message.contains("d0") == true)
        expectRefused(&w, .state, containing: "lost data") { w throws(CoreError) in try w.writeVolume("v", block: 1, data: [1]) }
        expectRefused(&w, .state) { w throws(CoreError) in _ = try w.rebuildPool("p") }
    }

    @Test func raid10SurvivesLossesInDifferentPairs() throws {
        var w = try Self.pool(raid: 10, n: 6)
        for k in 0..<30 { try w.writeVolume("v", block: Int64(k), data: Self.bytes(k)) }
        for d in ["d0", "d3", "d4"] { try w.failDisk(d) }
        #expect(try w.poolInfo("p").state == .degraded)
        for k in 0..<30 { #expect(try w.readVolume("v", block: Int64(k)) == Self.bytes(k)) }
        try w.failDisk("d1")
        #expect(try w.poolInfo("p").state == .failed)
    }

    /// Random writes, failures within tolerance, replacements, rebuilds and scrubs,
    /// seeded: every byte reads back as written, against a plain map.
    @Test(arguments: [(1, 2, 11), (1, 3, 12), (5, 3, 13), (5, 5, 14), (6, 4, 15), (6, 6, 16), (10, 4, 17), (0, 3, 18)])
    func randomHistoriesReadBackEveryByte(_ config: (Int, Int, UInt64)) throws {
        let (level, n, seed) = config
        var w = try Self.pool(raid: level, n: n, spares: 1)
        var rng = SeededGenerator(seed: seed)
        var expected: [Int64: [UInt8]] = [:]
        let blocks = Int64(40)
        let tolerance = try w.poolInfo("p").tolerance
        var fresh = 100
        for _ in 0..<300 {
            let roll = Int.random(in: 0..<100, using: &rng)
            let members = try w.poolInfo("p").disks
            let failed = members.filter { (try? w.diskInfo($0).state) == .failed }
            let unavailable = try w.poolInfo("p").unavailable
            if roll < 70 {
                let k = Int64.random(in: 0..<blocks, using: &rng)
                let data = Self.bytes(Int.random(in: 0..<1_000_000, using: &rng))
                try w.writeVolume("v", block: k, data: data)
                expected[k] = data
            } else if roll < 78, unavailable.count < tolerance {
                try w.failDisk(members.filter { !unavailable.contains($0) }.randomElement(using: &rng)!)
            } else if roll < 86, let dead = failed.first {
                fresh += 1
                try w.replaceDisk(dead, with: "n\(fresh)")
            } else if roll < 94 {
                _ = try? w.rebuildPool("p", rate: 8e9)  // refused (world unchanged) when nothing can be rebuilt onto
            } else if unavailable.isEmpty {
                let scrub = try w.scrubPool("p")
                #expect(scrub.mismatches == 0)
            }
            for (k, data) in expected { #expect(try w.readVolume("v", block: k) == data, "block \(k)") }
        }
        // After a last rebuild the pool is whole and still right.
        if !(try w.poolInfo("p").unavailable.isEmpty) {
            for dead in try w.poolInfo("p").disks where try w.diskInfo(dead).state == .failed {
                fresh += 1
                try w.replaceDisk(dead, with: "n\(fresh)")
            }
            _ = try w.rebuildPool("p")
        }
        #expect(try w.poolInfo("p").state == .online)
        for (k, data) in expected { #expect(try w.readVolume("v", block: k) == data) }
    }

    @Test func rebuildTakesSimulatedTimeAndSparesStepIn() throws {
        var w = try Self.pool(raid: 5, n: 3, spares: 1)
        try w.writeVolume("v", block: 0, data: Array("abc".utf8))
        try w.failDisk("d1")
        let record = try #require(try w.rebuildPool("p", async: true))
        #expect(record.disks == ["d3"] && record.job != nil)
        #expect(try w.poolInfo("p").state == .rebuilding)
        #expect(w.pendingWork().count == 1)
        // md's speed_limit_max: 1 MiB at 200,000 KiB/s.
        #expect(abs(record.time - 1024.0 / 200_000) < 1e-12)
        // Saved mid-rebuild, loaded, finished: the same bytes.
        var loaded = try World.load(json: w.savedJSON())
        #expect(loaded == w)
        loaded.runUntilIdle()
        let rebuilt = try loaded.poolInfo("p")
        #expect(rebuilt.state == .online && rebuilt.disks == ["d0", "d3", "d2"])
        #expect(try loaded.readVolume("v", block: 0).prefix(3) == Array("abc".utf8)[...])
        #expect(try loaded.diskInfo("d1").pool == nil)
    }

    @Test func onlinePoolRebuildDoesNothing() throws {
        var w = try Self.pool(raid: 1, n: 2)
        let before = w
        #expect(try w.rebuildPool("p") == nil)
        #expect(w == before)
    }

    @Test func scrubRepairsSilentCorruption() throws {
        for level in [1, 5, 6] {
            var w = try Self.pool(raid: level, n: level == 1 ? 3 : 5)
            for k in 0..<12 { try w.writeVolume("v", block: Int64(k), data: Self.bytes(k)) }
            let healthy = w
            // The disk holding data chunk 4.
            let place = Self.mdPlace(level: level, n: 5, chunk: 4)
            let disk = level == 1 ? "d1" : "d\(place.disk)"
            let block = Int64(level == 1 ? 4 : place.stripe)
            try w.corruptDisk(disk, block: block)
            #expect(try w.readDisk(disk, block: block) != (try healthy.readDisk(disk, block: block)))
            let scrub = try w.scrubPool("p")
            #expect(scrub.mismatches == 1)
            if level == 5 {
                // One parity cannot say which chunk rotted: md rewrites P, the rot stays.
                #expect(scrub.repaired.map(\.what) == ["P"])
            } else {
                #expect(scrub.repaired.map(\.disk) == [disk])
                #expect(w == healthy)
            }
            #expect(try w.scrubPool("p").mismatches == 0)
        }
    }

    @Test func thinVolumesOvercommitAndRunOutOfSpace() throws {
        var w = World()
        for i in 0..<2 { try w.addDisk("d\(i)", size: 64 * 1024) }
        try w.createPool("p", disks: ["d0", "d1"], raid: 1)
        try w.createVolume("a", pool: "p", size: 48 * 1024, thin: true)
        try w.createVolume("b", pool: "p", size: 48 * 1024, thin: true)
        #expect(try w.poolInfo("p").overcommit == 1.5)
        expectRefused(&w, .state, containing: "free") { w throws(CoreError) in try w.createVolume("c", pool: "p", size: 80 * 1024) }
        for k in 0..<12 { try w.writeVolume("a", block: Int64(k), data: [UInt8(k + 1)]) }
        for k in 0..<4 { try w.writeVolume("b", block: Int64(k), data: [UInt8(k + 50)]) }
        expectRefused(&w, .state, containing: "pool out of space") { w throws(CoreError) in try w.writeVolume("b", block: 5, data: [9]) }
        // Rewriting a backed block still works, and the other data is intact.
        try w.writeVolume("b", block: 0, data: [77])
        for k in 0..<12 { #expect(try w.readVolume("a", block: Int64(k))[0] == UInt8(k + 1)) }
        #expect(try w.readVolume("b", block: 0)[0] == 77)
        #expect(try w.volumeInfo("a").allocated == 12 * 4096)
    }

    @Test func badInputIsRefusedAndChangesNothing() throws {
        var w = try Self.pool(raid: 5, n: 3)
        try w.addDisk("x", size: 1 << 20)
        try w.addDisk("tiny", size: 8192)
        expectRefused(&w, .state, containing: "already belongs") { w throws(CoreError) in try w.createPool("q", disks: ["d0", "x", "tiny"], raid: 5) }
        expectRefused(&w, .state, containing: "at least 4") { w throws(CoreError) in try w.createPool("q", disks: ["x", "tiny"], raid: 6) }
        expectRefused(&w, .value) { w throws(CoreError) in try w.createPool("q", disks: ["x"], raid: 3) }
        expectRefused(&w, .value) { w throws(CoreError) in try w.writeVolume("v", block: -1, data: [1]) }
        expectRefused(&w, .value) { w throws(CoreError) in try w.writeVolume("v", block: Int64.max, data: [1]) }
        expectRefused(&w, .value) { w throws(CoreError) in try w.corruptDisk("d0", block: 256) }
        expectRefused(&w, .state, containing: "has not failed") { w throws(CoreError) in try w.replaceDisk("d0", with: "x") }
        try w.failDisk("d0")
        expectRefused(&w, .state, containing: "smaller") { w throws(CoreError) in try w.replaceDisk("d0", with: "tiny") }
        expectRefused(&w, .value) { w throws(CoreError) in try w.rebuildPool("p", rate: .infinity) }
        expectRefused(&w, .value) { w throws(CoreError) in try w.addDisk("y", size: 0) }
        expectRefused(&w, .name) { w throws(CoreError) in try w.addDisk("y", size: 1 << 20, on: "nosuch") }
        expectRefused(&w, .state) { w throws(CoreError) in try w.removeDisk("d1") }
    }

    /// mttdl by the published formulas, from the per-type datasheet MTTF.
    @Test func mttdlFollowsThePublishedFormulas() throws {
        let w5 = try Self.pool(raid: 5, n: 4), w6 = try Self.pool(raid: 6, n: 4)
        let mttf = DiskType.hdd.mttf * 3600, mttr = Double(1 << 20) * 8 / World.defaultRebuildRate
        let r5 = try w5.poolInfo("p").mttdl, r6 = try w6.poolInfo("p").mttdl
        #expect(abs(r5 / (mttf * mttf / (4 * 3 * mttr)) - 1) < 1e-9)
        #expect(abs(r6 / (mttf * mttf * mttf / (4 * 3 * 2 * mttr * mttr)) - 1) < 1e-9)
        #expect(try w5.poolInfo("p").tolerance == 1 && (try w6.poolInfo("p").tolerance) == 2)
        #expect(try w6.poolInfo("p").capacity == 2 << 20)
    }

    /// A 10 TB disk costs memory only for what is written, and saves as much.
    @Test func largeDisksAreSparse() throws {
        var w = World()
        for i in 0..<4 { try w.addDisk("d\(i)", size: 10 << 40) }
        try w.createPool("p", disks: ["d0", "d1", "d2", "d3"], raid: 6)
        try w.createVolume("v", pool: "p", size: 20 << 40)
        try w.writeVolume("v", block: 5_000_000_000, data: Array("far".utf8))
        #expect(try w.readVolume("v", block: 5_000_000_000).prefix(3) == Array("far".utf8)[...])
        #expect(w.savedJSON().utf8.count < 100_000)
        #expect(try World.load(json: w.savedJSON()) == w)
    }
}
