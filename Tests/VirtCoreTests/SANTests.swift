import Foundation
import Testing
@testable import VirtCore

/// Arrays, fabrics, zones, LUNs, engines, io run, NAS, reachability and fate-sharing (CORE.md 2).
@Suite struct SANTests {
    /// Two hosts with a VM each; array a1 with a 3-SSD RAID 5 pool `ap`; fabric f1 (FC) cabling everything, no zone yet.
    static func san() throws -> World {
        var w = World()
        for h in ["pm1", "pm2"] {
            try w.addHost(h, cpus: 8, mem: 32 * GiB)
            try w.installHypervisor(on: h, kind: .hardware)
        }
        try w.createVM("a", vcpus: 1, mem: GiB, os: .linux, host: "pm1")
        try w.createVM("b", vcpus: 1, mem: GiB, os: .linux, host: "pm2")
        try w.startVM("a")
        try w.startVM("b")
        try w.addArray("a1")
        for d in ["s1", "s2", "s3"] { try w.addDisk(d, size: GiB, type: .ssd, array: "a1") }
        try w.createPool("ap", disks: ["s1", "s2", "s3"], raid: 5)
        try w.addFabric("f1", kind: .fc)
        try w.connectFabric("f1", host: "pm1", array: "a1")
        try w.connectFabric("f1", host: "pm2")
        return w
    }

    @Test func aLunNeedsFabricZoneAndMask() throws {
        var w = try Self.san()
        try w.createLun("l1", pool: "ap", size: 10 * MiB)
        expectRefused(&w, .state, containing: "no zone of fabric f1") { w throws(CoreError) in try w.attachVolume("l1", vm: "a") }
        try w.addZone("z1", fabric: "f1", members: ["pm1", "a1"])
        expectRefused(&w, .state, containing: "mask of LUN l1 does not name pm1") { w throws(CoreError) in try w.attachVolume("l1", vm: "a") }
        try w.maskLun("l1", hosts: ["pm1", "pm2"])
        // pm2 is masked in but not zoned: zoning (in the fabric) and masking (in the array) both decide.
        expectRefused(&w, .state, containing: "no zone of fabric f1 holds both pm2 and a1") { w throws(CoreError) in try w.attachVolume("l1", vm: "b") }
        try w.attachVolume("l1", vm: "a")
        #expect(w.kind(of: "l1") == .lun)
        #expect(try w.volumeInfo("l1").array == "a1")
        // A zone without an array, or with an unconnected member, is refused.
        expectRefused(&w, .value, containing: "without an array") { w throws(CoreError) in try w.addZone("z2", fabric: "f1", members: ["pm2"]) }
        var other = try Self.san()
        try other.addArray("a2")
        expectRefused(&other, .state, containing: "not connected") { w throws(CoreError) in try w.addZone("z2", fabric: "f1", members: ["pm1", "a2"]) }
        // A plain volume of an array's pool is not reached directly.
        try w.createVolume("plain", pool: "ap", size: MiB)
        expectRefused(&w, .state, containing: "as a LUN") { w throws(CoreError) in try w.attachVolume("plain", vm: "a") }
    }

