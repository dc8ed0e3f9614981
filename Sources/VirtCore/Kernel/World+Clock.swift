/// Time: advancing the clock runs due events and integrates power into energy.
extension World {
    /// Runs the simulation forward by `seconds`, executing every event due
    /// up to the new time in order (`advance DURATION`).
    public mutating func advance(by seconds: Double) throws(CoreError) {
        guard seconds.isFinite, seconds >= 0 else {
            throw .value("a duration must be zero or positive, not \(seconds)")
        }
        let target = clock + seconds
        while let next = events.first, next.time <= target {
            _ = events.popFirst()
            moveClock(to: next.time)
            perform(next.action)
        }
        moveClock(to: target)
    }

    /// Runs until no work is pending (`wait`); returns the time reached.
    @discardableResult
    public mutating func runUntilIdle() -> Double {
        while let next = events.popFirst() {
            moveClock(to: max(clock, next.time))
            perform(next.action)
        }
        return clock
    }

    /// The events still to come, in the order they will run.
    public var pendingEvents: [ScheduledEvent] { events.events }

    /// Background work in progress, with how far along it is (`show`).
    public func pendingWork() -> [PendingWork] {
        migrations.values.map { job in
            let span = job.end - job.start
            let done = span > 0 ? min(1, max(0, (clock - job.start) / span)) : 1
            return PendingWork(id: job.id, summary: "migrate \(job.vm) \(job.from) → \(job.to) (\(job.record.mode.rawValue))",
                               start: job.start, end: job.end, progress: done)
        }
    }

    mutating func schedule(_ action: EventAction, after delay: Double) {
        events.schedule(action, at: clock + delay)
    }

    private mutating func moveClock(to time: Double) {
        guard time > clock else { return }
        energy += currentPower() * (time - clock)
        clock = time
    }

    private mutating func perform(_ action: EventAction) {
        switch action {
        case .finishMigration(let job): finishMigration(job: job)
        }
    }
}

/// One piece of background work (`show`, `wait`).
public struct PendingWork: Codable, Equatable, Sendable {
    public var id: Int
    public var summary: String
    /// Virtual times in seconds.
    public var start: Double
    public var end: Double
    /// Fraction done, 0…1.
    public var progress: Double
}
