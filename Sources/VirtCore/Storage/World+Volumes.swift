/// `volume create|info|list|write|read|attach|detach`: virtual disks carved from
/// pools, the same interface whatever devices lie underneath.
extension World {
    /// `volume create NAME pool=P size=SIZE [thin=yes] [replicas=N spread=…]`: a thick
    /// volume reserves its blocks now and cannot exceed the pools' free space; a thin
    /// one takes blocks as they are written and may promise more than the pool holds
    /// (overcommit). With replicas=N (thick only) it keeps a copy in N pools whose
    /// disks share no disk, host, rack or site (`spread`): the named pool, then the
    /// first pools in creation order that fit.
    /// With `via=` its I/O goes through that virtualization engine; `export` makes it a LUN.
    public mutating func createVolume(_ name: String, pool poolName: String, size: Int64, thin: Bool = false,
                                      replicas: Int = 1, spread: Spread = .disk, via: String? = nil) throws(CoreError) {
        try createVolume(name, pool: poolName, size: size, thin: thin, replicas: replicas, spread: spread, via: via, export: nil)
    }

    mutating func createVolume(_ name: String, pool poolName: String, size: Int64, thin: Bool = false,
                               replicas: Int = 1, spread: Spread = .disk, via: String? = nil,
                               export: LunExport?) throws(CoreError) {
        let kind: ObjectKind = export == nil ? .volume : .lun
        try registry.checkFree(name, for: kind)
        let pool = try existingPool(poolName, at: "pool")
        if let filer = san.filers.values.first(where: { $0.pool == poolName }) {
            throw .state("pool '\(poolName)' belongs to NAS filer '\(filer.name)': its space is reached as files", hint: "share create NAME nas=\(filer.name) size=…", at: "pool")
        }
        if let via { try checkEngineServes(via, pool) }
        guard size >= 1 else { throw .value("size must be positive, not \(formatBytes(size))", at: "size") }
        guard (1...8).contains(replicas) else { throw .value("replicas must be between 1 and 8, not \(replicas)", at: "replicas") }
        guard !thin || replicas == 1 else {
            throw .value("a thin volume keeps one copy", hint: "replicated volumes are thick: drop thin=yes", at: "replicas")
        }
        var volume = Volume(name: name, pools: [poolName], size: size, thin: thin, spread: spread,
                            stale: [Bool](repeating: false, count: replicas), via: via, lun: export)
        guard !thin else {
            registry.insert(name, as: kind)
            volumes[name] = volume
            return
        }
        let free = pool.capacityBlocks - pool.allocated
        guard volume.blocks <= free else {
            throw .state("pool '\(poolName)' has \(formatBytes(free * Int64(BlockStore.blockSize))) free, less than \(formatBytes(size))",
                         hint: "a thick volume reserves its whole size; use thin=yes to overcommit", at: "size")
        }
        var taken = domains(of: pool, spread)
        for candidate in pools.values where volume.pools.count < replicas && candidate.name != poolName {
            let theirs = domains(of: candidate, spread)
            guard theirs.isDisjoint(with: taken), volume.blocks <= candidate.capacityBlocks - candidate.allocated else { continue }
            volume.pools.append(candidate.name)
            taken.formUnion(theirs)
        }
        guard volume.pools.count == replicas else {
            throw .state("replicas=\(replicas) spread=\(spread.rawValue) needs \(replicas) pools with room on different \(spread.rawValue)s; found \(listed(volume.pools))",
                         hint: "create pools on disks of other \(spread.rawValue)s", at: "replicas")
        }
        for poolName in volume.pools {
            volume.bases.append(pools[poolName]!.allocated)
            pools[poolName]!.allocated += volume.blocks
        }
        registry.insert(name, as: kind)
        volumes[name] = volume
    }

    /// The failure domains a pool's disks sit in, at one level (an unlabelled place counts as one domain, `none`).
    func domains(of pool: Pool, _ spread: Spread) -> Set<String> {
        Set((pool.members + pool.spares).map { name in
            let disk = disks[name]!
            return switch spread {
            case .disk: name
            case .host: disk.host ?? "none"
            case .rack: disk.rack ?? "none"
            case .site: disk.site ?? "none"
            }
        })
    }

    /// `volume write NAME block=N data=STRING`: the bytes at the start of block N, the
    /// rest zero, in every replica whose pool can be written (the others go stale).
    public mutating func writeVolume(_ name: String, block: Int64, data: [UInt8]) throws(CoreError) {
        let (replicaPools, live, unbacked) = try checkWrite(name, block: block, data: data)
        // Validated: from here on nothing throws, and no copy of the volume is held,
        // so its block map and each disk's blocks are changed in place.
        if unbacked {
            volumes[name]!.map[block] = pools[replicaPools[0]]!.allocated
            pools[replicaPools[0]]!.allocated += 1
        }
        // Exactly one block's capacity (`data + zeros` would keep the doubled capacity of the append).
        var bytes = [UInt8](repeating: 0, count: BlockStore.blockSize)
        bytes.replaceSubrange(0..<data.count, with: data)
        for r in replicaPools.indices {
            guard live.contains(r) else { volumes[name]!.stale[r] = true; continue }
            try! writePoolBlock(replicaPools[r], volumes[name]!.poolBlock(block, replica: r)!, bytes)
        }
        volumes[name]!.written.append(block)
        cacheMapping(volumes[name]!, host: attachedHost(volumes[name]!))
    }

