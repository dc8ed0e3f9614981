/// What Tab offers for the word before the cursor, as returned by a
/// ``LineEditor/completer``.
///
/// One candidate replaces ``word`` (followed by a space when
/// ``appendsSpace``). Several candidates replace it with their longest
/// common prefix and are listed below the line. None makes the editor beep.
public struct Completion: Sendable, Equatable {
    /// The text just before the cursor that a candidate replaces, usually
    /// the partial word being typed (may be empty).
    public var word: String
    /// Full replacements for ``word``, in the order they are listed.
    public var candidates: [String]
    /// Whether a unique candidate is followed by a space.
    public var appendsSpace: Bool

    /// Creates a completion replacing `word` with one of `candidates`.
    public init(word: String, candidates: [String], appendsSpace: Bool = true) {
        self.word = word
        self.candidates = candidates
        self.appendsSpace = appendsSpace
    }

    /// No candidates: Tab beeps.
    public static let none = Completion(word: "", candidates: [])

    /// The entries of `vocabulary` that start with `word`, sorted, without duplicates.
    public static func matching(_ word: String, in vocabulary: some Sequence<String>) -> Completion {
        Completion(word: word, candidates: Set(vocabulary.filter { $0.hasPrefix(word) }).sorted())
    }

    /// The text that replaces ``word``: the unique candidate (plus a space
    /// when ``appendsSpace``), otherwise the candidates' longest common prefix.
    public var replacement: String {
        if candidates.count == 1 { return candidates[0] + (appendsSpace ? " " : "") }
        guard var prefix = candidates.first else { return word }
        for candidate in candidates.dropFirst() {
            prefix = String(zip(prefix, candidate).prefix { $0 == $1 }.map(\.0))
        }
        return prefix
    }
}