    @Test func ioThroughputIsTheSlowestHopAndTheClockAdvances() throws {
        var w = try Self.san()
        try w.addZone("z1", fabric: "f1", members: ["pm1", "a1"])
        try w.createLun("l1", pool: "ap", size: 100 * MiB)
        try w.maskLun("l1", hosts: ["pm1"])
        try w.attachVolume("l1", vm: "a")
        let start = w.clock
        let direct = try w.runIO(vm: "a", volume: "l1", size: 100 * MiB)
        // Three SSDs in RAID 5: two data chunks a stripe at 4 Gbps each; the 16 Gbps fabric is faster.
        #expect(direct.throughput == 8e9)
        #expect(direct.path == ["pm1", "f1", "a1", "ap"])
        #expect(direct.bottleneck == "ap")
        #expect(abs(direct.time - Double(100 * MiB) * 8 / 8e9) < 1e-12)
        #expect(abs(w.clock - start - direct.time) < 1e-12)
        try w.addVirtualizer("box", mode: .inBand, bandwidth: 2e9)
        try w.createVolume("boxed", pool: "ap", size: 100 * MiB, via: "box")
        let boxed = try w.runIO(vm: "a", volume: "boxed", size: 100 * MiB)
        #expect(boxed.throughput == 2e9 && boxed.bottleneck == "box")
        #expect(boxed.path == ["pm1", "f1", "box", "a1", "ap"])
        try w.setVirtualizerFailed("box", true)
        expectRefused(&w, .state, containing: "passes through it and stops") { w throws(CoreError) in _ = try w.runIO(vm: "a", volume: "boxed", size: MiB) }
        // The LUN does not go through the appliance: it still works.
        #expect(try w.runIO(vm: "a", volume: "l1", size: MiB).throughput == 8e9)
    }

    @Test func outOfBandMappingsAreCachedPerHostAndVolume() throws {
        var w = try Self.san()
        try w.addZone("z1", fabric: "f1", members: ["pm1", "pm2", "a1"])
        try w.addVirtualizer("meta", mode: .outOfBand)
        try w.createVolume("va", pool: "ap", size: 10 * MiB, via: "meta")
        try w.createVolume("vb", pool: "ap", size: 10 * MiB, via: "meta")
        #expect(try w.runIO(vm: "a", volume: "va", size: MiB).mapping == "fetched")
        #expect(try w.runIO(vm: "a", volume: "va", size: MiB).mapping == "cached")
        #expect(try w.runIO(vm: "a", volume: "va", size: MiB).path == ["pm1", "f1", "a1", "ap"])
        try w.setVirtualizerFailed("meta", true)
        #expect(try w.runIO(vm: "a", volume: "va", size: MiB).mapping == "cached")
        // pm1 never asked for vb, pm2 never asked for va: both fail while the service is down.
        expectRefused(&w, .state, containing: "no cached mapping") { w throws(CoreError) in _ = try w.runIO(vm: "a", volume: "vb", size: MiB) }
        expectRefused(&w, .state, containing: "no cached mapping") { w throws(CoreError) in _ = try w.runIO(vm: "b", volume: "va", size: MiB) }
        try w.setVirtualizerFailed("meta", false)
        #expect(try w.runIO(vm: "b", volume: "va", size: MiB).mapping == "fetched")
        #expect(try w.virtualizerInfo("meta").mappings == ["pm1:va", "pm2:va"])
    }

    @Test func configurationEffortGrowsWithHostsForHostBasedEngines() throws {
        /// Total effort of serving one volume to each of `n` hosts with engines of `mode`.
        func effort(_ mode: VirtualizerMode, hosts n: Int) throws -> Int {
            var w = World()
            try w.addDisk("d1", size: GiB)
            try w.createPool("p", disks: ["d1"], raid: 0)
            if mode != .host { try w.addVirtualizer("e", mode: mode) }
            for i in 1...n {
                try w.addHost("h\(i)", cpus: 4, mem: 8 * GiB)
                if mode == .host { try w.addVirtualizer("e\(i)", mode: .host, on: "h\(i)") }
                try w.createVolume("v\(i)", pool: "p", size: MiB, via: mode == .host ? "e\(i)" : "e")
            }
            return w.virtualizerList().reduce(0) { $0 + $1.effort }
        }
        for n in [1, 2, 4, 8] {
            #expect(try effort(.host, hosts: n) == 2 * n)
            #expect(try effort(.outOfBand, hosts: n) == 1 + 2 * n)
            #expect(try effort(.inBand, hosts: n) == 1 + n)
        }
    }

