/// `nas add`, `share create`, `mount`, `file write|read`: storage reached as files
/// over the general-purpose network. The filer owns the file system: it keeps
/// each share's files in blocks of its own pool, and every VM
/// that mounts a share sees the same files.
extension World {
    /// `nas add NAME [rack=R] [site=S] disks=…|pool=… [raid=N]`: a filer over a pool of
    /// its own — one built from `disks` (named NAME-pool; RAID 5 from 3 disks, 1 for 2,
    /// 0 for 1, unless `raid=`) or an existing pool no volume uses.
    public mutating func addNAS(_ name: String, disks members: [String]? = nil, pool: String? = nil, raid: Int? = nil,
                                rack: String? = nil, site: String? = nil) throws(CoreError) {
        try registry.checkFree(name, for: .nas)
        guard (members == nil) != (pool == nil) else {
            throw .value("a filer needs disks=… or pool=…, one of them", hint: "nas add \(name) disks=n1,n2,n3", at: members == nil ? "disks" : "pool")
        }
        var world = self
        var poolName = pool ?? "\(name)-pool"
        if let members {
            guard !members.isEmpty else { throw .value("disks names no disk", at: "disks") }
            let level = raid ?? (members.count >= 3 ? 5 : members.count == 2 ? 1 : 0)
            try world.blaming("disks") { () throws(CoreError) in try world.createPool(poolName, disks: members, raid: level) }
        } else {
            poolName = try existingPool(pool!, at: "pool").name
            guard raid == nil else { throw .value("raid= builds the filer's own pool from disks=; pool=\(poolName) has its level", at: "raid") }
            if let user = volumes.values.first(where: { $0.pools.contains(poolName) }) {
                throw .state("pool '\(poolName)' holds volume '\(user.name)': a filer owns its pool", at: "pool")
            }
            if let filer = san.filers.values.first(where: { $0.pool == poolName }) {
                throw .state("pool '\(poolName)' already belongs to NAS filer '\(filer.name)'", at: "pool")
            }
        }
        world.registry.insert(name, as: .nas)
        world.san.filers[name] = Filer(name: name, pool: poolName, rack: rack, site: site)
        self = world
    }

    /// `share create NAME nas=N size=SIZE`: an empty file system; its blocks are taken
    /// from the filer's pool as files are written (thin).
    public mutating func createShare(_ name: String, nas: String, size: Int64) throws(CoreError) {
        try registry.checkFree(name, for: .share)
        _ = try existingFiler(nas, at: "nas")
        guard size >= Int64(BlockStore.blockSize), size <= Int64(1) << 60 else {
            throw .value("size must be between 4 KiB and 1 EiB, not \(formatBytes(size))", at: "size")
        }
        registry.insert(name, as: .share)
        san.shares[name] = Share(name: name, nas: nas, size: size)
    }

    /// `mount SHARE vm=VM [at=PATH]`: the VM sees the share's files under PATH (default `/`).
    public mutating func mount(_ name: String, vm: String, at point: String = "/") throws(CoreError) {
        let share = try existingShare(name)
        let info = try blaming("vm") { () throws(CoreError) in try vmInfo(vm) }
        let point = try normalized(point, at: "at")
        if let other = san.shares.values.first(where: { $0.mounts[vm] == point }) {
            throw .state("VM '\(vm)' already has share '\(other.name)' mounted at \(point)", hint: "mount \(name) vm=\(vm) at=/\(name)", at: "at")
        }
        if let host = info.host { try checkFilerReach(share, from: host) }
        san.shares[name]!.mounts[vm] = point
    }

    /// `file write VM PATH DATA`: creates or replaces a file; its bytes go to the filer's pool.
    public mutating func writeFile(vm: String, path: String, data: [UInt8]) throws(CoreError) {
        let (share, file) = try resolve(vm: vm, path: path)
        let filer = san.filers[share.nas]!
        let needed = (data.count + BlockStore.blockSize - 1) / BlockStore.blockSize
        var blocks = Array(share.files[file]?.blocks.prefix(needed) ?? [])
        let fresh = needed - blocks.count
        let used = share.files.values.reduce(0) { $0 + $1.blocks.count } - (share.files[file]?.blocks.count ?? 0)
        guard Int64(used + needed) * Int64(BlockStore.blockSize) <= share.size else {
            throw .state("share '\(share.name)' is full: \(path) needs \(formatBytes(Int64(needed * BlockStore.blockSize))) and the share's \(formatBytes(share.size)) hold \(formatBytes(Int64(used * BlockStore.blockSize))) of other files",
                         hint: "files take whole 4 KiB blocks; share info \(share.name) shows used", at: "data")
        }
        let pool = pools[filer.pool]!
        try checkNotFailed(pool)
        guard pool.allocated + Int64(fresh) <= pool.capacityBlocks else {
            throw .state("pool out of space: NAS filer '\(filer.name)' has no free block in pool '\(pool.name)'", at: "data")
        }
        // Validated: nothing below throws.
        for _ in 0..<fresh {
            blocks.append(pools[filer.pool]!.allocated)
            pools[filer.pool]!.allocated += 1
        }
        for (i, block) in blocks.enumerated() {
            var bytes = [UInt8](repeating: 0, count: BlockStore.blockSize)
            let chunk = data[(i * BlockStore.blockSize)..<min(data.count, (i + 1) * BlockStore.blockSize)]
            bytes.replaceSubrange(0..<chunk.count, with: chunk)
            try! writePoolBlock(filer.pool, block, bytes)
        }
        san.shares[share.name]!.files[file] = StoredFile(blocks: blocks, length: data.count)
    }

