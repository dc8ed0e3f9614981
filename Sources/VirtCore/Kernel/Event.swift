/// What a scheduled event does when its time comes. Plain data, saved with the
/// world. Storage (rebuilds) and network parts add their cases here.
public enum EventAction: Codable, Equatable, Sendable {
    /// An asynchronous migration reaches its end: the VM moves to its destination.
    case finishMigration(job: Int)
}

/// An action due at a virtual time; `sequence` orders events due at the same time.
public struct ScheduledEvent: Codable, Equatable, Sendable {
    public var time: Double
    public var sequence: Int
    public var action: EventAction
}

/// Pending events, kept sorted by time, then sequence number.
struct EventQueue: Codable, Equatable, Sendable {
    private(set) var events: [ScheduledEvent] = []
    private var nextSequence = 0

    var isEmpty: Bool { events.isEmpty }
    var first: ScheduledEvent? { events.first }

    mutating func schedule(_ action: EventAction, at time: Double) {
        let event = ScheduledEvent(time: time, sequence: nextSequence, action: action)
        nextSequence += 1
        // Binary search for the first event due strictly later (same-time events keep their order).
        var low = 0, high = events.count
        while low < high {
            let mid = (low + high) / 2
            if events[mid].time <= time { low = mid + 1 } else { high = mid }
        }
        events.insert(event, at: low)
    }

    mutating func popFirst() -> ScheduledEvent? {
        events.isEmpty ? nil : events.removeFirst()
    }
}
