/// The course topics of COVERAGE.md that lessons must teach, by id.
public enum Coverage {
    /// Every topic id with a short name, in COVERAGE.md's order.
    public static let topics: [(id: String, name: String)] = [
        ("S1", "isolation: processes vs VMs"),
        ("S2", "better utilization: consolidation, energy"),
        ("S3", "separate execution environments"),
        ("S4", "dynamic management: allocate, release, move"),
        ("S5", "full virtualization"),
        ("S6", "para-virtualization"),
        ("S7", "hardware-assisted virtualization"),
        ("S7b", "why trap-and-emulate alone fails on x86"),
        ("S8", "other forms: jails, UML, coLinux, the JVM"),
        ("S9", "live migration"),
        ("S10", "why these matter for IaaS"),
        ("T1", "storage separated from compute"),
        ("T2", "higher disk utilization"),
        ("T3", "resilience: redundancy, replication"),
        ("T4", "masking diversity: one interface, any size"),
        ("T5", "RAID"),
        ("T6", "large distributed stores"),
        ("T7", "where the virtualization engine lives"),
        ("T8", "NAS and SAN"),
        ("N1", "VLANs"),
        ("N2", "VPNs"),
        ("N3", "multi-tenant clouds"),
        ("N4", "hybrid clouds"),
        ("N5", "isolated network contexts per application"),
        ("N6", "NIC virtualization: vNIC, VEB, SR-IOV, VEPA"),
        ("N7", "switch virtualization: 802.1BR port extenders"),
        ("N8", "VLANs in clouds"),
    ]

    /// The topic ids alone.
    public static let ids: [String] = topics.map(\.id)

    /// The topics that none of `lessons` lists in its `covers`.
    public static func uncovered(by lessons: [Lesson]) -> [(id: String, name: String)] {
        let covered = Set(lessons.flatMap(\.covers))
        return topics.filter { !covered.contains($0.id) }
    }
}

extension Coverage {
    /// What `virtlab test --coverage` prints: the topics no lesson covers, or that all are.
    public static func report(for lessons: [Lesson]) -> String {
        let missing = uncovered(by: lessons)
        guard !missing.isEmpty else { return "Every topic of COVERAGE.md is covered by a lesson." }
        let width = missing.map(\.id.count).max() ?? 0
        return (["\(missing.count) of \(topics.count) topics are not covered by any lesson:"]
            + missing.map { "  " + $0.id.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + $0.name })
            .joined(separator: "\n")
    }
}
