import VirtCore
import VirtLang

/// Core results as the records of CORE.md ("Records"), each declared once as a
/// field table: sizes as sizes, times as times, power in W, energy in J, booleans
/// as bools, absent values as `none`. Field names with a dash in the option
/// spelling use `_`.
enum ServerRecords {
    typealias F = FieldValue

    static let host = RecordSchema<HostInfo>([
        Field("name", "the host's name", core: true) { .string($0.name) },
        Field("cpus", "physical cores", core: true) { .int($0.cpus) },
        Field("mem", "physical memory", core: true) { F.size($0.mem) },
        Field("cpus_used", "vcpus of every assigned VM, any state", core: true) { .int($0.cpusUsed) },
        Field("mem_used", "memory of every assigned VM, any state", core: true) { F.size($0.memUsed) },
        Field("vt", "VT-x or AMD-V present", core: true) { .bool($0.vt) },
        Field("cpu", "intel or amd", core: true) { .string($0.cpu.rawValue) },
        Field("os", "the host's own OS", core: true) { .string($0.os.rawValue) },
        Field("state", "up or failed", core: true) { .string($0.state.rawValue) },
        Field("power", "on or off", core: true) { .string($0.power.rawValue) },
        Field("hypervisor", "the hypervisor's kind, or none", core: true) { F.text($0.hypervisor?.rawValue) },
        Field("vms", "every assigned VM, any state", core: true, link: true) { F.names($0.vms) },
        Field("rack", "rack label, or none", core: true) { F.text($0.rack) },
        Field("site", "site label, or none", core: true) { F.text($0.site) },
        Field("ghz", "clock rate, converting cycles to time") { .number($0.ghz) },
        Field("nics", "physical NICs (HOST.eth0, …)") { .int($0.nics) },
        Field("ip", "underlay address, or none") { F.text($0.ip) },
        Field("cpu_ratio", "vcpus allowed per core") { .number($0.cpuRatio) },
        Field("mem_ratio", "memory overcommit") { .number($0.memRatio) },
        Field("power_model", "linear or a SPECpower table") { .string($0.powerModel) },
        Field("utilization", "running VMs' load × vcpus / cpus") { .number($0.utilization) },
        Field("watts", "drawn now") { .quantity(.watts($0.watts)) },
    ])

    static let nic = RecordSchema<NICInfo>([
        Field("name", "HOST.ethN") { .string($0.name) },
        Field("host", "the host it belongs to", link: true) { .string($0.host) },
        Field("index", "N in ethN") { .int($0.index) },
    ])

    static let hypervisor = RecordSchema<HypervisorInfo>([
        Field("host", "the host it runs on", core: true) { .string($0.host) },
        Field("kind", "full, para, hardware or trap", core: true) { .string($0.kind.rawValue) },
        Field("paging", "shadow or nested (hardware only)", core: true) { .string($0.paging.rawValue) },
        Field("vmm_ring", "the VMM's ring; -1 is VMX root mode", core: true) { .int($0.vmmRing) },
        Field("guest_kernel_ring", "the guest kernel's ring", core: true) { .int($0.guestKernelRing) },
    ])

    static let cost = RecordSchema<CostEntry>([
        Field("key", "the cost's key (hypervisor set KEY=…)") { .string($0.key) },
        Field("value", "cycles per event now") { .number($0.value) },
        Field("default", "the default") { .number($0.defaultValue) },
        Field("source", "where the default comes from") { .string($0.source) },
    ])

    static let guestOS = RecordSchema<GuestOSInfo>([
        Field("name", "os= word") { .string($0.name) },
        Field("paravirtualized", "runs on a para hypervisor") { .bool($0.paravirtualized) },
        Field("bits", "16, 32 or 64") { .int($0.bits) },
        Field("family", "OS family") { .string($0.family) },
        Field("note", "what it is") { .string($0.note) },
    ])

