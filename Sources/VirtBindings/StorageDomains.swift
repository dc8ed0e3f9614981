import VirtCore
import VirtLang

/// CORE.md 2, "Resilience": `rack fail|repair`, `site fail|repair`.
enum StorageDomains {
    static let all: [CommandSpec] = DomainLevel.allCases.flatMap { [fail($0), repair($0)] }

    static let details = """
        Every host there fails (its running VMs crash) and every disk there stops answering: pools run degraded or
        lose data, volumes read from a replica elsewhere if they have one. Repair brings the hosts back (crashed VMs
        wait for vm restart) and the disks: a member that missed writes while its pool ran on is stale until pool
        rebuild; a volume's stale replicas are copied from a whole one over simulated time (repair runs the clock
        until those copies are done, or leaves them in the background with async=yes), and a replica down for
        10 minutes is made again elsewhere. The record: place, level, hosts, disks, survive and lost (volumes);
        for a repair also time (what the copies take) and, with async=yes, jobs.
        """

    static func fail(_ level: DomainLevel) -> CommandSpec {
        CommandSpec("\(level.rawValue) fail", summary: "Fail a whole \(level.rawValue): its hosts and disks; returns which volumes survive",
                    example: "\(level.rawValue) fail \(level == .rack ? "r1" : "s1")",
                    params: [.positional("name", .text, "the \(level.rawValue) label (host add / disk add \(level.rawValue)=)")],
                    mutates: true, details: details) { call in
            .record(StorageRecords.domain.record(try call.change { (w: inout World) throws(CoreError) in
                try w.failDomain(level, call.text("name")!)
            }))
        }
    }

    static func repair(_ level: DomainLevel) -> CommandSpec {
        CommandSpec("\(level.rawValue) repair", summary: "Bring a failed \(level.rawValue) back: hosts, disks, replicas resynced",
                    example: "\(level.rawValue) fail \(level == .rack ? "r1" : "s1"); \(level.rawValue) repair \(level == .rack ? "r1" : "s1")",
                    params: [.positional("name", .text, "the \(level.rawValue) label"),
                             .option("async", .bool, "leave the copies it starts in the background (show reports progress, wait finishes them)",
                                     default: .bool(false))],
                    mutates: true, details: details) { call in
            .record(StorageRecords.domain.record(try call.change { (w: inout World) throws(CoreError) in
                try w.repairDomain(level, call.text("name")!, async: call.bool("async")!)
            }))
        }
    }
}
