/// `rack fail|repair`, `site fail|repair`, and what a host failure does to the
/// disks it holds: every host, disk and array in the place goes down together
/// (fate-sharing), and comes back together.
extension World {
    /// Whether a disk can be reached: not failed, its host up, its rack and site up.
    func reachable(_ disk: Disk) -> Bool {
        guard disk.state == .online else { return false }
        if let rack = disk.rack, storage.downRacks.contains(rack) { return false }
        if let site = disk.site, storage.downSites.contains(site) { return false }
        if let host = disk.host, (try? hostInfo(host))?.state == .failed { return false }
        return true
    }

    /// `rack fail R` / `site fail S`: every host there fails (its VMs crash) and every
    /// disk there becomes unreachable. Returns which volumes survive and which do not.
    public mutating func failDomain(_ level: DomainLevel, _ label: String) throws(CoreError) -> DomainReport {
        let down = level == .rack ? storage.downRacks : storage.downSites
        let hosts = hostList(level == .rack ? HostFilter(rack: label) : HostFilter(site: label))
        let diskNames = disks.values.filter { (level == .rack ? $0.rack : $0.site) == label }.map(\.name)
        guard !hosts.isEmpty || !diskNames.isEmpty else {
            let known = Set(hostList().compactMap { level == .rack ? $0.rack : $0.site } + disks.values.compactMap { level == .rack ? $0.rack : $0.site })
            throw .value("no host or disk is in \(level.rawValue) '\(label)'",
                         hint: known.isEmpty ? "give hosts and disks \(level.rawValue)= labels" : "\(level.rawValue)s are \(listed(known.sorted()))", at: "name")
        }
        guard !down.contains(label) else { throw .state("\(level.rawValue) '\(label)' has already failed", hint: "\(level.rawValue) repair \(label)") }
        let failedHosts = hosts.filter { $0.state == .up }.map(\.name)
        if level == .rack { storage.downRacks.append(label) } else { storage.downSites.append(label) }
        storage.domainHosts["\(level.rawValue) \(label)"] = failedHosts
        for host in failedHosts { try! failHost(host) }
        watchReplicas()
        return report(level, label, hosts: failedHosts, disks: diskNames)
    }

    /// `rack repair R` / `site repair S`: the hosts it failed come back (crashed VMs
    /// wait for vm restart) and its disks answer again; a member that missed writes
    /// while its pool ran degraded is stale until `pool rebuild`; stale replicas of
    /// volumes are copied from a whole one over simulated time (`watchReplicas`): the
    /// clock runs until the copies the repair started are done, or, with `async`, they
    /// run in the background (`show`, `wait`).
    public mutating func repairDomain(_ level: DomainLevel, _ label: String, async: Bool = false) throws(CoreError) -> DomainReport {
        let key = "\(level.rawValue) \(label)"
        guard let hosts = storage.domainHosts[key] else {
            throw .state("\(level.rawValue) '\(label)' has not failed", hint: "only a failed \(level.rawValue) can be repaired", at: "name")
        }
        let before = Dictionary(uniqueKeysWithValues: pools.keys.map { ($0, unavailable(pools[$0]!)) })
        let running = Set(replicationJobs.keys)
        if level == .rack { storage.downRacks.removeAll { $0 == label } } else { storage.downSites.removeAll { $0 == label } }
        storage.domainHosts.removeValue(forKey: key)
        for host in hosts where (try? hostInfo(host))?.state == .failed { try! repairHost(host) }
        markReturned(since: before)
        let copies = replicationJobs.values.filter { !running.contains($0.id) }
        let time = (copies.map(\.end).max() ?? clock) - clock
        if !async { try advance(by: time) }
        let diskNames = disks.values.filter { (level == .rack ? $0.rack : $0.site) == label }.map(\.name)
        var report = report(level, label, hosts: hosts, disks: diskNames)
        report.time = time
        report.jobs = async ? copies.map(\.id) : []
        return report
    }

    /// Members that answer again after being unreachable: stale (to be rebuilt) when
    /// their pool kept running without them, clean when it had stopped (failed: no write reached it).
    mutating func markReturned(since before: [String: Set<Int>]) {
        for (name, pool) in pools {
            let returned = before[name, default: []].subtracting(unavailable(pool))
            guard !returned.isEmpty, !pool.raid.losesData(before[name]!, of: pool.members.count) else { continue }
            pools[name]!.stale = Array(Set(pool.stale).union(returned)).sorted()
        }
        watchReplicas()
    }

    private func report(_ level: DomainLevel, _ label: String, hosts: [String], disks: [String]) -> DomainReport {
        let infos = volumes.values.map(info(of:))
        return DomainReport(place: label, level: level, hosts: hosts, disks: disks,
                            survive: infos.filter { $0.state != .failed }.map(\.name),
                            lost: infos.filter { $0.state == .failed }.map(\.name))
    }
}

/// A place that fails as a whole.
public enum DomainLevel: String, Codable, Sendable, CaseIterable { case rack, site }

/// `rack fail` / `site fail` / their repairs: what went down (or came back) and which volumes can be read.
public struct DomainReport: Codable, Equatable, Sendable {
    public var place: String
    public var level: DomainLevel
    public var hosts: [String]
    public var disks: [String]
    /// Volumes with a readable replica.
    public var survive: [String]
    /// Volumes with none.
    public var lost: [String]
    /// Repair: simulated time the copies it started take (resyncs, clones, handoffs).
    public var time: Double = 0
    /// Repair with async: those copies' job ids.
    public var jobs: [Int] = []
}
