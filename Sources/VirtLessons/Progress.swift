/// A learner's progress in one lesson; steps are numbered from 1.
public struct LessonProgress: Codable, Equatable, Sendable {
    /// Steps whose goals the learner reached.
    public var done: [Int] = []
    /// Steps passed over with `skip`.
    public var skipped: [Int] = []
    /// Steps whose solution was shown before they were done.
    public var revealed: [Int] = []

    public init() {}

    /// Done or skipped.
    public func isFinished(_ step: Int) -> Bool { done.contains(step) || skipped.contains(step) }

    /// The first step not finished, or nil when all `count` are.
    public func firstUnfinished(of count: Int) -> Int? { (1...max(1, count)).first { !isFinished($0) } }

    public mutating func markDone(_ step: Int) {
        skipped.removeAll { $0 == step }
        Self.insert(step, into: &done)
    }

    public mutating func markSkipped(_ step: Int) {
        if !done.contains(step) { Self.insert(step, into: &skipped) }
    }

    public mutating func markRevealed(_ step: Int) {
        if !isFinished(step) { Self.insert(step, into: &revealed) }
    }

    /// `done`, `in progress (2 of 6 steps)` or `not started`.
    public func status(of count: Int) -> String {
        let finished = (1...max(1, count)).filter(isFinished).count
        if finished == count { return skipped.isEmpty ? "done" : "done (\(skipped.count) skipped)" }
        return finished == 0 && revealed.isEmpty ? "not started" : "in progress (\(finished) of \(count) steps)"
    }

    private static func insert(_ step: Int, into steps: inout [Int]) {
        if !steps.contains(step) { steps = (steps + [step]).sorted() }
    }
}