    static let vm = RecordSchema<VMInfo>([
        Field("name", "the VM's name", core: true) { .string($0.name) },
        Field("host", "its host (none while pending)", core: true, link: true) { F.text($0.host) },
        Field("state", "pending, stopped, running, paused or crashed", core: true) { .string($0.state.rawValue) },
        Field("vcpus", "virtual CPUs", core: true) { .int($0.vcpus) },
        Field("mem", "memory", core: true) { F.size($0.mem) },
        Field("os", "guest OS", core: true) { .string($0.os.rawValue) },
        Field("load", "fraction of its vcpus kept busy", core: true) { .number($0.load) },
        Field("volumes", "attached volumes", core: true) { F.names($0.volumes) },
        Field("nics", "vNICs", core: true) { F.names($0.nics) },
        Field("weight", "credit-scheduler weight") { .int($0.weight) },
        Field("cap", "CPU cap as a fraction of one CPU; 0 uncapped") { .number($0.cap) },
        Field("dirty_rate", "pages dirtied per second") { .quantity($0.dirtyRate, .pageRate) },
        Field("wws", "writable working set") { F.size($0.wws) },
        Field("migrating", "the job id of a migration in flight, or none") { F.int($0.migrating) },
        Field("crash_reason", "why it crashed, or none") { F.text($0.crashReason) },
    ])

    static let run = RecordSchema<RunResult>([
        Field("cycles", "cycles under the technique", core: true) { .number($0.cycles) },
        Field("native_cycles", "cycles on bare metal", core: true) { .number($0.nativeCycles) },
        Field("overhead", "cycles / native_cycles", core: true) { .number($0.overhead) },
        Field("traps", "privileged operations trapped", core: true) { .int($0.traps) },
        Field("exits", "VM exits", core: true) { .int($0.exits) },
        Field("translations", "kernel blocks translated", core: true) { .int($0.translations) },
        Field("hypercalls", "hypercalls made", core: true) { .int($0.hypercalls) },
        Field("violations", "sensitive operations that did the wrong thing", core: true) { .int($0.violations) },
        Field("time", "cycles at the host's clock rate") { F.seconds($0.seconds) },
        Field("mode", "the technique") { .string($0.mode) },
    ])

    static let app = RecordSchema<AppInfo>([
        Field("name", "the app's name", core: true) { .string($0.name) },
        Field("target", "where it runs", core: true, link: true) { .string($0.target) },
        Field("kind", "web, db, batch, cpu-hog, mem-hog, fork-bomb or panic", core: true) { .string($0.kind.rawValue) },
        Field("state", "running, degraded or killed", core: true) { .string($0.state.rawValue) },
        Field("throughput", "fraction of its CPU demand granted", core: true) { .number($0.throughput) },
        Field("threads", "runnable threads") { .int($0.threads) },
        Field("reason", "why it was killed, or none") { F.text($0.killReason) },
    ])

    static let appKind = RecordSchema<AppKindInfo>([
        Field("kind", "kind= word") { .string($0.kind) },
        Field("threads", "default threads") { .int($0.threads) },
        Field("cpu_per_thread", "CPU each thread demands") { .number($0.cpuPerThread) },
        Field("memory", "memory it demands") { $0.memory.map(F.size) ?? .string("all") },
        Field("summary", "what it does") { .string($0.summary) },
    ])

    static let form = RecordSchema<FormInfo>([
        Field("name", "its name") { .string($0.name) },
        Field("kind", "jail, uml, colinux or jvm") { .string($0.kind.rawValue) },
        Field("on", "the host or target it runs on", link: true) { .string($0.on) },
        Field("state", "running or crashed") { .string($0.state) },
        Field("mem", "its memory (0 for a jail)") { F.size($0.mem) },
        Field("runs", "what it runs") { .string($0.runs) },
        Field("crash_reason", "why it crashed, or none") { F.text($0.crashReason) },
    ])

