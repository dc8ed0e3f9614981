/// The GFS/HDFS design: one master keeps which chunk servers hold each file's chunk;
/// writes go to every replica, reads to one; a copy on a server down for 10 minutes
/// is cloned onto another server (Ghemawat et al., SOSP 2003; HDFS's rack-aware
/// placement: first copy on the writer, second on another rack, third on another
/// node of that second rack).
extension World {
    mutating func gfsPut(_ store: DistributedStore, key: String, value: [UInt8], from: String?) throws(CoreError) -> PutRecord {
        try checkMaster(store)
        guard value.count <= World.chunkSize else {
            throw .value("value holds \(formatBytes(Int64(value.count))), more than one 64 MB chunk", at: "value")
        }
        let live = store.nodes.filter(isUp)
        guard !live.isEmpty else {
            throw .state("no chunk server of dfs '\(store.name)' is up", hint: "host repair one of \(listed(store.nodes))")
        }
        let replicas = placeChunk(store, from: from, live: live)
        let version = (store.chunks[key]?.version ?? 0) + 1
        stores[store.name]!.chunks[key] = Chunk(value: value, replicas: replicas, version: version)
        return PutRecord(key: key, version: version, written: replicas, later: [], hints: [])
    }

    /// HDFS's default placement among live nodes: the writer when it is a node (else a
    /// random node), a random node on another rack, another node on that rack, then
    /// random nodes; where a rule finds no node, any unused live node.
    private mutating func placeChunk(_ store: DistributedStore, from: String?, live: [String]) -> [String] {
        var chosen: [String] = []
        func pick(_ preferred: (String) -> Bool) {
            let unused = live.filter { !chosen.contains($0) }
            let candidates = unused.filter(preferred)
            let pool = candidates.isEmpty ? unused : candidates
            guard !pool.isEmpty else { return }
            chosen.append(pool[Int(generator.next() % UInt64(pool.count))])
        }
        if let from, live.contains(from) { chosen.append(from) } else { pick { _ in true } }
        while chosen.count < min(store.replication, live.count) {
            let firstRack = rack(of: chosen[0])
            switch chosen.count {
            case 1: pick { self.rack(of: $0) != firstRack }
            case 2: pick { self.rack(of: $0) == self.rack(of: chosen[1]) }
            default: pick { _ in true }
            }
        }
        return chosen
    }

    /// A host's rack; hosts without one share HDFS's `/default-rack`.
    func rack(of host: String) -> String { (try? hostInfo(host))?.rack ?? "/default-rack" }

    func gfsGet(_ store: DistributedStore, key: String) throws(CoreError) -> [UInt8] {
        try checkMaster(store)
        let chunk = try existingChunk(store, key)
        guard chunk.replicas.contains(where: isUp) else {
            throw .state("no replica of '\(key)' in dfs '\(store.name)' can be read: \(listed(chunk.replicas)) \(chunk.replicas.count == 1 ? "is" : "are") down",
                         hint: "host repair one of them")
        }
        return chunk.value
    }

    func gfsPlacement(_ store: DistributedStore, key: String) throws(CoreError) -> KeyPlacement {
        let chunk = try existingChunk(store, key)
        return KeyPlacement(key: key, replicas: chunk.replicas, versions: chunk.replicas.map { _ in chunk.version },
                            preference: nil, version: chunk.version, size: chunk.value.count, hints: [])
    }

    private func existingChunk(_ store: DistributedStore, _ key: String) throws(CoreError) -> Chunk {
        guard let chunk = store.chunks[key] else {
            throw .value("dfs '\(store.name)' has no file '\(key)'",
                         hint: store.chunks.isEmpty ? "dfs put \(store.name) key=\(key) value=… writes one" : "files are \(listed(Array(store.chunks.keys)))",
                         at: "key")
        }
        return chunk
    }

    /// Clients ask the master where chunks are: with it down nothing is read or written.
    private func checkMaster(_ store: DistributedStore) throws(CoreError) {
        guard let master = store.master, isUp(master) else {
            throw .state("the master of dfs '\(store.name)' (host \(store.master ?? "none")) is down: no client can find a chunk",
                         hint: "host repair \(store.master ?? "it") (GFS keeps shadow masters for reads; they are not modelled)")
        }
    }

    /// The master's bookkeeping after any change: notes servers going down, drops
    /// copies on servers down for the timeout (unless they are the last ones), and
    /// starts one clone job for the files left with fewer copies than `replication`.
    mutating func watchChunks(_ name: String) {
        var store = stores[name]!
        for node in store.nodes {
            if isUp(node), let countdown = store.downSince.removeValue(forKey: node) {
                cancelCountdown(countdown)
            } else if !isUp(node), store.downSince[node] == nil {
                store.downSince[node] = startCountdown()
            }
        }
        let dead = Set(store.downSince.filter { expired($0.value) }.keys)
        let busy = Set(replicationJobs.values.flatMap { job -> [String] in
            guard case .clone(name, let copies) = job.work else { return [] }
            return copies.map(\.key)
        })
        var copies: [ChunkCopy] = []
        if let master = store.master, isUp(master) {
            for key in store.chunks.keys where !busy.contains(key) {
                let replicas = store.chunks[key]!.replicas
                guard replicas.contains(where: isUp) else { continue }    // missing until a holder returns
                var holders = replicas.filter { !dead.contains($0) }
                store.chunks[key]!.replicas = holders
                while holders.count < store.replication, let target = cloneTarget(store, holders: holders) {
                    copies.append(ChunkCopy(key: key, node: target))
                    holders.append(target)
                }
            }
        }
        stores[name] = store
        guard !copies.isEmpty else { return }
        let bytes = copies.reduce(Int64(0)) { $0 + Int64(store.chunks[$1.key]!.value.count) }
        startReplication(.clone(store: name, copies: copies), bytes: bytes, time: Double(bytes) * 8 / store.rate)
    }

    /// A live server without the chunk, on a rack the holders do not use when they all share one.
    private mutating func cloneTarget(_ store: DistributedStore, holders: [String]) -> String? {
        let candidates = store.nodes.filter { isUp($0) && !holders.contains($0) }
        guard !candidates.isEmpty else { return nil }
        let racks = Set(holders.map(rack(of:)))
        let elsewhere = racks.count == 1 ? candidates.filter { !racks.contains(rack(of: $0)) } : []
        let pool = elsewhere.isEmpty ? candidates : elsewhere
        return pool[Int(generator.next() % UInt64(pool.count))]
    }

    /// The end of a clone job: each copy lands when a holder and the target are up.
    mutating func finishClones(_ name: String, _ copies: [ChunkCopy]) {
        guard let replication = stores[name]?.replication else { return }
        for copy in copies {
            guard let chunk = stores[name]!.chunks[copy.key], chunk.replicas.count < replication,
                  !chunk.replicas.contains(copy.node), isUp(copy.node), chunk.replicas.contains(where: isUp) else { continue }
            stores[name]!.chunks[copy.key]!.replicas.append(copy.node)
        }
    }
}
