import VirtCore
import VirtLang

/// CORE.md 1, "Virtual machines": `vm create|start|stop|pause|resume|restart|destroy|set|info|list`.
enum ServerVMs {
    static let all: [CommandSpec] = [create, start, stop, pause, resume, restart, destroy, set, info, list]

    static let create = CommandSpec(
        "vm create", summary: "Create a VM: pending until placed, or assigned to host= (no capacity check)",
        example: "vm create web9 vcpus=2 mem=4G os=linux host=pm1 cap=50%",
        params: [.positional("name", .text, "the new VM's name"),
                 .option("vcpus", .integer, "virtual CPUs", required: true),
                 .option("mem", .quantity(.information), "memory", required: true),
                 .option("os", .choice(of: GuestOS.self), "guest OS (os list)", required: true),
                 .option("host", .host, "assign to this host now (state stopped)"),
                 .option("weight", .integer, "credit-scheduler weight (Xen default)", default: .int(VMDefaults.weight)),
                 .option("cap", .fraction, "credit-scheduler cap, % of one physical CPU (0 = uncapped)", default: .int(0))],
        mutates: true,
        details: "A pending VM (host none) waits for place or vm set host=. Assignment counts against the host's "
            + "capacity for placement; vm start also needs the memory of the host's running and paused VMs plus this one "
            + "to fit mem × mem-ratio. cap=50% is half a CPU, cap=200% two CPUs (Xen's credit scheduler)."
    ) { call in
        guard let mem = try call.bytes("mem") else { return .none }
        try call.change { (w: inout World) throws(CoreError) in
            try w.createVM(call.text("name")!, vcpus: call.int("vcpus")!, mem: mem, os: call.choice("os", as: GuestOS.self)!,
                           host: call.text("host"), weight: call.int("weight")!, cap: call.number("cap")!)
        }
        return .none
    }

    /// The VM life cycle, for the commands that move along it.
    static let lifeCycle = """
        pending --place / vm set host=--> stopped --vm start--> running <--vm pause / vm resume--> paused
        running or paused --vm stop--> stopped;  host fail or a kernel panic --> crashed --vm restart [host=]--> running
        vm destroy removes a VM in any state. vm start and vm restart need the host up, powered on, with a
        hypervisor that accepts the guest OS, and memory for the running and paused VMs plus this one.
        """

    static let start = nameOnly("vm start", "Start a stopped VM (its host must be up, powered, and have memory for it)",
                                example: "vm start db1", kind: .vm, details: lifeCycle) { w, n throws(CoreError) in try w.startVM(n) }
    static let stop = nameOnly("vm stop", "Stop a running or paused VM (apps inside it end)",
                               example: "vm stop web1", kind: .vm, details: lifeCycle) { w, n throws(CoreError) in try w.stopVM(n) }
    static let pause = nameOnly("vm pause", "Pause a running VM (it keeps its memory)",
                                example: "vm pause web1", kind: .vm, details: lifeCycle) { w, n throws(CoreError) in try w.pauseVM(n) }
    static let resume = nameOnly("vm resume", "Resume a paused VM", example: "vm pause web1; vm resume web1",
                                 kind: .vm, details: lifeCycle) { w, n throws(CoreError) in try w.resumeVM(n) }
    static let destroy = nameOnly("vm destroy", "Remove a VM in any state, with the apps and JVMs inside it",
                                  example: "vm destroy db1", kind: .vm, details: lifeCycle) { w, n throws(CoreError) in try w.destroyVM(n) }

    static let restart = CommandSpec(
        "vm restart", summary: "Boot a crashed VM again, on its host or on another (host=)",
        example: "host fail pm1; vm restart web1 host=pm2",
        params: [.positional("name", .vm, "the crashed VM"), .option("host", .host, "restart it on this host")],
        mutates: true, details: lifeCycle
    ) { call in
        try call.change { (w: inout World) throws(CoreError) in try w.restartVM(call.text("name")!, host: call.text("host")) }
        return .none
    }

    static let set = CommandSpec(
        "vm set", summary: "Change a VM's load, dirty rate, writable working set, weight, cap, or a pending VM's host",
        example: "vm set web1 load=75% dirty-rate=2000pages/s wws=512M",
        params: [.positional("name", .vm, "the VM"),
                 .option("load", .fraction, "share of its vcpus kept busy (utilization, power)"),
                 .option("dirty-rate", .quantity(.pageRate), "pages dirtied per second (live migration)"),
                 .option("wws", .quantity(.information), "writable working set (default all of its memory)"),
                 .option("weight", .integer, "credit-scheduler weight"),
                 .option("cap", .fraction, "cap, % of one physical CPU (0 = uncapped)"),
                 .option("host", .host, "assign a pending VM to this host")],
        mutates: true,
        details: "All changes apply, or none. load drives utilization and power (report utilization); dirty-rate and wws "
            + "drive live migration (help vm migrate); weight and cap drive the credit scheduler (help vm create)."
    ) { call in
        let changes = VMChanges(load: call.number("load"), dirtyRate: call.quantity("dirty-rate"), wws: try call.bytes("wws"),
                                weight: call.int("weight"), cap: call.number("cap"), host: call.text("host"))
        guard call.arguments.count > 1 else {
            throw call.error(.value, "'vm set' needs at least one KEY=VALUE", hint: "e.g. vm set NAME load=50%")
        }
        try call.change { (w: inout World) throws(CoreError) in try w.setVM(call.text("name")!, changes) }
        return .none
    }

    static let info = query("vm info", "A VM's record: host (none while pending), state, vcpus, mem, os, load, …",
                            example: "vm info web1", kind: .vm, details: ServerRecords.vm.help) { w, name throws(CoreError) in
        ServerRecords.vm.record(try w.vmInfo(name))
    }

    static let list = CommandSpec(
        "vm list", summary: "Every VM's record, optionally only one host's or one state's",
        example: "vm list host=pm1 state=running",
        params: [.option("host", .host, "VMs assigned to this host"),
                 .option("state", .choice(of: VMState.self), "VMs in this state"),
                 .option("os", .choice(of: GuestOS.self), "VMs running this OS")],
        details: ServerRecords.vm.help
    ) { call in
        let filter = VMFilter(host: call.text("host"), state: call.choice("state", as: VMState.self), os: call.choice("os", as: GuestOS.self))
        return .list(try call.read { (w: World) throws(CoreError) in try w.vmList(filter) }.map { .record(ServerRecords.vm.record($0)) })
    }
}