    /// `file read VM PATH`: the file's bytes, read from the filer's pool.
    public func readFile(vm: String, path: String) throws(CoreError) -> [UInt8] {
        let (share, file) = try resolve(vm: vm, path: path)
        guard let stored = share.files[file] else {
            throw .state("no file \(path) on share '\(share.name)'",
                         hint: share.files.isEmpty ? "the share is empty; file write \(vm) \(path) DATA" : "files are \(listed(Array(share.files.keys)))",
                         at: "path")
        }
        var bytes: [UInt8] = []
        for block in stored.blocks { bytes += try readPoolBlock(san.filers[share.nas]!.pool, block) }
        return Array(bytes.prefix(stored.length))
    }

    /// The share a VM's path falls in (the longest mount point that prefixes it) and the
    /// path inside the share; the VM's host must be up and reach the filer.
    private func resolve(vm: String, path: String) throws(CoreError) -> (Share, String) {
        let info = try blaming("vm") { () throws(CoreError) in try vmInfo(vm) }
        let path = try normalized(path, at: "path")
        let mounted = san.shares.values.compactMap { share in share.mounts[vm].map { (share, $0) } }
        guard let (share, point) = mounted.filter({ path == $0.1 || path.hasPrefix($0.1 == "/" ? "/" : $0.1 + "/") })
            .max(by: { $0.1.count < $1.1.count }) else {
            throw .state(mounted.isEmpty ? "VM '\(vm)' has no share mounted" : "\(path) is under none of VM '\(vm)''s mounts (\(listed(mounted.map(\.1))))",
                         hint: "mount SHARE vm=\(vm)", at: "path")
        }
        guard info.state != .crashed, let host = info.host, (try? hostInfo(host))?.state == .up else {
            throw .state("VM '\(vm)' is not running on a working host: it does no file I/O", at: "vm")
        }
        try checkFilerReach(share, from: host)
        let inside = String(path.dropFirst(point == "/" ? 0 : point.count))
        guard inside.count > 1 else { throw .value("\(path) is the mount point, not a file", at: "path") }
        return (share, inside)
    }

    /// A share is reached over the network from any working host while its filer's rack and site are up.
    private func checkFilerReach(_ share: Share, from host: String) throws(CoreError) {
        let filer = san.filers[share.nas]!
        let down = (filer.rack.map(storage.downRacks.contains) ?? false) || (filer.site.map(storage.downSites.contains) ?? false)
        if down { throw .state("NAS filer '\(filer.name)' cannot be reached from \(host): its rack or site is down") }
    }

    /// An absolute path without empty parts, `.` or `..`: `/a/b`.
    private func normalized(_ path: String, at parameter: String) throws(CoreError) -> String {
        let parts = path.split(separator: "/", omittingEmptySubsequences: true)
        guard !parts.contains(where: { $0 == "." || $0 == ".." }), path.utf8.count <= 4096 else {
            throw .value("'\(path)' is not a plain path (no . or .., at most 4096 bytes)", at: parameter)
        }
        return "/" + parts.joined(separator: "/")
    }

    /// `nas info`.
    public func nasInfo(_ name: String) throws(CoreError) -> NASInfo {
        let filer = try existingFiler(name)
        let pool = pools[filer.pool]!
        return NASInfo(name: name, pool: filer.pool, rack: filer.rack, site: filer.site,
                       shares: san.shares.values.filter { $0.nas == name }.map(\.name), state: state(of: pool))
    }

    /// `share info`.
    public func shareInfo(_ name: String) throws(CoreError) -> ShareInfo {
        let share = try existingShare(name)
        return ShareInfo(name: name, nas: share.nas, size: share.size,
                         used: Int64(share.files.values.reduce(0) { $0 + $1.blocks.count }) * Int64(BlockStore.blockSize),
                         files: Array(share.files.keys), vms: Array(share.mounts.keys))
    }

    func existingFiler(_ name: String, at parameter: String = "name") throws(CoreError) -> Filer {
        try existing(san.filers, .nas, name, at: parameter)
    }

    func existingShare(_ name: String, at parameter: String = "name") throws(CoreError) -> Share {
        try existing(san.shares, .share, name, at: parameter)
    }
}

/// `nas info`: a filer's record.
public struct NASInfo: Codable, Equatable, Sendable {
    public var name: String
    public var pool: String
    public var rack: String?
    public var site: String?
    public var shares: [String]
    /// Its pool's state.
    public var state: PoolState
}

/// `share info`: a share's record.
public struct ShareInfo: Codable, Equatable, Sendable {
    public var name: String
    public var nas: String
    public var size: Int64
    /// Bytes its files' blocks take.
    public var used: Int64
    /// Paths inside the share, in the order first written.
    public var files: [String]
    /// VMs that mounted it.
    public var vms: [String]
}
