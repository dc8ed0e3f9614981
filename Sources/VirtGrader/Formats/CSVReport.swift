/// CSV for a class (RFC 4180 quoting, lines ending in LF): header `submission,<check names in order>,total`,
/// then a row per submission with each check's score and the total.
enum CSVReport {
    static func render(_ results: [SubmissionResult], of exercise: Exercise) -> String {
        var rows = [(["submission"] + exercise.checks.map(\.name) + ["total"]).map(field).joined(separator: ",")]
        for r in results {
            rows.append(([field(r.submission)] + r.checks.map { String($0.score) } + [String(r.score)]).joined(separator: ","))
        }
        return rows.joined(separator: "\n") + "\n"
    }

    /// A field, quoted when it holds a comma, a quote or a line break.
    private static func field(_ s: String) -> String {
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
