/// A RAID level and where Linux md (`--chunk=4K`, default layouts) puts each chunk:
/// RAID 0 striping, RAID 1 n-way mirror, RAID 5 and 6 left-symmetric
/// (drivers/md/raid5.c, `raid5_compute_sector`), RAID 10 md's "near 2" layout.
public enum RaidLevel: Int, Codable, Sendable, CaseIterable {
    case raid0 = 0, raid1 = 1, raid5 = 5, raid6 = 6, raid10 = 10

    /// The fewest member disks md accepts (RAID 10: an even number, at least 4).
    public var minimumDisks: Int {
        switch self {
        case .raid0: 1
        case .raid1: 2
        case .raid5: 3
        case .raid6, .raid10: 4
        }
    }

    /// Data chunks per stripe (row) of `n` members.
    func dataChunks(of n: Int) -> Int {
        switch self {
        case .raid0: n
        case .raid1: 1
        case .raid5: n - 1
        case .raid6: n - 2
        case .raid10: n / 2
        }
    }

    /// Failures survived whatever disks they hit.
    func tolerance(of n: Int) -> Int {
        switch self {
        case .raid0: 0
        case .raid1: n - 1
        case .raid5, .raid10: 1
        case .raid6: 2
        }
    }

    /// Where stripe `s` of `n` members keeps each data chunk (every copy, for mirrors), P and Q.
    func stripe(_ s: Int64, of n: Int) -> StripeMap {
        switch self {
        case .raid0: return StripeMap(data: (0..<n).map { [$0] }, p: nil, q: nil)
        case .raid1: return StripeMap(data: [Array(0..<n)], p: nil, q: nil)
        case .raid10: return StripeMap(data: (0..<n / 2).map { [2 * $0, 2 * $0 + 1] }, p: nil, q: nil)
        case .raid5:
            let p = n - 1 - Int(s % Int64(n))
            return StripeMap(data: (0..<n - 1).map { [(p + 1 + $0) % n] }, p: p, q: nil)
        case .raid6:
            let p = n - 1 - Int(s % Int64(n))
            return StripeMap(data: (0..<n - 2).map { [(p + 2 + $0) % n] }, p: p, q: (p + 1) % n)
        }
    }

    /// True when members in `lost` (slot numbers) leave some data with no copy or reconstruction.
    func losesData(_ lost: Set<Int>, of n: Int) -> Bool {
        switch self {
        case .raid10: (0..<n / 2).contains { lost.contains(2 * $0) && lost.contains(2 * $0 + 1) }
        default: lost.count > tolerance(of: n)
        }
    }

    /// Mean time to data loss, in hours, of `n` members failing independently at mean
    /// time `mttf` hours each and rebuilt in `mttr` hours: Patterson, Gibson & Katz
    /// (SIGMOD 1988) MTTF²/(N(N−1)·MTTR) for single-failure groups, and its two-failure
    /// extension MTTF³/(N(N−1)(N−2)·MTTR²) for RAID 6 (Chen et al., ACM Computing
    /// Surveys 1994); an n-way mirror MTTF^n/(n!·MTTR^(n−1)); RAID 0 MTTF/N; RAID 10 n/2
    /// mirror pairs, MTTF²/(n·MTTR).
    func mttdl(disks n: Int, mttf: Double, mttr: Double) -> Double {
        let N = Double(n)
        switch self {
        case .raid0: return mttf / N
        case .raid5: return mttf * mttf / (N * (N - 1) * mttr)
        case .raid6: return mttf * mttf * mttf / (N * (N - 1) * (N - 2) * mttr * mttr)
        case .raid10: return mttf * mttf / (N * mttr)
        case .raid1:
            var result = mttf
            for k in 1..<n { result *= mttf / (Double(k + 1) * mttr) }
            return result
        }
    }
}

/// One stripe's placement: the member slots holding each data chunk (one slot, or
/// every copy of a mirror), and the slots of P and Q where the level has them.
struct StripeMap: Equatable {
    var data: [[Int]]
    var p: Int?
    var q: Int?
}
