/// Did-you-mean: the closest candidate by edit distance, when close enough.
public enum Suggest {
    /// The candidate nearest to `word`, or nil when none is plausibly meant or
    /// two are equally near (`pm3` among `pm1`, `pm2` suggests neither).
    public static func closest(to word: String, among candidates: [String]) -> String? {
        let limit = max(1, min(3, word.count / 3 + 1))
        var best: (String, Int)?
        var tied = false
        for candidate in candidates where candidate != word {
            let d = distance(word, candidate)
            guard d <= limit else { continue }
            if best == nil || d < best!.1 {
                best = (candidate, d)
                tied = false
            } else if d == best!.1, candidate != best!.0 {
                tied = true
            }
        }
        if tied { return nil }
        if best == nil {
            best = candidates.first { $0.hasPrefix(word) && word.count >= 2 }.map { ($0, 0) }
        }
        return best?.0
    }

    /// Optimal string alignment distance (a swap of neighbours counts as one edit).
    public static func distance(_ a: String, _ b: String) -> Int {
        let x = Array(a), y = Array(b)
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var d = [[Int]](repeating: [Int](repeating: 0, count: y.count + 1), count: x.count + 1)
        for i in 0...x.count { d[i][0] = i }
        for j in 0...y.count { d[0][j] = j }
        for i in 1...x.count {
            for j in 1...y.count {
                let cost = x[i - 1] == y[j - 1] ? 0 : 1
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1, j > 1, x[i - 1] == y[j - 2], x[i - 2] == y[j - 1] {
                    d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
                }
            }
        }
        return d[x.count][y.count]
    }

    /// "did you mean 'X'?" or nil.
    public static func hint(for word: String, among candidates: [String]) -> String? {
        closest(to: word, among: candidates).map { "did you mean '\($0)'?" }
    }
}
