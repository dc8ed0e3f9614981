/// `volume create|info|list|write|read|attach|detach`: virtual disks carved from
/// pools, the same interface whatever devices lie underneath.
extension World {
    /// `volume create NAME pool=P size=SIZE [thin=yes]`: a thick volume reserves its
    /// blocks now and cannot exceed the pool's free space; a thin one takes blocks as
    /// they are written and may promise more than the pool holds (overcommit).
    public mutating func createVolume(_ name: String, pool poolName: String, size: Int64, thin: Bool = false) throws(CoreError) {
        try registry.checkFree(name, for: .volume)
        let pool = try existingPool(poolName, at: "pool")
        guard size >= 1 else { throw .value("size must be positive, not \(formatBytes(size))", at: "size") }
        var volume = Volume(name: name, pool: poolName, size: size, thin: thin)
        if !thin {
            let free = pool.capacityBlocks - pool.allocated
            guard volume.blocks <= free else {
                throw .state("pool '\(poolName)' has \(formatBytes(free * Int64(BlockStore.blockSize))) free, less than \(formatBytes(size))",
                             hint: "a thick volume reserves its whole size; use thin=yes to overcommit", at: "size")
            }
            volume.base = pool.allocated
            pools[poolName]!.allocated += volume.blocks
        }
        registry.insert(name, as: .volume)
        volumes[name] = volume
    }

    /// `volume write NAME block=N data=STRING`: the bytes at the start of block N, the rest zero.
    public mutating func writeVolume(_ name: String, block: Int64, data: [UInt8]) throws(CoreError) {
        let volume = try existingVolume(name)
        try checkBlock(block, of: volume)
        guard data.count <= BlockStore.blockSize else {
            throw .value("data holds \(data.count) bytes, more than one 4 KiB block (4096)", at: "data")
        }
        let pool = pools[volume.pool]!
        try checkNotFailed(pool)
        var world = self
        let target: Int64
        if let existing = volume.poolBlock(block) {
            target = existing
        } else {
            guard pool.allocated < pool.capacityBlocks else {
                throw .state("pool out of space: pool '\(pool.name)' has no free block to back block \(block) of thin volume '\(name)'",
                             hint: "the pool is overcommitted (pool info shows provisioned and capacity); add a pool or free space", at: "block")
            }
            target = pool.allocated
            world.pools[pool.name]!.allocated += 1
            world.volumes[name]!.map[block] = target
        }
        try world.writePoolBlock(pool.name, target, data + [UInt8](repeating: 0, count: BlockStore.blockSize - data.count))
        self = world
    }

    /// `volume read NAME block=N`: the block's bytes (zero where never written).
    public func readVolume(_ name: String, block: Int64) throws(CoreError) -> [UInt8] {
        let volume = try existingVolume(name)
        try checkBlock(block, of: volume)
        try checkNotFailed(pools[volume.pool]!)
        guard let target = volume.poolBlock(block) else { return BlockStore.zero }
        return try readPoolBlock(volume.pool, target)
    }

    /// `volume attach NAME vm=VM`: the VM sees the volume as a disk.
    public mutating func attachVolume(_ name: String, vm: String) throws(CoreError) {
        let volume = try existingVolume(name)
        guard kind(of: vm) == .vm else { throw CoreError.unknown(.vm, vm, among: names(ofKind: .vm), at: "vm") }
        if let current = volume.vm {
            throw .state("volume '\(name)' is already attached to VM '\(current)'", hint: "volume detach \(name) first")
        }
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
        return volumes.values.filter { pool == nil || $0.pool == pool }.map(info(of:))
    }

    func info(of volume: Volume) -> VolumeInfo {
        VolumeInfo(name: volume.name, pool: volume.pool, size: volume.size, thin: volume.thin,
                   allocated: volume.allocatedBlocks * Int64(BlockStore.blockSize), replicas: 1,
                   state: state(of: pools[volume.pool]!), vm: volume.vm)
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
