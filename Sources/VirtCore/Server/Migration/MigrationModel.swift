/// Live migration's arithmetic (docs/sources.md, "Live migration"): pure functions of
/// the VM's memory, dirty rate and writable working set, and the link.
public enum MigrationMode: String, Codable, Sendable, CaseIterable {
    /// Iterative pre-copy, then stop-and-copy (Clark et al., NSDI 2005).
    case precopy
    /// CPU state first, the VM resumes on the destination, pages follow once (Hines et al. 2009).
    case postcopy
    /// Stop the VM, copy its memory, start it on the destination.
    case cold
}

/// Tunables of `vm migrate` (CORE.md defaults).
public struct MigrationParameters: Codable, Equatable, Sendable {
    /// Link rate in bits per second (default 1 Gbps).
    public var bandwidth: Double = 1e9
    /// Pre-copy rounds at most, the first full copy included (default 30).
    public var maxRounds: Int = 30
    /// Pre-copy stops when fewer pages than this remain dirty (default 50, as Xen's save loop).
    public var stopPages: Int = 50
    /// Copy the volumes the destination cannot reach to its own storage first (`with-storage=yes`).
    public var withStorage = false

    public init(bandwidth: Double = 1e9, maxRounds: Int = 30, stopPages: Int = 50, withStorage: Bool = false) {
        self.bandwidth = bandwidth; self.maxRounds = maxRounds; self.stopPages = stopPages; self.withStorage = withStorage
    }

    func validate() throws(CoreError) {
        // At least 1 bps: below, the copy of even one page would take longer than a finite clock holds.
        guard bandwidth.isFinite, bandwidth >= 1 else { throw .value("bandwidth must be at least 1bps, not \(fmtBitRate(bandwidth))") }
        guard (1...10_000).contains(maxRounds) else { throw .value("max-rounds must be between 1 and 10000, not \(maxRounds)") }
        guard stopPages >= 0 else { throw .value("stop-pages must be zero or positive, not \(stopPages)") }
    }
}

/// One round of a migration: pages sent, how long it took, pages dirtied meanwhile.
public struct MigrationRound: Codable, Equatable, Sendable {
    public var round: Int
    public var pages: Int
    /// Seconds.
    public var time: Double
    public var dirtied: Int
}

/// `vm migrate`: what the migration did.
public struct MigrationRecord: Codable, Equatable, Sendable {
    public var vm: String
    public var from: String
    public var to: String
    public var mode: MigrationMode
    /// Pre-copy: the first full copy is round 1, the final stop-and-copy the last entry.
    public var rounds: [MigrationRound]
    /// Seconds from start to the VM running on the destination.
    public var totalTime: Double
    /// Seconds the VM did not run.
    public var downtime: Double
    /// Bytes sent.
    public var bytes: Int64
    /// The background job, for `async`.
    public var job: Int?
}

enum MigrationModel {
    /// 4 KiB pages.
    static let pageSize: Int64 = 4096
    /// Seconds to resume the VM on the destination — estimate (CORE.md: 10 ms).
    static let resumeTime = 0.010
    /// Pre-copy also stops once this many times the memory has been sent (Xen's save loop).
    static let sentLimit = 3
    /// CPU state sent first by post-copy, pages per vcpu — estimate: registers and VMCS fit in a few KiB.
    static let cpuStatePagesPerVCPU = 1

    static func pages(_ bytes: Int64) -> Int { Int((bytes + pageSize - 1) / pageSize) }

    /// Rounds, times and bytes of migrating `vm`; `running` says whether its memory is live.
    static func plan(_ vm: VM, from: String, to: String, mode: MigrationMode,
                     _ p: MigrationParameters) -> MigrationRecord {
        let memPages = pages(vm.mem)
        let pagesPerSecond = p.bandwidth / Double(8 * pageSize)
        func time(_ n: Int) -> Double { Double(n) / pagesPerSecond }
        var rounds: [MigrationRound] = []
        var downtime = 0.0
        switch mode {
        case .precopy:
            let wws = pages(vm.wws ?? vm.mem)
            var toSend = memPages, sent = 0
            while true {
                let t = time(toSend)
                let dirtied = Int(min((vm.dirtyRate * t).rounded(.up), Double(wws)))
                rounds.append(MigrationRound(round: rounds.count + 1, pages: toSend, time: t, dirtied: dirtied))
                sent += toSend
                toSend = dirtied
                if dirtied < p.stopPages || rounds.count >= p.maxRounds || sent >= sentLimit * memPages { break }
            }
            rounds.append(MigrationRound(round: rounds.count + 1, pages: toSend, time: time(toSend), dirtied: 0))
            downtime = time(toSend) + resumeTime
        case .postcopy:
            let state = cpuStatePagesPerVCPU * vm.vcpus
            rounds.append(MigrationRound(round: 1, pages: state, time: time(state), dirtied: 0))
            rounds.append(MigrationRound(round: 2, pages: memPages, time: time(memPages), dirtied: 0))
            downtime = time(state) + resumeTime
        case .cold:
            if vm.state == .stopped { break }
            rounds.append(MigrationRound(round: 1, pages: memPages, time: time(memPages), dirtied: 0))
            downtime = time(memPages) + resumeTime
        }
        let copying = rounds.reduce(0.0) { $0 + $1.time }
        let total = vm.state == .stopped ? copying : copying + resumeTime
        let bytes = Int64(rounds.reduce(0) { $0 + $1.pages }) * pageSize
        return MigrationRecord(vm: vm.name, from: from, to: to, mode: mode, rounds: rounds,
                               totalTime: total, downtime: downtime, bytes: bytes, job: nil)
    }
}
