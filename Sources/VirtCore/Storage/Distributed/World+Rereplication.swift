/// Copies made again on the virtual clock: a replicated volume's copy that missed
/// writes is resynced when its pool answers again, and a copy whose pool cannot be
/// read for `World.replicaTimeout` is made anew in another pool that keeps the
/// volume's `spread`; GFS clones chunks the same way. Each copy takes its bytes at
/// the rate, `show` reports it, `wait` finishes it, and it is saved with the world.
extension World {
    /// Looks at every replicated volume and GFS store after a change (a failure, a
    /// repair, a timeout, a write) and starts the copies now due.
    mutating func watchReplicas() {
        watchVolumeReplicas()
        for name in stores.keys where stores[name]!.kind == .gfs { watchChunks(name) }
    }

    private mutating func watchVolumeReplicas() {
        for (name, volume) in volumes where volume.pools.count > 1 {
            for r in volume.pools.indices {
                let down = state(of: pools[volume.pools[r]]!) == .failed
                let entry = storage.distributed.downReplicas.firstIndex { $0.volume == name && $0.replica == r }
                if down, entry == nil {
                    storage.distributed.downReplicas.append(DownReplica(volume: name, replica: r, down: startCountdown()))
                } else if !down, let entry {
                    cancelCountdown(storage.distributed.downReplicas.remove(at: entry).down)
                }
                guard !copying(name, replica: r) else { continue }
                let countdown = storage.distributed.downReplicas.first { $0.volume == name && $0.replica == r }?.down
                if let countdown, expired(countdown), let target = newPool(for: volumes[name]!, replacing: r) {
                    startCopy(name, replica: r, into: target, base: pools[target]!.allocated)
                    pools[target]!.allocated += volume.blocks
                } else if !down, volume.stale[r], (try? liveReplicas(volume)) != nil {
                    startCopy(name, replica: r, into: volume.pools[r], base: volume.bases[r])
                }
            }
        }
    }

    /// Whether a copy of the volume's replica is in progress.
    private func copying(_ volume: String, replica r: Int) -> Bool {
        replicationJobs.values.contains { job in
            if case .volume(volume, r, _, _) = job.work { return true }
            return false
        }
    }

    /// The first pool, in creation order, that can hold a new copy: readable, with room,
    /// not used by the volume, sharing no place (`spread`) with its other replicas.
    private func newPool(for volume: Volume, replacing r: Int) -> String? {
        let taken = volume.pools.indices.filter { $0 != r }.reduce(into: Set<String>()) {
            $0.formUnion(domains(of: pools[volume.pools[$1]]!, volume.spread))
        }
        return pools.values.first { pool in
            !volume.pools.contains(pool.name) && state(of: pool) != .failed
                && pool.capacityBlocks - pool.allocated >= volume.blocks
                && domains(of: pool, volume.spread).isDisjoint(with: taken)
        }?.name
    }

    /// A copy of a whole replica (thick: every block, as md resyncs a whole member) at the rebuild rate.
    private mutating func startCopy(_ name: String, replica r: Int, into pool: String, base: Int64) {
        let bytes = volumes[name]!.blocks * Int64(BlockStore.blockSize)
        startReplication(.volume(name: name, replica: r, pool: pool, base: base), bytes: bytes,
                         time: Double(bytes) * 8 / World.defaultReplicationRate)
    }

    /// The end of a volume copy: a new pool takes the replica's place (its range was
    /// reserved when the copy began); every written block is copied from a whole
    /// replica when one can be read, else the copy stays stale until one can.
    private mutating func finishCopy(_ name: String, replica r: Int, into pool: String, base: Int64) {
        guard var volume = volumes[name] else { return }
        if volume.pools[r] != pool {
            volume.pools[r] = pool
            volume.bases[r] = base
            volume.stale[r] = true
            if let i = storage.distributed.downReplicas.firstIndex(where: { $0.volume == name && $0.replica == r }) {
                cancelCountdown(storage.distributed.downReplicas.remove(at: i).down)
            }
        }
        volumes[name] = volume
        guard state(of: pools[pool]!) != .failed,
              let source = ((try? liveReplicas(volume)) ?? []).first(where: { $0 != r }) else { return }
        for block in volume.written {
            let bytes = try! readPoolBlock(volume.pools[source], volume.poolBlock(block, replica: source)!)
            try! writePoolBlock(pool, volume.poolBlock(block, replica: r)!, bytes)
        }
        volumes[name]!.stale[r] = false
    }

    /// Performs one of the part's replication events.
    mutating func performReplication(_ action: EventAction) {
        if action.name == StoragePart.finishReplicationEvent, let job = replicationJobs.removeValue(forKey: action.job) {
            switch job.work {
            case let .volume(name, r, pool, base): finishCopy(name, replica: r, into: pool, base: base)
            case let .clone(store, copies): finishClones(store, copies)
            case let .catchUp(store, key, item, nodes): finishCatchUp(store, key: key, item: item, nodes: nodes)
            case let .handoff(store, node): finishHandoff(store, node: node)
            }
        }
        watchReplicas()
    }

    /// Copies in progress (`show`).
    func replicationWork() -> [PendingWork] {
        replicationJobs.values.map { job in
            let what = switch job.work {
            case let .volume(name, r, pool, _) where volumes[name]?.pools[r] == pool: "resync of volume \(name) in pool \(pool)"
            case let .volume(name, r, pool, _): "re-replication of volume \(name) from pool \(volumes[name]?.pools[r] ?? "?") to pool \(pool)"
            case let .clone(store, copies): "re-replication in dfs \(store): \(listed(copies.map { "\($0.key)→\($0.node)" }))"
            case let .catchUp(store, key, _, nodes): "dfs \(store) key \(key) reaching \(listed(nodes))"
            case let .handoff(store, node): "hinted handoff in dfs \(store) for \(node)"
            }
            return PendingWork(id: job.id, summary: "\(what) (\(formatBytes(job.bytes)))", start: job.start, end: job.end, at: clock)
        } + waiting()
    }

    /// Copies waiting out the timeout before they are made again elsewhere (`show`).
    private func waiting() -> [PendingWork] {
        let volumes = storage.distributed.downReplicas.filter { !expired($0.down) }.map { down in
            PendingWork(id: down.down.timer, summary: "volume \(down.volume): its copy in pool \(self.volumes[down.volume]!.pools[down.replica]) is down; made again elsewhere unless it answers",
                        start: down.down.since, end: down.down.since + World.replicaTimeout, at: clock)
        }
        let servers = stores.values.flatMap { store in
            store.downSince.filter { !expired($0.value) }.map { node, down in
                PendingWork(id: down.timer, summary: "dfs \(store.name): chunk server \(node) is down; its chunks are cloned elsewhere unless it answers",
                            start: down.since, end: down.since + World.replicaTimeout, at: clock)
            }
        }
        return volumes + servers
    }
}
