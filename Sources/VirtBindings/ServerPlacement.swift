import VirtCore
import VirtLang

/// CORE.md 1, "Consolidation, utilization and energy": `place`, `consolidate`, `report utilization|energy`.
enum ServerPlacement {
    static let all: [CommandSpec] = [place, consolidate, utilization, energy]

    static let place = CommandSpec(
        "place", summary: "Assign pending VMs to hosts by a bin-packing policy; returns the placements",
        example: "vm create p1 vcpus=1 mem=1G os=linux; place all policy=best-fit",
        params: [.positional("vms", .vm, "VMs to place, or all (every pending VM)", required: false, variadic: true),
                 .option("policy", .choice(of: PlacementPolicy.self), "how a host is chosen",
                         default: .string(PlacementPolicy.firstFit.rawValue))],
        mutates: true,
        details: """
            Eligible hosts are powered on, working and run a hypervisor (para only for paravirtualized guests);
            every assigned VM, running or not, counts against cpus × cpu-ratio and mem × mem-ratio.
              first-fit  the first host in creation order with room
              best-fit   the host left with the least room (room = the smaller of free CPU and free memory shares)
              worst-fit  the host left with the most room
              ffd        first-fit decreasing: VMs sorted by their larger share of a host (vcpus/cpus or mem/mem),
                         largest first, ties by name — never more than 11/9·OPT + 6/9 hosts
            VMs that fit nowhere stay pending and are listed under unplaced with the reason.
            """
    ) { call in
        let words = call.list("vms")?.map(\.text) ?? []
        let names: [String]? = words.isEmpty || words == ["all"] ? nil : words
        if let names, names.contains("all") {
            throw call.error(.value, "'all' places every pending VM; name VMs or write all, not both", at: "vms")
        }
        let policy = call.choice("policy", as: PlacementPolicy.self)!
        let result = try call.change { (w: inout World) throws(CoreError) in try w.place(names, policy: policy) }
        return .record(ServerRecords.placement.record(result))
    }

    static let consolidate = CommandSpec(
        "consolidate", summary: "Empty the least-loaded hosts onto the others by migration, then power off empty hosts",
        example: "consolidate", mutates: true,
        details: """
            A host's load is the larger of its assigned CPU and memory shares. Hosts are taken least loaded first
            (ties in creation order); a host's VMs move only if all of them fit on other powered-on hosts that have
            VMs (first-fit in creation order, obeying every migration precondition). Running VMs move by pre-copy,
            others cold; the clock advances by the migrations' time. Then every powered-on host without an
            assigned VM is powered off. Returns the moves, the hosts powered off and the time taken.
            """
    ) { call in
        .record(ServerRecords.consolidation.record(try call.changeInterruptibly { (w: inout World, stop) throws(CoreError) in try w.consolidate(stop: stop) }))
    }

    static let utilization = CommandSpec(
        "report utilization", summary: "Each host's CPU utilization and draw, with a bar per host",
        example: "report utilization",
        details: "utilization = the sum of running VMs' load × vcpus over the host's cpus (0–1). Each row carries a bar, "
            + "which the REPL shows as a column; a script sees it when it prints the list."
    ) { call in
        .list(call.world.utilizationReport().map { .record(ServerRecords.utilization.record($0)) })
    }

    static let energy = CommandSpec(
        "report energy", summary: "Power drawn now, energy since reset, powered-on hosts; over= projects the current power",
        example: "report energy over=1h",
        params: [.option("over", .quantity(.time), "a duration to project the current power over")],
        details: "Each host draws its power model at its utilization (help host add); powered-off hosts draw 0 W. "
            + "energy integrates the draw as the clock advances (advance, migrations)."
    ) { call in
        .record(ServerRecords.energy.record(try call.read { (w: World) throws(CoreError) in try w.energyReport(over: call.quantity("over")) }))
    }
}
