/// What a scheduled event does when its time comes: plain data, saved with the
/// world. The part named `part` performs it; `name` says what (a part's own word,
/// such as `finish-migration`) and `job` which background job it concerns.
public struct EventAction: Codable, Equatable, Sendable {
    public var part: String
    public var name: String
    public var job: Int

    public init(part: String, name: String, job: Int) {
        self.part = part
        self.name = name
        self.job = job
    }
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
    private(set) var nextSequence = 0

    var isEmpty: Bool { events.isEmpty }
    var first: ScheduledEvent? { events.first }

    /// A queue holding `events` as they were saved (sorted; sequence numbers kept).
    init(events: [ScheduledEvent] = [], nextSequence: Int = 0) {
        self.events = events
        self.nextSequence = nextSequence
    }

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

    /// Drops the events of one job (the job was cancelled or its object removed).
    mutating func cancel(job: Int, part: String) {
        events.removeAll { $0.action.job == job && $0.action.part == part }
    }
}
