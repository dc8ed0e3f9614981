// bench/raid.sh's timing harness (issue 11): RAID-6 P+Q generation over 64 MiB of
// data chunks, against a plain copy of the same bytes in the same run, and a full
// rebuild of a failed disk in a 6-disk RAID 6 holding 64 MiB. Wall-clock times,
// best of 3; run a release build.
import Foundation
import VirtCore

let mib = 1 << 20
let total = 64 * mib
let block = 4096
let dataDisks = 4  // a 6-disk RAID 6

var generator = SystemRandomNumberGenerator()
let stripes: [[[UInt8]]] = (0..<(total / block / dataDisks)).map { _ in
    (0..<dataDisks).map { _ in (0..<block).map { _ in UInt8.random(in: 0...255, using: &generator) } }
}

func best(_ runs: Int = 3, _ body: () -> Void) -> Double {
    (0..<runs).map { _ in
        let start = DispatchTime.now().uptimeNanoseconds
        body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }.min()!
}

var sink: UInt8 = 0
let pq = best {
    for stripe in stripes {
        let (p, q) = Raid6Parity.syndromes(stripe)
        sink ^= p[0] ^ q[block - 1]
    }
}
var destination = [UInt8](repeating: 0, count: total)
let copy = best {
    destination.withUnsafeMutableBytes { out in
        var offset = 0
        for stripe in stripes {
            for chunk in stripe {
                chunk.withUnsafeBytes { out.baseAddress!.advanced(by: offset).copyMemory(from: $0.baseAddress!, byteCount: block) }
                offset += block
            }
        }
    }
    sink ^= destination[total - 1]
}

// A 6-disk RAID 6 of 32 MiB members holding 64 MiB of data through a volume; one disk failed, replaced, rebuilt.
var world = World()
for i in 0..<6 { try world.addDisk("d\(i)", size: Int64(32 * mib)) }
try world.addDisk("n0", size: Int64(32 * mib))
try world.createPool("p", disks: (0..<6).map { "d\($0)" }, raid: 6)
try world.createVolume("v", pool: "p", size: Int64(total))
let writeTime = best(1) {
    for (s, stripe) in stripes.enumerated() {
        for (i, chunk) in stripe.enumerated() { try! world.writeVolume("v", block: Int64(s * dataDisks + i), data: chunk) }
    }
}
print("64 MiB write via volume  \(String(format: "%7.1f", writeTime * 1000)) ms  \(String(format: "%.2f GB/s", Double(total) / writeTime / 1e9))  (read-modify-write per 4 KiB block)")
try world.failDisk("d2")
try world.replaceDisk("d2", with: "n0")
var rebuildTimes: [Double] = []
for _ in 0..<3 {
    var copyOfWorld = world
    rebuildTimes.append(best(1) { _ = try! copyOfWorld.rebuildPool("p") })
    precondition(try! copyOfWorld.poolInfo("p").state == .online)
    precondition((try! copyOfWorld.readVolume("v", block: 4097)) == stripes[1024][1])
}

func rate(_ seconds: Double) -> String { String(format: "%.2f GB/s", Double(total) / seconds / 1e9) }
print("raid6 P+Q over 64 MiB    \(String(format: "%7.1f", pq * 1000)) ms  \(rate(pq))")
print("memory copy of 64 MiB    \(String(format: "%7.1f", copy * 1000)) ms  \(rate(copy))")
print("P+Q / copy throughput    \(String(format: "%7.3f", copy / pq))")
print("rebuild of 1 of 6 disks  \(String(format: "%7.1f", rebuildTimes.min()! * 1000)) ms  (16 MiB written per member, 4096 stripes)")
if sink == 42 { print("") }
