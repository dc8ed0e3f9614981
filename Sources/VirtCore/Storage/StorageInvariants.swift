/// The storage part's invariants, in one place: what every operation keeps true and
/// `load` checks in a saved file.
extension World {
    func checkStorageInvariants() throws(CoreError) {
        let require = Invariant.require
        for (key, disk) in disks {
            let path = "storage.disks.\(key)"
            try require(disk.name == key, path + ".name", "must be the key it is stored under ('\(key)')")
            try require(registry.kind(of: key) == .disk, path, "is not registered as a disk")
            try require(disk.size >= Int64(BlockStore.blockSize), path + ".size", "must be at least one 4 KiB block")
            try Invariant.finite(disk.mttf, atLeast: 1e-9, path + ".mttf")
            try require(disk.host.map { registry.kind(of: $0) == .host } ?? true, path + ".host", "names no host")
            try require(disk.data.blocks.keys.allSatisfy { $0 < disk.blockCount }, path + ".data", "holds a block beyond the disk's end")
            if let pool = disk.pool {
                try require(pools[pool].map { $0.members.contains(key) || $0.spares.contains(key) } ?? false,
                            path + ".pool", "names '\(pool)', which is not a pool holding this disk")
            }
        }
        for (key, pool) in pools {
            let path = "storage.pools.\(key)"
            try require(pool.name == key, path + ".name", "must be the key it is stored under ('\(key)')")
            try require(registry.kind(of: key) == .pool, path, "is not registered as a pool")
            let n = pool.members.count
            try require(n >= pool.raid.minimumDisks && (pool.raid != .raid10 || n % 2 == 0), path + ".members", "are too few for RAID \(pool.raid.rawValue)")
            for disk in pool.members + pool.spares {
                try require(disks[disk]?.pool == key, path + ".members", "names '\(disk)', which is not a disk of this pool")
                try require(disks[disk]!.blockCount >= pool.memberBlocks, path + ".memberBlocks", "exceeds disk '\(disk)'")
            }
            try require(Set(pool.members + pool.spares).count == n + pool.spares.count, path + ".members", "name a disk twice")
            try require(pool.memberBlocks >= 1, path + ".memberBlocks", "must be at least 1")
            try require(pool.stale.allSatisfy { (0..<n).contains($0) } && pool.stale == Array(Set(pool.stale)).sorted(),
                        path + ".stale", "must be distinct member slots in order")
            try require((0...pool.capacityBlocks).contains(pool.allocated), path + ".allocated", "must be between 0 and the capacity")
            if let job = pool.rebuild {
                try require(rebuilds[job]?.pool == key, path + ".rebuild", "names job \(job), which is not this pool's rebuild")
            }
        }
        for (id, job) in rebuilds {
            let path = "storage.rebuilds.\(id)"
            try require(job.id == id && pools[job.pool]?.rebuild == id, path, "is not the rebuild of its pool")
            try require(job.start.isFinite && job.end.isFinite && job.end >= job.start, path + ".end", "must not come before its start")
            try require(events.events.contains { $0.action.part == "storage" && $0.action.job == id }, path, "has no event to finish it")
        }
        for (index, event) in events.events.enumerated() where event.action.part == "storage" {
            let known = switch event.action.name {
            case StoragePart.finishRebuildEvent: rebuilds[event.action.job] != nil
            case StoragePart.finishIOEvent: san.ioJobs[event.action.job] != nil
            case StoragePart.finishReplicationEvent: replicationJobs[event.action.job] != nil
            default: event.action.name == StoragePart.replicaTimeoutEvent
            }
            try require(known, "events.\(index).action", "names no rebuild, io run or copy in flight (job \(event.action.job))")
        }
        for (key, volume) in volumes {
            let path = "storage.volumes.\(key)"
            try require(volume.name == key, path + ".name", "must be the key it is stored under ('\(key)')")
            try require(registry.kind(of: key) == (volume.lun == nil ? .volume : .lun), path, "is not registered as a \(volume.lun == nil ? "volume" : "LUN")")
            try require(volume.size >= 1, path + ".size", "must be positive")
            try require(!volume.pools.isEmpty && volume.pools.allSatisfy { pools[$0] != nil }, path + ".pools", "must name existing pools")
            try require(volume.stale.count == volume.pools.count, path + ".stale", "must have one entry per replica")
            try require(volume.vm.map { registry.kind(of: $0) == .vm } ?? true, path + ".vm", "names no VM")
            try require(volume.written.allSatisfy { (0..<volume.blocks).contains($0) }, path + ".written", "names a block outside the volume")
            if volume.thin {
                let pool = pools[volume.pools[0]]!
                try require(volume.pools.count == 1 && volume.bases.isEmpty, path + ".bases", "must be empty for a thin volume, which has one replica")
                try require(volume.map.allSatisfy { (0..<volume.blocks).contains($0.key) && (0..<pool.allocated).contains($0.value) },
                            path + ".map", "maps a block outside the volume or the pool's allocated blocks")
            } else {
                try require(volume.bases.count == volume.pools.count && volume.map.isEmpty, path + ".bases", "must give one range per replica")
                for (r, base) in volume.bases.enumerated() {
                    try require(base >= 0 && base + volume.blocks <= pools[volume.pools[r]]!.allocated,
                                "\(path).bases.\(r)", "must start a reserved range within the pool's allocated blocks")
                }
            }
        }
        for name in registry.kinds.keys where StoragePart.descriptor.kinds.contains(registry.kind(of: name)!) {
            let exists = switch registry.kind(of: name)! {
            case .disk: disks[name] != nil
            case .pool: pools[name] != nil
            case .volume, .lun: volumes[name] != nil
            case .dfs: stores[name] != nil
            default: san.holds(name, as: registry.kind(of: name)!)
            }
            try require(exists, "registry.\(name)", "names no object of its kind")
        }
        try checkSANInvariants()
        try checkDistributedInvariants()
    }
}