    static let comparison = RecordSchema<ComparisonRow>([
        Field("form", "the form of virtualization") { .string($0.form) },
        Field("syscall_overhead", "overhead of a syscall-heavy run") { .number($0.syscallOverhead) },
        Field("panic_kills_host", "a guest panic takes the host down") { .bool($0.panicTakesDownHost) },
        Field("panic_kills_neighbours", "a guest panic takes neighbours down") { .bool($0.panicTakesDownNeighbours) },
        Field("startup", "start-up time") { F.seconds($0.startupSeconds) },
        Field("guest_oses", "OSes it can run") { F.names($0.guestOSes) },
    ])

    static let placement = RecordSchema<PlacementResult>([
        Field("placements", "vm and host of each VM placed") { r in
            .list(r.placements.map { .record(Record([("vm", .string($0.vm)), ("host", .string($0.host))])) })
        },
        Field("unplaced", "vm and reason of each VM left pending") { r in
            .list(r.unplaced.map { .record(Record([("vm", .string($0.vm)), ("reason", .string($0.reason))])) })
        },
    ])

    static let consolidation = RecordSchema<ConsolidationResult>([
        Field("moves", "vm, from, to, mode, time and downtime of each move") { c in
            .list(c.moves.map { m in
                .record(Record([("vm", .string(m.vm)), ("from", .string(m.from)), ("to", .string(m.to)),
                                ("mode", .string(m.migration.mode.rawValue)), ("time", F.seconds(m.migration.totalTime)),
                                ("downtime", F.seconds(m.migration.downtime))]))
            })
        },
        Field("powered_off", "hosts powered off") { F.names($0.poweredOff) },
        Field("time", "time the moves took") { F.seconds($0.time) },
    ])

    static let utilization = RecordSchema<HostUtilization>([
        Field("host", "the host") { .string($0.host) },
        Field("utilization", "running VMs' load × vcpus / cpus") { .number($0.utilization) },
        Field("watts", "drawn now") { .quantity(.watts($0.watts)) },
        Field("power", "on or off") { .string($0.power.rawValue) },
        Field("bar", "utilization as a bar") { F.bar($0.utilization) },
    ])

    static let energy = RecordSchema<EnergyReport>([
        Field("power", "watts drawn now", core: true) { .quantity(.watts($0.power)) },
        Field("energy", "accumulated since reset", core: true) { .quantity(.joules($0.energy)) },
        Field("hosts_on", "powered-on hosts, with or without VMs", core: true) { .int($0.hostsOn) },
        Field("over", "the projection's duration, or none") { $0.over.map(F.seconds) ?? .none },
        Field("projected", "energy over that duration at today's power, or none") { $0.projected.map { .quantity(.joules($0)) } ?? .none },
    ])

    static let migration = RecordSchema<MigrationRecord>([
        Field("mode", "precopy, postcopy or cold", core: true) { .string($0.mode.rawValue) },
        Field("rounds", "round, pages, time, dirtied per round (the stop-and-copy last)", core: true) { m in
            let most = m.rounds.map(\.pages).max() ?? 0
            return .list(m.rounds.map { r in
                .record(Record([("round", .int(r.round)), ("pages", .int(r.pages)), ("time", F.seconds(r.time)),
                                ("dirtied", .int(r.dirtied)),
                                ("bar", F.bar(most > 0 ? Double(r.pages) / Double(most) : 0))]))
            })
        },
        Field("total_time", "start to running on the destination", core: true) { F.seconds($0.totalTime) },
        Field("downtime", "time the VM did not run", core: true) { F.seconds($0.downtime) },
        Field("bytes", "bytes sent", core: true) { F.size($0.bytes) },
        Field("vm", "the VM") { .string($0.vm) },
        Field("from", "the source host") { .string($0.from) },
        Field("to", "the destination host") { .string($0.to) },
        Field("job", "the job id with async=yes, or none") { F.int($0.job) },
    ])
}
