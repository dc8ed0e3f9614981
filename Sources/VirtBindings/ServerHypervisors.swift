import VirtCore
import VirtLang

/// CORE.md 1, "Hypervisors and rings": `hypervisor install|remove|info|costs|set`.
enum ServerHypervisors {
    static let all: [CommandSpec] = [install, remove, info, costs, set]

    static let install = CommandSpec(
        "hypervisor install", summary: "Install a hypervisor on a host: full, para, hardware or trap",
        example: "host add pm5 cpus=8 mem=32G; hypervisor install pm5 kind=hardware paging=nested",
        params: [.positional("host", .host, "the host"),
                 .option("kind", .choice(of: HypervisorKind.self), "the virtualization technique", required: true),
                 .option("paging", .choice(of: Paging.self), "hardware only: shadow (first-generation VT-x/AMD-V) or nested (EPT/NPT)",
                         default: .string(Paging.shadow.rawValue))],
        mutates: true, details: kindsTable
    ) { call in
        try call.change { (w: inout World) throws(CoreError) in
            try w.installHypervisor(on: call.text("host")!, kind: call.choice("kind", as: HypervisorKind.self)!,
                                    paging: call.choice("paging", as: Paging.self)!)
        }
        return .none
    }

    /// The kinds with their rings and requirements, for `help hypervisor install`.
    static let kindsTable = """
        kind      how privileged guest operations are handled                      vmm/guest-kernel ring  needs
        full      binary translation of guest kernel code, cached; user code direct   0 / 1               nothing
        para      the guest kernel makes hypercalls (batched page-table updates)       0 / 1               a paravirtualized guest OS
        hardware  guest kernel in non-root ring 0; io, hlt (and shadow paging) exit   -1 / 0               vt=yes (VT-x or AMD-V)
        trap      naive trap-and-emulate: sensitive-but-unprivileged instructions      0 / 1               nothing, and it is wrong on x86
                  do not trap (Popek and Goldberg)
        """

    static let remove = nameOnly("hypervisor remove", "Remove a host's hypervisor (no VMs may be assigned to it)",
                                 example: "hypervisor remove pm2", details: kindsTable, param: "host") { w, host throws(CoreError) in try w.removeHypervisor(from: host) }

    static let info = query("hypervisor info", "A host's hypervisor: kind, paging and the rings of the VMM and the guest kernel",
                            example: "hypervisor info pm1", details: kindsTable, param: "host") { w, host throws(CoreError) in
        ServerRecords.hypervisor.record(try w.hypervisorInfo(host))
    }

    static let costs = CommandSpec(
        "hypervisor costs", summary: "The hypervisor's cost table: cycles per event, default and source of each",
        example: "hypervisor costs pm1", params: [.positional("host", .host, "the host")],
        details: costTable
    ) { call in
        let entries = try call.read { (w: World) throws(CoreError) in try w.hypervisorCosts(call.text("host")!) }
        return .list(entries.map { .record(ServerRecords.cost.record($0)) })
    }

    /// Every cost key with its default and source, for `help hypervisor costs` and `help hypervisor set`.
    static let costTable: String = {
        let width = CostKey.allCases.map(\.rawValue.count).max() ?? 0
        return (["Cost table (cycles per event unless marked a factor or a count); sources in help sources (docs/sources.md), or an estimate with its reasoning:"]
            + CostKey.allCases.map { "  \($0.rawValue.padded(width))  \(NumberFormat.format($0.defaultValue).padded(6))  \($0.source)" })
            .joined(separator: "\n")
    }()

    /// What a key means: its source text before the source itself.
    static func meaning(_ key: CostKey) -> String {
        // A plain scan: splitting on a string separator goes through the regex engine,
        // which cost a tenth of start-up for this table (issue 16).
        var index = key.source.startIndex
        while index < key.source.endIndex {
            if key.source[index...].hasPrefix(" — ") { return String(key.source[..<index]) }
            key.source.formIndex(after: &index)
        }
        return key.source
    }

    static let set = CommandSpec(
        "hypervisor set", summary: "Change cost-table entries of a host's hypervisor (all or none)",
        example: "hypervisor set pm1 vm-exit=1000 nested-walk-factor=4",
        params: [.positional("host", .host, "the host")]
            + CostKey.allCases.map { .option($0.rawValue, .number, meaning($0) + " (default \(NumberFormat.format($0.defaultValue)))") },
        mutates: true,
        details: "Every key of the cost table is an option; all changes apply, or none. Each key's default and its source: "
            + "help hypervisor costs. batch, nested-walk-factor and jit-factor are at least 1; the others zero or more."
    ) { call in
        let changes = CostKey.allCases.compactMap { key in call.number(key.rawValue).map { (key: key.rawValue, value: $0) } }
        guard !changes.isEmpty else {
            throw call.error(.value, "'hypervisor set' needs at least one KEY=VALUE", hint: "e.g. hypervisor set HOST vm-exit=1000; see help hypervisor costs")
        }
        let kind = try call.read { (w: World) throws(CoreError) in try w.hypervisorInfo(call.text("host")!).kind }
        if let idle = CostKey.allCases.first(where: { call.number($0.rawValue) != nil && !$0.techniques.contains(kind) }) {
            let users = HypervisorKind.allCases.filter { idle.techniques.contains($0) }.map(\.rawValue).joined(separator: ", ")
            throw call.error(.value, "\(idle.rawValue) has no effect on a \(kind.rawValue) hypervisor: only \(users) hypervisors use it",
                             hint: "hypervisor costs \(call.text("host")!) lists the keys; pick the host whose hypervisor uses this one", at: idle.rawValue)
        }
        try call.change { (w: inout World) throws(CoreError) in try w.setHypervisorCosts(call.text("host")!, changes) }
        return .none
    }
}
