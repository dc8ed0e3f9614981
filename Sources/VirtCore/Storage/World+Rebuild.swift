/// `pool rebuild` and `pool scrub`: redundancy put back to work.
extension World {
    /// `pool rebuild NAME [rate=] [async=yes]`: failed members without a replacement
    /// take a spare, then every replaced or spare slot is reconstructed over
    /// simulated time (md resyncs the whole member: size / rate). Does nothing on an
    /// online pool.
    public mutating func rebuildPool(_ name: String, rate: Double = World.defaultRebuildRate,
                                     async: Bool = false) throws(CoreError) -> RebuildRecord? {
        var pool = try existingPool(name)
        guard rate.isFinite, rate > 0 else { throw .value("rate must be a positive bit rate", at: "rate") }
        try checkNotFailed(pool)
        if let job = pool.rebuild {
            throw .state("pool '\(name)' is already rebuilding (job \(job))", hint: "wait until it is done")
        }
        var world = self
        for slot in pool.members.indices where world.disks[pool.members[slot]]!.state == .failed {
            guard let spare = pool.spares.first(where: { world.reachable(world.disks[$0]!) }) else { continue }
            world.disks[pool.members[slot]]!.pool = nil
            pool.spares.removeAll { $0 == spare }
            pool.members[slot] = spare
            world.disks[spare]!.data.removeAll()
            pool.stale = (pool.stale + [slot]).sorted()
        }
        guard !pool.stale.isEmpty else {
            if world.unavailable(pool).isEmpty { return nil }
            throw .state("pool '\(name)' has failed disks and no replacement or spare to rebuild onto",
                         hint: "disk replace DISK with=NEW, or create the pool with spares=")
        }
        let bytes = pool.memberBlocks * Int64(BlockStore.blockSize)
        let time = Double(bytes) * 8 / rate
        let job = world.takeJobID()
        pool.rebuild = job
        world.pools[name] = pool
        world.rebuilds[job] = RebuildJob(id: job, pool: name, slots: pool.stale, start: world.clock, end: world.clock + time)
        world.schedule(EventAction(part: "storage", name: StoragePart.finishRebuildEvent, job: job), after: time)
        if !async { try world.advance(by: time) }
        self = world
        return RebuildRecord(pool: name, disks: pool.stale.map { pool.members[$0] }, bytes: bytes, rate: rate,
                             time: time, job: async ? job : nil)
    }

    /// The end of a rebuild: the stale slots get every written stripe back, unless
    /// the pool lost data meanwhile (then they stay stale).
    mutating func finishRebuild(job id: Int) {
        guard let job = rebuilds.removeValue(forKey: id) else { return }
        pools[job.pool]!.rebuild = nil
        let pool = pools[job.pool]!
        let lost = unavailable(pool)
        guard !pool.raid.losesData(lost, of: pool.members.count) else { return }
        let targets = Set(job.slots).filter { reachable(disks[pool.members[$0]]!) }
        let readable = Set(pool.members.indices).subtracting(lost)
        for slot in targets { disks[pool.members[slot]]!.data.removeAll() }
        for s in writtenStripes(pool, readable: readable) {
            writeStripe(pool, s, stripeChunks(pool, s, lost: lost), only: targets)
        }
        pools[job.pool]!.stale = pool.stale.filter { !targets.contains($0) }
    }

    /// Rebuilds in progress (`show`).
    func rebuildWork() -> [PendingWork] {
        rebuilds.values.map { job in
            PendingWork(id: job.id, summary: "rebuild of pool \(job.pool) onto \(listed(job.slots.map { pools[job.pool]!.members[$0] }))",
                        start: job.start, end: job.end, at: clock)
        }
    }

    /// `pool scrub NAME`: reads every stripe holding data and checks it against its
    /// redundancy, repairing what disagrees as md's `repair` does — a mirror copy
    /// outvoted by the others (on a tie the first copy wins), RAID 5 parity
    /// rewritten (RAID 5 cannot tell which chunk rotted), RAID 6 the one chunk that
    /// P and Q together point at (Anvin, section 5), else P and Q rewritten.
    public mutating func scrubPool(_ name: String) throws(CoreError) -> ScrubRecord {
        let pool = try existingPool(name)
        try checkNotFailed(pool)
        guard unavailable(pool).isEmpty else {
            throw .state("pool '\(name)' is \(state(of: pool).rawValue): a scrub needs every member", hint: "pool rebuild \(name) first")
        }
        let all = Set(pool.members.indices)
        let stripes = writtenStripes(pool, readable: all)
        var repaired: [ScrubRecord.Repair] = []
        var mismatches = 0
        for s in stripes {
            let fixes = scrubStripe(pool, s)
            if !fixes.isEmpty { mismatches += 1 }
            for (slot, bytes, what) in fixes {
                disks[pool.members[slot]]!.data[s] = bytes
                repaired.append(.init(disk: pool.members[slot], block: s, what: what))
            }
        }
        return ScrubRecord(pool: name, stripes: stripes.count, mismatches: mismatches, repaired: repaired)
    }

    /// What to rewrite in stripe `s`: slot, bytes, and what the slot holds.
    private func scrubStripe(_ pool: Pool, _ s: Int64) -> [(Int, [UInt8], String)] {
        let map = pool.raid.stripe(s, of: pool.members.count)
        let read = { (slot: Int) in self.disks[pool.members[slot]]!.data[s] }
        let length = BlockStore.blockSize
        switch pool.raid {
        case .raid0: return []
        case .raid1, .raid10:
            return map.data.flatMap { copies -> [(Int, [UInt8], String)] in
                let values = copies.map(read)
                let votes = values.map { v in values.filter { $0 == v }.count }
                let winner = values[votes.firstIndex(of: votes.max()!)!]
                return copies.indices.filter { values[$0] != winner }.map { (copies[$0], winner, "copy") }
            }
        case .raid5:
            let chunks = map.data.map { read($0[0]) }
            let p = xorBlocks(chunks, length: length)
            return p == read(map.p!) ? [] : [(map.p!, p, "P")]
        case .raid6:
            let chunks = map.data.map { read($0[0]) }
            let (p, q) = GF256.syndromes(chunks, length: length)
            let pDelta = xorBlocks([p, read(map.p!)], length: length)
            let qDelta = xorBlocks([q, read(map.q!)], length: length)
            let pBad = pDelta.contains { $0 != 0 }, qBad = qDelta.contains { $0 != 0 }
            switch (pBad, qBad) {
            case (false, false): return []
            case (true, false): return [(map.p!, p, "P")]
            case (false, true): return [(map.q!, q, "Q")]
            case (true, true):
                if let z = GF256.locate(pDelta: pDelta, qDelta: qDelta), z < chunks.count {
                    return [(map.data[z][0], xorBlocks([chunks[z], pDelta], length: length), "data")]
                }
                return [(map.p!, p, "P"), (map.q!, q, "Q")]
            }
        }
    }
}

extension GF256 {
    /// The data chunk z a single corruption E sits in, if the deltas say so: every
    /// byte has P-delta E_b and Q-delta g^z·E_b for one z (Anvin, section 5).
    static func locate(pDelta: [UInt8], qDelta: [UInt8]) -> Int? {
        var z: Int?
        for b in pDelta.indices {
            switch (pDelta[b], qDelta[b]) {
            case (0, 0): continue
            case (0, _), (_, 0): return nil
            case let (e, f):
                let candidate = (log[Int(f)] - log[Int(e)] + 255) % 255
                if z == nil { z = candidate } else if z != candidate { return nil }
            }
        }
        return z
    }
}
