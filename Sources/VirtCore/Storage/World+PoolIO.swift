/// Reading and writing a pool's data blocks over its members' bytes: full stripes,
/// P and Q computed as md computes them, lost chunks reconstructed (Anvin,
/// "The mathematics of RAID-6", for two lost data chunks).
extension World {
    /// Pool data block `k` (a chunk), reconstructed if its disk cannot be read.
    func readPoolBlock(_ name: String, _ k: Int64) throws(CoreError) -> [UInt8] {
        let pool = pools[name]!
        try checkNotFailed(pool)
        let (s, i) = pool.position(of: k)
        return stripeChunks(pool, s, lost: unavailable(pool))[i]
    }

    /// Writes pool data block `k` and the stripe's parity on every member that can be written.
    mutating func writePoolBlock(_ name: String, _ k: Int64, _ bytes: [UInt8]) throws(CoreError) {
        let pool = pools[name]!
        try checkNotFailed(pool)
        let (s, i) = pool.position(of: k)
        let lost = unavailable(pool)
        guard pool.raid == .raid5 || pool.raid == .raid6 else {
            // Stripes and mirrors write only the chunk's own copies.
            for slot in pool.raid.stripe(s, of: pool.members.count).data[i] where !lost.contains(slot) {
                disks[pool.members[slot]]!.data[s] = bytes
            }
            return
        }
        var chunks = stripeChunks(pool, s, lost: lost)
        chunks[i] = bytes
        writeStripe(pool, s, chunks, only: Set(pool.members.indices).subtracting(lost))
    }

    /// Every data chunk of stripe `s`, read where its disk answers and reconstructed
    /// from P (and Q) where not. The pool must not have failed.
    func stripeChunks(_ pool: Pool, _ s: Int64, lost: Set<Int>) -> [[UInt8]] {
        let map = pool.raid.stripe(s, of: pool.members.count)
        let read = { (slot: Int) in self.disks[pool.members[slot]]!.data[s] }
        var chunks = map.data.map { copies in copies.first { !lost.contains($0) }.map(read) }
        let gone = chunks.indices.filter { chunks[$0] == nil }
        guard !gone.isEmpty else { return chunks.map { $0! } }
        let length = BlockStore.blockSize
        let pReadable = map.p.map { !lost.contains($0) } ?? false
        let qReadable = map.q.map { !lost.contains($0) } ?? false
        if gone.count == 1, pReadable {
            chunks[gone[0]] = xorBlocks(chunks.compactMap { $0 } + [read(map.p!)], length: length)
            return chunks.map { $0! }
        }
        let zeroed = chunks.map { $0 ?? BlockStore.zero }
        let (pxy, qxy) = GF256.syndromes(zeroed, length: length)
        let qDelta = xorBlocks([read(map.q!), qxy], length: length)
        if gone.count == 1, qReadable {
            // Q ⊕ Q_x = g^x · D_x
            chunks[gone[0]] = GF256.scale(qDelta, by: GF256.power(-gone[0]))
            return chunks.map { $0! }
        }
        let (x, y) = (gone[0], gone[1])
        let pDelta = xorBlocks([read(map.p!), pxy], length: length)
        let denominator = GF256.inverse(GF256.power(y - x) ^ 1)
        let a = GF256.mul(GF256.power(y - x), denominator), b = GF256.mul(GF256.power(-x), denominator)
        let dx = xorBlocks([GF256.scale(pDelta, by: a), GF256.scale(qDelta, by: b)], length: length)
        chunks[x] = dx
        chunks[y] = xorBlocks([pDelta, dx], length: length)
        return chunks.map { $0! }
    }

    /// Writes stripe `s` (data chunks, every copy, P and Q) to the slots in `only`.
    mutating func writeStripe(_ pool: Pool, _ s: Int64, _ chunks: [[UInt8]], only slots: Set<Int>) {
        let map = pool.raid.stripe(s, of: pool.members.count)
        func put(_ slot: Int, _ bytes: [UInt8]) {
            if slots.contains(slot) { disks[pool.members[slot]]!.data[s] = bytes }
        }
        for (i, copies) in map.data.enumerated() { for slot in copies { put(slot, chunks[i]) } }
        switch pool.raid {
        case .raid5: put(map.p!, xorBlocks(chunks, length: BlockStore.blockSize))
        case .raid6:
            let (p, q) = GF256.syndromes(chunks, length: BlockStore.blockSize)
            put(map.p!, p)
            put(map.q!, q)
        default: break
        }
    }

    /// Stripes holding data on some readable member, in order.
    func writtenStripes(_ pool: Pool, readable: Set<Int>) -> [Int64] {
        var rows = Set<Int64>()
        for slot in readable { rows.formUnion(disks[pool.members[slot]]!.data.blocks.keys) }
        return rows.filter { $0 < pool.memberBlocks }.sorted()
    }
}

extension Pool {
    /// The stripe and the chunk's index in it of pool data block `k`.
    func position(of k: Int64) -> (stripe: Int64, index: Int) {
        let d = Int64(dataChunks)
        return (k / d, Int(k % d))
    }
}
