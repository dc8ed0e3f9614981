import VirtCore
import VirtLang

/// CORE.md 1, "Hosts": `host add|remove|fail|repair|power|set|info|list`.
enum ServerHosts {
    static let all: [CommandSpec] = [add, remove, fail, repair, power, set, info, list]

    static let add = CommandSpec(
        "host add", summary: "Add a physical machine (pM): working, powered on, no hypervisor yet",
        example: "host add pm9 cpus=16 mem=64G cpu=amd power=hp-ml110-g5",
        params: [.positional("name", .text, "the new host's name"),
                 .option("cpus", .integer, "physical cores", required: true),
                 .option("mem", .quantity(.information), "memory", required: true),
                 .option("vt", .bool, "CPU has VT-x/AMD-V (estimate: every server CPU since 2006)", default: .bool(HostDefaults.vt)),
                 .option("cpu", .choice(of: CPUVendor.self), "CPU vendor (live migration needs the same)", default: .string(HostDefaults.cpu.rawValue)),
                 .option("ghz", .number, "clock rate in GHz (converts cycles to seconds)", default: .number(HostDefaults.ghz)),
                 .option("nics", .integer, "physical NICs, HOST.eth0 …", default: .int(HostDefaults.nics)),
                 .option("os", .choice(of: HostOS.self), "the host's own OS (apps, jails, UML, coLinux)", default: .string(HostDefaults.os.rawValue)),
                 .option("ip", .text, "management IPv4 address"),
                 .option("rack", .text, "rack label"),
                 .option("site", .text, "site label"),
                 .option("power", .choice(["linear"] + SpecPowerServer.allCases.map(\.rawValue)), "power model", default: .string("linear")),
                 .option("idle", .quantity(.power), "linear model: watts at 0 % (default 100W)"),
                 .option("max", .quantity(.power), "linear model: watts at 100 % (default 250W)")],
        mutates: true, details: powerDetails
    ) { call in
        let model = try PowerModel.named(call.text("power")!, idle: call.quantity("idle"), max: call.quantity("max"))
        guard let mem = try call.bytes("mem") else { return .none }
        try call.change { (w: inout World) throws(CoreError) in
            try w.addHost(call.text("name")!, cpus: call.int("cpus")!, mem: mem, vt: call.bool("vt")!,
                          cpu: call.choice("cpu", as: CPUVendor.self)!, ghz: call.number("ghz")!,
                          nics: call.int("nics")!, os: call.choice("os", as: HostOS.self)!, ip: call.text("ip"),
                          rack: call.text("rack"), site: call.text("site"), power: model)
        }
        return .none
    }

    /// The power models, for `help host add`.
    static let powerDetails: String = {
        var lines = ["Power models (watts drawn at CPU utilization u = running VMs' load × vcpus / cpus):",
                     "  linear        P(u) = idle + (max − idle) · u (CloudSim PowerModelLinear); idle=100W max=250W by default (estimate)"]
        for server in SpecPowerServer.allCases {
            let watts = server.watts.map { NumberFormat.format($0) }.joined(separator: " ")
            lines.append("  \(server.rawValue.padded(12))  SPECpower_ssj2008 (as used by CloudSim), W at 0,10,…,100 %: \(watts)")
        }
        lines.append("Between the 10 % steps the tables are interpolated linearly. A powered-off host draws 0 W.")
        lines.append("Defaults without a published figure (vt=yes, cpu=intel, ghz=2.4, nics=2) are estimates.")
        return lines.joined(separator: "\n")
    }()

    /// Host states, for the commands that change them.
    static let lifeCycle = """
        A host is up or failed, and powered on or off. host fail crashes its running and paused VMs and kills apps,
        jails, UML and coLinux on its own OS; host repair makes it work again (crashed VMs wait for vm restart).
        Powering off refuses while VMs run or are paused on it, or apps run on its own OS; it then draws 0 W.
        """

    static let remove = nameOnly("host remove", "Remove a host with nothing on it (no VMs, no hypervisor, no apps), with its NICs",
                                 example: "host remove lnx1",
                                 details: "A host's NICs (HOST.eth0, …) belong to it and go with it. Remove its VMs and its hypervisor first.") {
        w, name throws(CoreError) in try w.removeHost(name)
    }

    static let fail = nameOnly("host fail", "Fail a host: its running and paused VMs crash, apps on its own OS die",
                               example: "host fail pm1", details: lifeCycle) { w, name throws(CoreError) in try w.failHost(name) }

    static let repair = nameOnly("host repair", "Repair a failed host (crashed VMs stay crashed until vm restart)",
                                 example: "host fail pm2; host repair pm2", details: lifeCycle) { w, name throws(CoreError) in try w.repairHost(name) }

    static let power = CommandSpec(
        "host power", summary: "Power a host on or off (off refuses while VMs or apps run on it)",
        example: "host power pm2 off",
        params: [.positional("name", .host, "the host"), .positional("state", .choice(of: PowerState.self), "on or off")],
        mutates: true, details: lifeCycle
    ) { call in
        try call.change { (w: inout World) throws(CoreError) in
            try w.setPower(call.text("name")!, call.choice("state", as: PowerState.self)!)
        }
        return .none
    }

    static let set = CommandSpec(
        "host set", summary: "Set a host's overcommit ratios (capacity = cpus × cpu-ratio, mem × mem-ratio)",
        example: "host set pm1 cpu-ratio=4 mem-ratio=1.5",
        params: [.positional("name", .host, "the host"),
                 .option("cpu-ratio", .number, "vcpus per physical core allowed (default 1)"),
                 .option("mem-ratio", .number, "memory overcommit (default 1)")],
        mutates: true,
        details: "Placement counts every assigned VM against cpus × cpu-ratio and mem × mem-ratio; vm start needs the memory "
            + "of the running and paused VMs within mem × mem-ratio. A ratio below what is already assigned is refused."
    ) { call in
        guard call["cpu-ratio"] != nil || call["mem-ratio"] != nil else {
            throw call.error(.value, "'host set' needs cpu-ratio= or mem-ratio=", hint: "host set NAME cpu-ratio=R mem-ratio=R")
        }
        try call.change { (w: inout World) throws(CoreError) in
            try w.setRatios(call.text("name")!, cpuRatio: call.number("cpu-ratio"), memRatio: call.number("mem-ratio"))
        }
        return .none
    }

    static let info = query("host info", "A host's record: capacity, what is assigned, state, power, hypervisor, VMs",
                            example: "host info pm1", details: ServerRecords.host.help) { w, name throws(CoreError) in
        ServerRecords.host.record(try w.hostInfo(name))
    }

    static let list = CommandSpec(
        "host list", summary: "Every host's record, in creation order, optionally filtered",
        example: "host list power=on",
        params: [.option("state", .choice(of: HostState.self), "up or failed"),
                 .option("power", .choice(of: PowerState.self), "on or off"),
                 .option("hypervisor", .choice(of: HypervisorKind.self), "hypervisor kind"),
                 .option("os", .choice(of: HostOS.self), "the host's own OS"),
                 .option("rack", .text, "rack label"), .option("site", .text, "site label")],
        details: ServerRecords.host.help
    ) { call in
        let filter = HostFilter(state: call.choice("state", as: HostState.self), power: call.choice("power", as: PowerState.self),
                                hypervisor: call.choice("hypervisor", as: HypervisorKind.self),
                                os: call.choice("os", as: HostOS.self), rack: call.text("rack"), site: call.text("site"))
        return .list(call.world.hostList(filter).map { .record(ServerRecords.host.record($0)) })
    }
}
