/// A class at a glance: how scores spread and how often each check passed.
struct ClassSummary {
    let results: [SubmissionResult]
    let maxScore: Int
    /// Each check's name and how many submissions passed it, in file order.
    let checkPasses: [(name: String, passed: Int)]

    init(_ results: [SubmissionResult], of exercise: Exercise) {
        self.results = results
        maxScore = exercise.maxScore
        checkPasses = exercise.checks.enumerated().map { index, check in
            (check.name, results.filter { $0.checks[index].status == .passed }.count)
        }
    }

    var mean: Double {
        results.isEmpty ? 0 : (Double(results.reduce(0) { $0 + $1.score }) / Double(results.count) * 100).rounded() / 100
    }

    var median: Double {
        let scores = results.map(\.score).sorted()
        guard !scores.isEmpty else { return 0 }
        let mid = scores.count / 2
        return scores.count % 2 == 1 ? Double(scores[mid]) : Double(scores[mid - 1] + scores[mid]) / 2
    }

    /// Score ranges and how many submissions fall in each: one row per score up
    /// to 20 points, otherwise ten equal ranges.
    var histogram: [(label: String, count: Int)] {
        let width = maxScore <= 20 ? 1 : (maxScore + 10) / 10
        return stride(from: 0, through: maxScore, by: width).map { low in
            let high = min(low + width - 1, maxScore)
            let count = results.filter { $0.score >= low && $0.score <= high }.count
            return (low == high ? "\(low)" : "\(low)-\(high)", count)
        }
    }

    /// A bar of `width` cells, `value` of `total` filled.
    static func bar(_ value: Int, of total: Int, width: Int = 20) -> String {
        let filled = total == 0 ? 0 : Int((Double(value) / Double(total) * Double(width)).rounded())
        return String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
    }
}
