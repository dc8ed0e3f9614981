/// `disk add|remove|fail|replace|corrupt|read|info|list`.
extension World {
    /// `disk add`: an online disk, empty. `on=HOST` makes it a host's local disk and
    /// takes the host's rack and site unless given; `array=A` puts it in an array, where
    /// the array is.
    public mutating func addDisk(_ name: String, size: Int64, type: DiskType = .hdd, iface: DiskInterface? = nil,
                                 on host: String? = nil, array: String? = nil, rack: String? = nil, site: String? = nil,
                                 mttf: Double? = nil) throws(CoreError) {
        try registry.checkFree(name, for: .disk)
        guard size >= Int64(BlockStore.blockSize) else {
            throw .value("size must be at least one 4 KiB block, not \(formatBytes(size))", at: "size")
        }
        if let mttf, !(mttf.isFinite && mttf > 0) {
            throw .value("mttf must be a positive duration, not \(fmt(mttf)) hours", at: "mttf")
        }
        var rack = rack, site = site
        if let array {
            guard host == nil else { throw .value("a disk is local to a host (on=) or in an array (array=), not both", at: "array") }
            let box = try existingArray(array, at: "array")
            for (given, actual, option) in [(rack, box.rack, "rack"), (site, box.site, "site")] where given != nil && given != actual {
                throw .value("a disk in array \(array) sits where the array is (\(option) \(actual ?? "none")), not in \(given!)", at: option)
            }
            rack = box.rack
            site = box.site
        }
        if let host {
            let info = try blaming("on") { () throws(CoreError) in try hostInfo(host) }
            rack = rack ?? info.rack
            site = site ?? info.site
        }
        registry.insert(name, as: .disk)
        disks[name] = Disk(name: name, size: size, type: type, iface: iface ?? type.defaultInterface, host: host,
                           array: array, rack: rack, site: site, mttf: mttf ?? type.mttf)
    }

    /// `disk remove`: a disk in no pool leaves the world, with its bytes.
    public mutating func removeDisk(_ name: String) throws(CoreError) {
        let disk = try existingDisk(name)
        if let pool = disk.pool {
            throw .state("disk '\(name)' belongs to pool '\(pool)'", hint: "a failed member leaves its pool through disk replace")
        }
        disks.removeValue(forKey: name)
        registry.remove(name)
    }

    /// `disk fail`: the disk stops answering; its pool runs degraded, or loses data
    /// beyond its tolerance.
    public mutating func failDisk(_ name: String) throws(CoreError) {
        let disk = try existingDisk(name)
        guard disk.state == .online else { throw .state("disk '\(name)' has already failed", hint: "disk replace \(name) with=NEW") }
        disks[name]!.state = .failed
        watchReplicas()
    }

    /// `disk replace NAME with=NEW`: a failed member leaves its pool and NEW takes its
    /// slot, empty, until `pool rebuild`. NEW is a free disk, or, when no object has
    /// that name, a new disk like the old one (same size, type, interface, place).
    public mutating func replaceDisk(_ name: String, with new: String) throws(CoreError) {
        let old = try existingDisk(name)
        guard old.state == .failed else {
            throw .state("disk '\(name)' has not failed", hint: "disk replace swaps a failed member; disk fail \(name) first")
        }
        guard let poolName = old.pool, let slot = pools[poolName]!.members.firstIndex(of: name) else {
            throw .state("disk '\(name)' is not a member of a pool", hint: "disk remove \(name) takes a disk out of the world")
        }
        let pool = pools[poolName]!
        if let job = pool.rebuild {
            throw .state("pool '\(poolName)' is rebuilding (job \(job))", hint: "wait until the rebuild is done")
        }
        var world = self
        if world.kind(of: new) == nil {
            try world.blaming("with") { () throws(CoreError) in
                try world.addDisk(new, size: old.size, type: old.type, iface: old.iface, on: old.host, array: old.array,
                                  rack: old.array == nil ? old.rack : nil, site: old.array == nil ? old.site : nil, mttf: old.mttf)
            }
        }
        let replacement = try world.existingDisk(new, at: "with")
        try world.checkJoinable(replacement, memberBlocks: pool.memberBlocks, at: "with")
        world.disks[name]!.pool = nil
        world.disks[new]!.pool = poolName
        world.disks[new]!.data.removeAll()
        world.pools[poolName]!.members[slot] = new
        world.pools[poolName]!.stale = (pool.stale + [slot]).sorted()
        self = world
    }

    /// `disk corrupt NAME block=N`: silent bit rot — the lowest bit of the block's
    /// first byte flips and nothing notices until a scrub.
    public mutating func corruptDisk(_ name: String, block: Int64) throws(CoreError) {
        let disk = try existingDisk(name)
        try checkBlock(block, of: disk)
        var bytes = disk.data[block]
        bytes[0] ^= 1
        disks[name]!.data[block] = bytes
    }

    /// `disk read NAME block=N`: a block exactly as the disk holds it.
    public func readDisk(_ name: String, block: Int64) throws(CoreError) -> [UInt8] {
        let disk = try existingDisk(name)
        try checkBlock(block, of: disk)
        guard reachable(disk) else {
            throw .state("disk '\(name)' cannot be read: \(disk.state == .failed ? "it has failed" : "its host, rack or site is down")")
        }
        return disk.data[block]
    }

    /// `disk info`.
    public func diskInfo(_ name: String) throws(CoreError) -> DiskInfo { info(of: try existingDisk(name)) }

    /// `disk list [pool=]`, in creation order.
    public func diskList(pool: String? = nil) throws(CoreError) -> [DiskInfo] {
        if let pool { _ = try existingPool(pool, at: "pool") }
        return disks.values.filter { pool == nil || $0.pool == pool }.map(info(of:))
    }

    func info(of disk: Disk) -> DiskInfo {
        DiskInfo(name: disk.name, size: disk.size, type: disk.type, iface: disk.iface, host: disk.host, array: disk.array,
                 rack: disk.rack, site: disk.site, mttf: disk.mttf, state: disk.state, pool: disk.pool,
                 written: disk.data.blocks.count, throughput: disk.type.throughput)
    }

    func existingDisk(_ name: String, at parameter: String = "name") throws(CoreError) -> Disk {
        guard let disk = disks[name] else { throw CoreError.unknown(.disk, name, among: Array(disks.keys), at: parameter) }
        return disk
    }

    /// A disk that can join a pool: online, in no pool, at least `memberBlocks` blocks.
    func checkJoinable(_ disk: Disk, memberBlocks: Int64 = 0, at parameter: String) throws(CoreError) {
        if let pool = disk.pool {
            throw .state("disk '\(disk.name)' already belongs to pool '\(pool)'", hint: "a disk serves one pool", at: parameter)
        }
        guard disk.state == .online else { throw .state("disk '\(disk.name)' has failed", at: parameter) }
        guard disk.blockCount >= memberBlocks else {
            throw .state("disk '\(disk.name)' (\(formatBytes(disk.size))) is smaller than the pool's members (\(formatBytes(memberBlocks * Int64(BlockStore.blockSize))))",
                         at: parameter)
        }
    }

    private func checkBlock(_ block: Int64, of disk: Disk) throws(CoreError) {
        guard block >= 0, block < disk.blockCount else {
            throw .value("block must be between 0 and \(disk.blockCount - 1) on disk '\(disk.name)', not \(block)", at: "block")
        }
    }
}
