/// The invariants of distributed stores and copies in flight, checked with the
/// storage part's (`load`).
extension World {
    func checkDistributedInvariants() throws(CoreError) {
        let require = Invariant.require
        for (key, store) in stores {
            let path = "storage.distributed.stores.\(key)"
            try require(store.name == key, path + ".name", "must be the key it is stored under ('\(key)')")
            try require(registry.kind(of: key) == .dfs, path, "is not registered as a distributed store")
            try require(store.nodes.allSatisfy { registry.kind(of: $0) == .host } && Set(store.nodes).count == store.nodes.count,
                        path + ".nodes", "must name distinct hosts")
            try require(store.replication >= 1 && (1...store.replication).contains(store.r) && (1...store.replication).contains(store.w),
                        path + ".r", "r and w must be between 1 and replication")
            try require(store.kind == .gfs || (1...1024).contains(store.vnodes), path + ".vnodes", "must be between 1 and 1024")
            try Invariant.finite(store.rate, atLeast: 1e-9, path + ".rate")
            try Invariant.finite(store.lag, atLeast: 0, path + ".lag")
            try require(store.chunks.values.allSatisfy { $0.replicas.allSatisfy(store.nodes.contains) }, path + ".chunks", "name a node outside the store")
            try require(store.tables.keys.allSatisfy(store.nodes.contains), path + ".tables", "name a node outside the store")
            try require(store.downSince.keys.allSatisfy(store.nodes.contains), path + ".downSince", "name a node outside the store")
        }
        for (id, job) in replicationJobs {
            let path = "storage.distributed.jobs.\(id)"
            try require(job.id == id && job.start.isFinite && job.end >= job.start, path, "must carry its id and end after it starts")
            let target = switch job.work {
            case let .volume(name, r, pool, _): volumes[name].map { r < $0.pools.count && !$0.thin } == true && pools[pool] != nil
            case let .clone(store, _), let .catchUp(store, _, _, _), let .handoff(store, _): stores[store] != nil
            }
            try require(target, path + ".work", "names no volume replica, pool or store")
            try require(events.events.contains { $0.action.name == StoragePart.finishReplicationEvent && $0.action.job == id },
                        path, "has no event to finish it")
        }
        for (index, down) in storage.distributed.downReplicas.enumerated() {
            try require(volumes[down.volume].map { down.replica < $0.pools.count } == true && down.down.since.isFinite,
                        "storage.distributed.downReplicas.\(index)", "names no replica of a volume")
        }
    }
}
