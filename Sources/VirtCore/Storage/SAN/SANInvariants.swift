/// The SAN's invariants (arrays, fabrics, zones, engines, filers, shares), checked by `load`.
extension World {
    func checkSANInvariants() throws(CoreError) {
        let require = Invariant.require
        /// Each object is stored under its name and registered as its kind.
        func registered(_ key: String, _ name: String, _ kind: ObjectKind, _ path: String) throws(CoreError) {
            try require(name == key, path + ".name", "must be the key it is stored under ('\(key)')")
            try require(registry.kind(of: key) == kind, path, "is not registered as \(kind.aNoun)")
        }
        for (key, array) in san.arrays { try registered(key, array.name, .array, "storage.san.arrays.\(key)") }
        for (key, disk) in disks where disk.array != nil {
            try require(san.arrays[disk.array!] != nil && disk.host == nil, "storage.disks.\(key).array", "names no array, or the disk is also local to a host")
        }
        for (key, fabric) in san.fabrics {
            let path = "storage.san.fabrics.\(key)"
            try registered(key, fabric.name, .fabric, path)
            try Invariant.finite(fabric.bandwidth, atLeast: 1, path + ".bandwidth")
            try require(fabric.members.allSatisfy { [.host, .array].contains(registry.kind(of: $0)) } && Set(fabric.members).count == fabric.members.count,
                        path + ".members", "must be distinct hosts and arrays")
            for (zone, members) in fabric.zones {
                try require(registry.kind(of: zone) == .zone, "\(path).zones.\(zone)", "is not registered as a zone")
                try require(members.allSatisfy(fabric.members.contains), "\(path).zones.\(zone)", "holds a member not connected to the fabric")
            }
        }
        for (key, volume) in volumes {
            if let lun = volume.lun {
                try require(san.arrays[lun.array] != nil && lun.masked.allSatisfy { registry.kind(of: $0) == .host },
                            "storage.volumes.\(key).lun", "must name an array and hosts")
            }
            if let via = volume.via { try require(san.virtualizers[via] != nil, "storage.volumes.\(key).via", "names no virtualizer") }
        }
        for (key, engine) in san.virtualizers {
            let path = "storage.san.virtualizers.\(key)"
            try registered(key, engine.name, .virtualizer, path)
            try require(engine.mode != .host || engine.host != nil, path + ".host", "must be set for a host-based engine")
            if let bandwidth = engine.bandwidth { try Invariant.finite(bandwidth, atLeast: 1, path + ".bandwidth") }
        }
        for (id, job) in san.ioJobs {
            let path = "storage.san.ioJobs.\(id)"
            try require(job.id == id && job.start.isFinite && job.end.isFinite && job.end >= job.start, path, "must run from its start to its end")
            try require(events.events.contains { $0.action.part == "storage" && $0.action.name == StoragePart.finishIOEvent && $0.action.job == id },
                        path, "has no event to finish it")
        }
        for (key, filer) in san.filers {
            try registered(key, filer.name, .nas, "storage.san.filers.\(key)")
            try require(pools[filer.pool] != nil, "storage.san.filers.\(key).pool", "names no pool")
        }
        for (key, share) in san.shares {
            let path = "storage.san.shares.\(key)"
            try registered(key, share.name, .share, path)
            guard let filer = san.filers[share.nas] else { try require(false, path + ".nas", "names no NAS filer"); continue }
            let allocated = pools[filer.pool]!.allocated
            try require(share.size >= Int64(BlockStore.blockSize), path + ".size", "must be at least one 4 KiB block")
            for (file, stored) in share.files {
                try require(stored.blocks.allSatisfy { (0..<allocated).contains($0) } && stored.length <= stored.blocks.count * BlockStore.blockSize
                                && stored.length > (stored.blocks.count - 1) * BlockStore.blockSize,
                            "\(path).files.\(file)", "must hold its length in blocks the filer's pool allocated")
            }
            try require(share.mounts.keys.allSatisfy { registry.kind(of: $0) == .vm }, path + ".mounts", "names no VM")
        }
    }
}

extension SANState {
    /// Whether the SAN holds an object called `name` of `kind`.
    func holds(_ name: String, as kind: ObjectKind) -> Bool {
        switch kind {
        case .array: arrays[name] != nil
        case .fabric: fabrics[name] != nil
        case .zone: fabrics.values.contains { $0.zones[name] != nil }
        case .virtualizer: virtualizers[name] != nil
        case .nas: filers[name] != nil
        case .share: shares[name] != nil
        default: false
        }
    }
}
