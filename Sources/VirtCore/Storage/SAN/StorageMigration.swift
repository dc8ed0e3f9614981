/// What a migration asks of the storage part: a VM moves only to a host that
/// reaches its volumes, unless `with-storage=yes` copies the others to the
/// destination's own disks first (the copy's bytes and time join the record).
extension World {
    /// The storage part's migration precondition.
    static let storageMigrationChecks: [MigrationCheck] = [
        MigrationCheck(name: "storage") { world, r throws(CoreError) in _ = try world.storageCopies(r) },
    ]

    /// Copies the volumes the destination cannot reach into its pools, then adds the
    /// bytes and the time at the migration's bandwidth to the record.
    static let storageMigrationStarts: [MigrationStart] = [
        { world, r, record, parameters in
            let copies = try! world.storageCopies(r)
            var bytes: Int64 = 0
            for (volume, pool) in copies { bytes += world.copyVolume(volume, to: pool) }
            record.bytes += bytes
            record.totalTime += Double(bytes) * 8 / parameters.bandwidth
        },
    ]

    /// Each volume of the VM the destination cannot reach, with the destination pool
    /// it would be copied to (the first in creation order on the destination's own
    /// disks with room); throws unless `with-storage` and every one has a place.
    func storageCopies(_ r: MigrationRequest) throws(CoreError) -> [(String, String)] {
        let destination = r.destination.name
        var free: [String: Int64] = [:]
        var copies: [(String, String)] = []
        for volume in volumes.values where volume.vm == r.vm.name {
            guard let gap = reachGap(volume, from: destination) else { continue }
            guard r.withStorage else {
                throw .state("\(destination) cannot reach volume '\(volume.name)' of VM '\(r.vm.name)': \(gap)",
                             hint: "with-storage=yes copies it to \(destination)'s own disks; or keep volumes on storage both hosts reach",
                             at: "to")
            }
            guard volume.lun == nil, volume.pools.count == 1 else {
                throw .state("volume '\(volume.name)' is \(volume.lun != nil ? "a LUN: it stays in its array" : "replicated: its copies stay where they are")",
                             hint: volume.lun != nil ? "lun mask \(volume.name) hosts=…,\(destination) lets \(destination) reach it" : nil, at: "with-storage")
            }
            _ = try liveReplicas(volume)
            let needed = volume.thin ? Int64(volume.map.count) : volume.blocks
            let target = pools.values.first { pool in
                !volume.pools.contains(pool.name) && !san.filers.values.contains { $0.pool == pool.name }
                    && pool.members.allSatisfy { disks[$0]!.host == destination } && state(of: pool) != .failed
                    && pool.capacityBlocks - pool.allocated - free[pool.name, default: 0] >= needed
            }
            guard let target else {
                throw .state("no pool on \(destination)'s own disks has room for volume '\(volume.name)' (\(formatBytes(needed * Int64(BlockStore.blockSize))))",
                             hint: "disk add … on=\(destination), then pool create", at: "with-storage")
            }
            free[target.name, default: 0] += needed
            copies.append((volume.name, target.name))
        }
        return copies
    }

    /// Copies a single-copy volume into `pool` (its old blocks stay allocated in the old
    /// pool); returns the bytes moved: the whole size when thick, the blocks held when thin.
    mutating func copyVolume(_ name: String, to pool: String) -> Int64 {
        let volume = volumes[name]!
        var moved = volume
        moved.pools = [pool]
        moved.via = nil
        if volume.thin {
            moved.map = [:]
            for (block, old) in volume.map {
                moved.map[block] = pools[pool]!.allocated
                pools[pool]!.allocated += 1
                try! writePoolBlock(pool, moved.map[block]!, readPoolBlock(volume.pools[0], old))
            }
        } else {
            moved.bases = [pools[pool]!.allocated]
            pools[pool]!.allocated += volume.blocks
            for block in volume.written {
                try! writePoolBlock(pool, moved.bases[0] + block, readPoolBlock(volume.pools[0], volume.bases[0] + block))
            }
        }
        volumes[name] = moved
        return volume.thin ? Int64(volume.map.count) * Int64(BlockStore.blockSize) : volume.size
    }
}
