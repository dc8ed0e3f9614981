/// The invariants a world keeps, checked when a saved file is loaded: the kernel's
/// here, each part's in its own folder (`PartDescriptor.checkInvariants`). The first
/// broken one is reported with the path of the field at fault.
struct Invariant {
    /// Throws "the saved world is damaged: PATH WHAT" unless `holds`.
    static func require(_ holds: Bool, _ path: String, _ what: @autoclosure () -> String) throws(CoreError) {
        guard holds else {
            throw CoreError(.io, "the saved world is damaged: \(path) \(what())", hint: "load reads files written by save, unmodified")
        }
    }

    /// A finite number at least `minimum`.
    static func finite(_ value: Double, atLeast minimum: Double, _ path: String) throws(CoreError) {
        try require(value.isFinite && value >= minimum, path, "must be a finite number of at least \(fmt(minimum)), not \(value)")
    }
}

extension World {
    /// Every invariant of the kernel, then of each part.
    func checkInvariants() throws(CoreError) {
        try Invariant.finite(clock, atLeast: 0, "clock")
        try Invariant.finite(energy, atLeast: 0, "energy")
        try Invariant.require(nextJobID >= 1, "nextJobID", "must be at least 1")
        for (name, kind) in registry.kinds {
            do { try NameRegistry.checkWellFormed(name, qualified: kind.isOwned) } catch {
                try Invariant.require(false, "registry.\(name)", "is not a valid name")
            }
            if let owner = kind.ownerName {
                try Invariant.require(registry.kind(of: NameRegistry.owner(of: name) ?? "")?.name == owner,
                                      "registry.\(name)", "is owned by a \(owner) that does not exist")
            }
        }
        var previous: ScheduledEvent?
        for (index, event) in events.events.enumerated() {
            let path = "events.\(index)"
            try Invariant.finite(event.time, atLeast: clock, path + ".time")
            try Invariant.require(World.parts.contains { $0.name == event.action.part }, path + ".action.part",
                                  "names no part ('\(event.action.part)')")
            try Invariant.require(event.sequence >= 0 && event.sequence < events.nextSequence, path + ".sequence",
                                  "must be below nextSequence (\(events.nextSequence))")
            if let previous {
                try Invariant.require((previous.time, previous.sequence) < (event.time, event.sequence), path, "is out of order")
            }
            previous = event
        }
        for part in World.parts { try part.checkInvariants(self) }
    }
}