    @Test func aHostBasedEngineServesOnlyItsHost() throws {
        var w = try Self.san()
        try w.addDisk("l1", size: GiB, on: "pm1")
        try w.createPool("lp", disks: ["l1"], raid: 0)
        try w.addVirtualizer("e1", mode: .host, on: "pm1")
        try w.addVirtualizer("e2", mode: .host, on: "pm2")
        try w.createVolume("v", pool: "lp", size: MiB, via: "e1")
        expectRefused(&w, .state, containing: "cannot reach pool 'lp'") { w throws(CoreError) in try w.createVolume("x", pool: "lp", size: MiB, via: "e2") }
        expectRefused(&w, .state, containing: "serves only its own host pm1") { w throws(CoreError) in try w.attachVolume("v", vm: "b") }
        try w.attachVolume("v", vm: "a")
        try w.failHost("pm1")
        expectRefused(&w, .state, containing: "is down") { w throws(CoreError) in _ = try w.readVolume("v", block: 0) }
    }

    @Test func restartElsewhereNeedsReachableVolumes() throws {
        var w = try Self.san()
        try w.addDisk("l1", size: GiB, on: "pm1")
        try w.createPool("lp", disks: ["l1"], raid: 0)
        try w.createVolume("lv", pool: "lp", size: MiB)
        try w.attachVolume("lv", vm: "a")
        try w.failHost("pm1")
        let error = expectRefused(&w, .state, containing: "volume 'lv'") { w throws(CoreError) in try w.restartVM("a", host: "pm2") }
        #expect(error?.parameter == "host")
        try w.detachVolume("lv")
        try w.restartVM("a", host: "pm2")
        #expect(try w.vmInfo("a").host == "pm2")
    }

    @Test func migrationWithStorageCopiesTheBytesAndTakesTheirTime() throws {
        var w = try Self.san()
        for (d, h) in [("l1", "pm1"), ("l2", "pm1"), ("m1", "pm2"), ("m2", "pm2")] { try w.addDisk(d, size: GiB, on: h) }
        try w.createPool("src", disks: ["l1", "l2"], raid: 1)
        try w.createPool("dst", disks: ["m1", "m2"], raid: 1)
        try w.createVolume("thick", pool: "src", size: 8 * MiB)
        try w.createVolume("thin", pool: "src", size: 8 * MiB, thin: true)
        for v in ["thick", "thin"] {
            try w.attachVolume(v, vm: "a")
            try w.writeVolume(v, block: 5, data: Array("bytes of \(v)".utf8))
        }
        expectRefused(&w, .state, containing: "with-storage=yes") { w throws(CoreError) in _ = try w.migrate("a", to: "pm2") }
        var plain = w
        try plain.detachVolume("thick")
        try plain.detachVolume("thin")
        let base = try plain.migrate("a", to: "pm2")
        let moved = try w.migrate("a", to: "pm2", parameters: MigrationParameters(withStorage: true))
        // Thick: its whole size; thin: the one block it holds.
        let copied = 8 * MiB + 4096
        #expect(moved.bytes - base.bytes == copied)
        #expect(abs(moved.totalTime - base.totalTime - Double(copied) * 8 / 1e9) < 1e-9)
        for v in ["thick", "thin"] {
            #expect(try w.volumeInfo(v).pool == "dst")
            #expect(try w.readVolume(v, block: 5).starts(with: Array("bytes of \(v)".utf8)))
        }
        try w.failHost("pm1")
        #expect(try w.readVolume("thick", block: 5).starts(with: Array("bytes of thick".utf8)))
    }

