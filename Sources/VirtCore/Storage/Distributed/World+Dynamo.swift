/// The Dynamo/Cassandra design (DeCandia et al., SOSP 2007): a key's preference
/// list is the first N distinct nodes clockwise on the ring; the coordinator
/// writes the first W live ones at once and the others catch up after `lag`; a
/// read returns the newest version among the first R live ones. Strict quorums
/// use only the N nodes of the preference list; with `sloppy=yes` the first N
/// live nodes met on the ring serve, and a stand-in keeps a hint for the node it
/// replaces, handed over when that node is back.
extension World {
    /// The nodes that serve `key` now: the live ones of its preference list (strict),
    /// or the first N live ones on the ring (sloppy); and the preference list itself.
    private func serving(_ store: DistributedStore, _ key: String) -> (nodes: [String], preference: [String]) {
        let order = Ring.walk(key, nodes: store.nodes, vnodes: store.vnodes)
        let preference = Array(order.prefix(store.replication))
        let nodes = store.sloppy ? Array(order.filter(isUp).prefix(store.replication)) : preference.filter(isUp)
        return (nodes, preference)
    }

    mutating func dynamoPut(_ store: DistributedStore, key: String, value: [UInt8]) throws(CoreError) -> PutRecord {
        let (nodes, preference) = serving(store, key)
        guard nodes.count >= store.w else {
            throw quorumError(store, key, preference: preference, answering: nodes, need: store.w, what: "w")
        }
        let item = Versioned(value: value, version: store.versions[key, default: 0] + 1)
        let written = Array(nodes.prefix(store.w)), later = Array(nodes.dropFirst(store.w))
        let hints = zip(nodes.filter { !preference.contains($0) }, preference.filter { !isUp($0) })
            .map { Hint(holder: $0.0, intended: $0.1, key: key, item: item) }
        stores[store.name]!.versions[key] = item.version
        stores[store.name]!.hints += hints
        for node in written { deliver(item, of: key, to: node, in: store.name) }
        if !later.isEmpty {
            startReplication(.catchUp(store: store.name, key: key, item: item, nodes: later),
                             bytes: Int64(value.count * later.count), time: store.lag)
        }
        return PutRecord(key: key, version: item.version, written: written, later: later,
                         hints: hints.map { "\($0.holder)→\($0.intended)" })
    }

    func dynamoGet(_ store: DistributedStore, key: String) throws(CoreError) -> [UInt8] {
        guard store.versions[key] != nil else {
            throw .value("dfs '\(store.name)' has no key '\(key)'",
                         hint: store.versions.isEmpty ? "dfs put \(store.name) key=\(key) value=… writes one" : "keys are \(listed(Array(store.versions.keys)))",
                         at: "key")
        }
        let (nodes, preference) = serving(store, key)
        guard nodes.count >= store.r else {
            throw quorumError(store, key, preference: preference, answering: nodes, need: store.r, what: "r")
        }
        let readers = Array(nodes.prefix(store.r))
        guard let newest = readers.compactMap({ store.tables[$0]?[key] }).max(by: { $0.version < $1.version }) else {
            throw .state("none of the \(store.r) replicas read (\(listed(readers))) holds key '\(key)' yet",
                         hint: "a stale read: r + w ≤ n lets a read miss every node the write reached; advance lets the others catch up",
                         at: "key")
        }
        return newest.value
    }

    private func quorumError(_ store: DistributedStore, _ key: String, preference: [String], answering: [String],
                             need: Int, what: String) -> CoreError {
        let down = preference.filter { !isUp($0) }
        return .state("\(what)=\(need) needs \(need) replicas of '\(key)' and only \(answering.count) can answer: \(listed(down)) \(down.count == 1 ? "is" : "are") down",
                      hint: store.sloppy ? "too few nodes of dfs '\(store.name)' are up; host repair one"
                                         : "the key's preference list is \(listed(preference)); sloppy=yes lets other nodes stand in (hinted handoff)")
    }

    func dynamoPlacement(_ store: DistributedStore, key: String) -> KeyPlacement {
        let order = Ring.walk(key, nodes: store.nodes, vnodes: store.vnodes)
        let holders = order.filter { store.tables[$0]?[key] != nil }
        return KeyPlacement(key: key, replicas: holders, versions: holders.map { store.tables[$0]![key]!.version },
                            preference: Array(order.prefix(store.replication)), version: store.versions[key] ?? 0,
                            size: store.tables.values.compactMap { $0[key] }.max { $0.version < $1.version }?.value.count ?? 0,
                            hints: store.hints.filter { $0.key == key }.map { "\($0.holder)→\($0.intended)" })
    }

    /// A node keeps a version unless it holds a newer one.
    mutating func deliver(_ item: Versioned, of key: String, to node: String, in name: String) {
        guard stores[name]!.tables[node]?[key].map({ $0.version < item.version }) ?? true else { return }
        stores[name]!.tables[node, default: [:]][key] = item
    }

    /// The end of a catch-up: the nodes still up take the write.
    mutating func finishCatchUp(_ name: String, key: String, item: Versioned, nodes: [String]) {
        guard stores[name] != nil else { return }
        for node in nodes where isUp(node) && stores[name]!.nodes.contains(node) { deliver(item, of: key, to: node, in: name) }
    }

    /// A host is back: the hints for it, or kept by it, whose other end is up are handed over after `lag`.
    mutating func startHandoffs(_ host: String) {
        for store in stores.values where store.kind == .dynamo {
            let ready = store.hints.filter { ($0.intended == host || $0.holder == host) && isUp($0.holder) && isUp($0.intended) }
            guard !ready.isEmpty else { continue }
            startReplication(.handoff(store: store.name, node: host),
                             bytes: Int64(ready.reduce(0) { $0 + $1.item.value.count }), time: store.lag)
        }
    }

    /// The end of a handoff: each ready hint's write reaches its node, and the stand-in
    /// drops its copy (unless it is itself in the key's preference list).
    mutating func finishHandoff(_ name: String, node: String) {
        guard let store = stores[name] else { return }
        for hint in store.hints where (hint.intended == node || hint.holder == node) && isUp(hint.holder) && isUp(hint.intended) {
            deliver(hint.item, of: hint.key, to: hint.intended, in: name)
            stores[name]!.hints.removeAll { $0 == hint }
            let preference = Ring.walk(hint.key, nodes: store.nodes, vnodes: store.vnodes).prefix(store.replication)
            if !preference.contains(hint.holder), stores[name]!.tables[hint.holder]?[hint.key] == hint.item {
                stores[name]!.tables[hint.holder]![hint.key] = nil
            }
        }
    }
}