    /// Everything `volume write` checks: its pools, the replicas it can write, and whether the block needs a new pool block.
    private func checkWrite(_ name: String, block: Int64, data: [UInt8]) throws(CoreError) -> ([String], [Int], Bool) {
        let volume = try existingVolume(name)
        try checkBlock(block, of: volume)
        guard data.count <= BlockStore.blockSize else {
            throw .value("data holds \(data.count) bytes, more than one 4 KiB block (4096)", at: "data")
        }
        try checkEngine(volume, host: attachedHost(volume))
        let live = try liveReplicas(volume)
        let unbacked = volume.poolBlock(block) == nil
        if unbacked, let pool = pools[volume.pools[0]], pool.allocated >= pool.capacityBlocks {
            throw .state("pool out of space: pool '\(pool.name)' has no free block to back block \(block) of thin volume '\(name)'",
                         hint: "the pool is overcommitted (pool info shows provisioned and capacity); add a pool or free space", at: "block")
        }
        return (volume.pools, live, unbacked)
    }

    /// `volume read NAME block=N`: the block's bytes (zero where never written), from
    /// the first replica that is whole and readable.
    public func readVolume(_ name: String, block: Int64) throws(CoreError) -> [UInt8] {
        let volume = try existingVolume(name)
        try checkBlock(block, of: volume)
        try checkEngine(volume, host: attachedHost(volume))
        let r = try liveReplicas(volume).first!
        guard let target = volume.poolBlock(block, replica: r) else { return BlockStore.zero }
        return try readPoolBlock(volume.pools[r], target)
    }

    /// The replicas that hold every write and whose pool has not lost data; throws the
    /// data-loss error of the first pool when there is none.
    func liveReplicas(_ volume: Volume) throws(CoreError) -> [Int] {
        let live = volume.pools.indices.filter { !volume.stale[$0] && state(of: pools[volume.pools[$0]]!) != .failed }
        if live.isEmpty {
            if let failed = volume.pools.first(where: { state(of: pools[$0]!) == .failed }) {
                try checkNotFailed(pools[failed]!)
            }
            throw .state("volume '\(volume.name)' has no whole replica left: every copy missed writes")
        }
        return live
    }

    /// `volume attach NAME vm=VM`: the VM sees the volume as a disk — only when the VM's
    /// host reaches it (a pending VM, with no host yet, attaches anything).
    public mutating func attachVolume(_ name: String, vm: String) throws(CoreError) {
        let volume = try existingVolume(name)
        guard kind(of: vm) == .vm else { throw CoreError.unknown(.vm, vm, among: names(ofKind: .vm), at: "vm") }
        if let current = volume.vm {
            throw .state("volume '\(name)' is already attached to VM '\(current)'", hint: "volume detach \(name) first")
        }
        if try vmInfo(vm).host != nil { try checkReach(volume, vm: vm, at: "vm") }
        volumes[name]!.vm = vm
    }

    /// `volume detach NAME`.
    public mutating func detachVolume(_ name: String) throws(CoreError) {
        let volume = try existingVolume(name)
        guard volume.vm != nil else { throw .state("volume '\(name)' is not attached to a VM") }
        volumes[name]!.vm = nil
    }

    /// `volume info`.
    public func volumeInfo(_ name: String) throws(CoreError) -> VolumeInfo { info(of: try existingVolume(name)) }

    /// `volume list [pool=]`, in creation order.
    public func volumeList(pool: String? = nil) throws(CoreError) -> [VolumeInfo] {
        if let pool { _ = try existingPool(pool, at: "pool") }
        return volumes.values.filter { pool == nil || $0.pools.contains(pool!) }.map(info(of:))
    }

    /// The host of the VM a volume is attached to, if any.
    func attachedHost(_ volume: Volume) -> String? { volume.vm.flatMap { try? vmInfo($0).host } }

    func info(of volume: Volume) -> VolumeInfo {
        let live = (try? liveReplicas(volume)) ?? []
        let whole = live.count == volume.pools.count && live.allSatisfy { state(of: pools[volume.pools[$0]]!) == .online }
        return VolumeInfo(name: volume.name, pool: volume.pools[0], size: volume.size, thin: volume.thin,
                          allocated: volume.allocatedBlocks * Int64(BlockStore.blockSize), replicas: volume.pools.count,
                          spread: volume.spread, pools: volume.pools,
                          state: live.isEmpty ? .failed : whole ? .online : .degraded, vm: volume.vm,
                          via: volume.via, array: volume.lun?.array, mask: volume.lun?.masked)
    }

    func existingVolume(_ name: String, at parameter: String = "name") throws(CoreError) -> Volume {
        guard let volume = volumes[name] else { throw CoreError.unknown(.volume, name, among: Array(volumes.keys), at: parameter) }
        return volume
    }

    private func checkBlock(_ block: Int64, of volume: Volume) throws(CoreError) {
        guard block >= 0, block < volume.blocks else {
            throw .value("block must be between 0 and \(volume.blocks - 1) in volume '\(volume.name)' (\(formatBytes(volume.size))), not \(block)",
                         at: "block")
        }
    }
}
