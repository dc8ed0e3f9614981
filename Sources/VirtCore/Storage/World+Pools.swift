/// `pool create|info|list|layout`, and what every pool state means.
extension World {
    /// md's `speed_limit_max`: 200,000 KiB/s per device, the default rebuild rate (bits per second).
    public static let defaultRebuildRate = 200_000.0 * 1024 * 8

    /// `pool create NAME disks=… raid=N [spares=…]`.
    public mutating func createPool(_ name: String, disks members: [String], raid: Int, spares: [String] = []) throws(CoreError) {
        try registry.checkFree(name, for: .pool)
        guard let level = RaidLevel(rawValue: raid) else {
            throw .value("raid must be 0, 1, 5, 6 or 10, not \(raid)", at: "raid")
        }
        guard members.count >= level.minimumDisks else {
            throw .state("RAID \(raid) needs at least \(level.minimumDisks) disks, not \(members.count)", at: "disks")
        }
        guard level != .raid10 || members.count % 2 == 0 else {
            throw .state("RAID 10 needs an even number of disks (mirror pairs), not \(members.count)", at: "disks")
        }
        var seen = Set<String>()
        for (parameter, names) in [("disks", members), ("spares", spares)] {
            for disk in names {
                guard seen.insert(disk).inserted else { throw .value("disk '\(disk)' is named twice", at: parameter) }
                try checkJoinable(try existingDisk(disk, at: parameter), at: parameter)
            }
        }
        let memberBlocks = members.map { disks[$0]!.blockCount }.min()!
        for spare in spares { try checkJoinable(disks[spare]!, memberBlocks: memberBlocks, at: "spares") }
        registry.insert(name, as: .pool)
        for disk in members + spares { disks[disk]!.pool = name }
        pools[name] = Pool(name: name, raid: level, members: members, spares: spares, memberBlocks: memberBlocks)
    }

    /// `pool info`.
    public func poolInfo(_ name: String) throws(CoreError) -> PoolInfo { info(of: try existingPool(name)) }

    /// `pool list`, in creation order.
    public func poolList() -> [PoolInfo] { pools.values.map(info(of:)) }

    func info(of pool: Pool) -> PoolInfo {
        let block = Int64(BlockStore.blockSize)
        let capacity = pool.capacityBlocks * block
        let provisioned = volumes.values.filter { $0.pools.contains(pool.name) }.reduce(Int64(0)) { $0 + $1.size }
        let mttr = Double(pool.memberBlocks * block) * 8 / World.defaultRebuildRate
        let failureRate = pool.members.reduce(0.0) { $0 + 1 / disks[$1]!.mttf }
        let mttf = Double(pool.members.count) / failureRate
        return PoolInfo(name: pool.name, raid: pool.raid.rawValue, disks: pool.members, spares: pool.spares,
                        capacity: capacity, used: pool.allocated * block, provisioned: provisioned,
                        overcommit: capacity > 0 ? Double(provisioned) / Double(capacity) : 0,
                        state: state(of: pool), tolerance: pool.raid.tolerance(of: pool.members.count),
                        mttdl: pool.raid.mttdl(disks: pool.members.count, mttf: mttf, mttr: mttr / 3600) * 3600,
                        mttr: mttr, unavailable: unavailable(pool).sorted().map { pool.members[$0] })
    }

    /// `pool layout POOL [stripes=N]`: the first stripes, which member holds which chunk.
    public func poolLayout(_ name: String, stripes: Int = 4) throws(CoreError) -> [StripeRow] {
        let pool = try existingPool(name)
        guard stripes >= 1, stripes <= 1000 else { throw .value("stripes must be between 1 and 1000, not \(stripes)", at: "stripes") }
        let n = pool.members.count
        return (0..<min(Int64(stripes), pool.memberBlocks)).map { s in
            let map = pool.raid.stripe(s, of: n)
            var cells = [String](repeating: "", count: n)
            for (i, copies) in map.data.enumerated() {
                for slot in copies { cells[slot] = "D\(s * Int64(map.data.count) + Int64(i))" }
            }
            if let p = map.p { cells[p] = "P" }
            if let q = map.q { cells[q] = "Q" }
            return StripeRow(stripe: s, cells: cells)
        }
    }

    /// Slots that cannot be read: a failed disk, or one not rebuilt yet.
    func unavailable(_ pool: Pool) -> Set<Int> {
        Set(pool.members.indices.filter { !reachable(disks[pool.members[$0]]!) }).union(pool.stale)
    }

    func state(of pool: Pool) -> PoolState {
        let lost = unavailable(pool)
        if pool.raid.losesData(lost, of: pool.members.count) { return .failed }
        if pool.rebuild != nil { return .rebuilding }
        return lost.isEmpty ? .online : .degraded
    }

    /// Throws the data-loss error of a failed pool, naming the lost disks.
    func checkNotFailed(_ pool: Pool) throws(CoreError) {
        let lost = unavailable(pool)
        guard pool.raid.losesData(lost, of: pool.members.count) else { return }
        let names = lost.sorted().map { pool.members[$0] }
        throw .state("pool '\(pool.name)' has lost data: disks \(listed(names)) cannot be read and RAID \(pool.raid.rawValue) of \(pool.members.count) disks survives \(pool.raid.tolerance(of: pool.members.count))",
                     hint: "no copy or reconstruction is left; restore from a backup into a new pool")
    }

    func existingPool(_ name: String, at parameter: String = "name") throws(CoreError) -> Pool {
        guard let pool = pools[name] else { throw CoreError.unknown(.pool, name, among: Array(pools.keys), at: parameter) }
        return pool
    }
}