    @Test func nasFilesLiveInTheFilersPoolAndEveryMountSeesThem() throws {
        var w = try Self.san()
        for d in ["n1", "n2", "n3"] { try w.addDisk(d, size: GiB) }
        try w.addNAS("filer", disks: ["n1", "n2", "n3"])
        try w.createShare("home", nas: "filer", size: 8192)
        try w.mount("home", vm: "a")
        try w.mount("home", vm: "b", at: "/mnt/home")
        let text = Array(String(repeating: "x", count: 5000).utf8)
        try w.writeFile(vm: "a", path: "/big.txt", data: text)
        #expect(try w.readFile(vm: "b", path: "/mnt/home/big.txt") == text)
        // The bytes are on the filer's RAID 5 members: stripe 0 holds the file's two blocks and their parity.
        let members = try w.poolInfo("filer-pool").disks
        let blocks = try members.map { d throws(CoreError) in try w.readDisk(d, block: 0) }
        #expect(blocks.filter { $0.prefix(1) == [UInt8(ascii: "x")] }.count == 2)
        try w.failDisk("n1")
        #expect(try w.readFile(vm: "b", path: "/mnt/home/big.txt") == text)
        expectRefused(&w, .state, containing: "is full") { w throws(CoreError) in try w.writeFile(vm: "a", path: "/more.txt", data: [1]) }
        try w.failDisk("n2")
        expectRefused(&w, .state, containing: "lost data") { w throws(CoreError) in _ = try w.readFile(vm: "b", path: "/mnt/home/big.txt") }
    }

    @Test func theSANSurvivesSaveAndLoad() throws {
        var w = try Self.san()
        try w.addZone("z1", fabric: "f1", members: ["pm1", "a1"])
        try w.createLun("l1", pool: "ap", size: MiB)
        try w.maskLun("l1", hosts: ["pm1"])
        try w.addVirtualizer("meta", mode: .outOfBand)
        try w.createVolume("v", pool: "ap", size: MiB, via: "meta")
        _ = try w.runIO(vm: "a", volume: "v", size: MiB)
        for d in ["n1", "n2"] { try w.addDisk(d, size: GiB) }
        try w.addNAS("filer", disks: ["n1", "n2"])
        try w.createShare("home", nas: "filer", size: MiB)
        try w.mount("home", vm: "a")
        try w.writeFile(vm: "a", path: "/f", data: Array("kept".utf8))
        let loaded = try World.load(json: w.savedJSON())
        #expect(loaded == w)
        #expect(try loaded.readFile(vm: "a", path: "/f") == Array("kept".utf8))
    }

    @Test func aWorldSavedBeforeTheSANLoadsWithItEmpty() throws {
        var w = World()
        try w.addDisk("d1", size: GiB)
        var json = try #require(try JSONSerialization.jsonObject(with: Data(w.savedJSON().utf8)) as? [String: Any])
        var world = try #require(json["world"] as? [String: Any])
        var storage = try #require(world["storage"] as? [String: Any])
        #expect(storage["san"] != nil)
        storage.removeValue(forKey: "san")
        world["storage"] = storage
        json["world"] = world
        let old = String(decoding: try JSONSerialization.data(withJSONObject: json, options: [.sortedKeys]), as: UTF8.self)
        #expect(try World.load(json: old) == w)
    }
}

extension SANTests {
    @Test func asyncIORunIsPendingWorkSavedWithTheWorld() throws {
        var w = World()
        try w.addHost("pm1", cpus: 8, mem: 32 * GiB)
        try w.installHypervisor(on: "pm1", kind: .hardware)
        try w.createVM("a", vcpus: 1, mem: GiB, os: .linux, host: "pm1")
        try w.addDisk("d1", size: 10 * GiB)
        try w.createPool("p", disks: ["d1"], raid: 0)
        try w.createVolume("v", pool: "p", size: GiB)
        let record = try w.runIO(vm: "a", volume: "v", size: GiB, async: true)
        #expect(record.job != nil && w.clock == 0)
        #expect(w.pendingWork().map(\.summary) == ["io run: a reads 1 GiB of v"])
        var loaded = try World.load(json: w.savedJSON())
        #expect(loaded == w)
        try loaded.advance(by: record.time / 2)
        #expect(loaded.pendingWork().count == 1)
        try loaded.advance(by: record.time)
        #expect(loaded.pendingWork().isEmpty)
    }
}
