/// Time: advancing the clock runs due events and integrates power into energy.
extension World {
    /// Runs the simulation forward by `seconds`, executing every event due
    /// up to the new time in order (`advance DURATION`).
    public mutating func advance(by seconds: Double) throws(CoreError) {
        guard seconds.isFinite, seconds >= 0 else {
            throw CoreError.value("a duration must be zero or positive, not \(fmtSeconds(seconds))", at: "duration")
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

    /// Background work in progress, part by part, with how far along it is (`show`).
    public func pendingWork() -> [PendingWork] {
        World.parts.flatMap { $0.pendingWork(self) }
    }

    /// Schedules one of `part`'s events after `delay` seconds.
    mutating func schedule(_ action: EventAction, after delay: Double) {
        events.schedule(action, at: clock + delay)
    }

    private mutating func moveClock(to time: Double) {
        guard time > clock else { return }
        energy += World.parts.reduce(0) { $0 + $1.power(self) } * (time - clock)
        clock = time
    }

    private mutating func perform(_ action: EventAction) {
        World.parts.first { $0.name == action.part }?.perform(&self, action)
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

    /// The work of job `id` from `start` to `end`, as far along as `clock` says.
    init(id: Int, summary: String, start: Double, end: Double, at clock: Double) {
        let span = end - start
        self.id = id
        self.summary = summary
        self.start = start
        self.end = end
        self.progress = span > 0 ? min(1, max(0, (clock - start) / span)) : 1
    }
}
