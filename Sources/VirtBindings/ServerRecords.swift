import VirtCore
import VirtLang

/// Core results as the records and lists of CORE.md ("Records"): sizes as
/// sizes, times as times, power in W, energy in J, booleans as bools, absent
/// values as `none`. Field names with a dash in the option spelling use `_`.
enum ServerRecords {
    static func size(_ bytes: Int64) -> Value { .quantity(.bytes(Double(bytes))) }
    static func seconds(_ s: Double) -> Value { .quantity(.seconds(s)) }
    static func text(_ s: String?) -> Value { s.map(Value.string) ?? .none }
    static func names(_ xs: [String]) -> Value { .list(xs.map(Value.string)) }
    /// A bar drawn inside a record (`report utilization`, migration rounds): the REPL
    /// shows it as a column of the table; a script sees it only if it prints the value.
    static func bar(_ fraction: Double) -> Value { .string(Inspection.progressBar(fraction.isFinite ? fraction : 0)) }

    static func host(_ h: HostInfo) -> Record {
        Record([("name", .string(h.name)), ("cpus", .int(h.cpus)), ("mem", size(h.mem)),
                ("cpus_used", .int(h.cpusUsed)), ("mem_used", size(h.memUsed)), ("vt", .bool(h.vt)),
                ("cpu", .string(h.cpu.rawValue)), ("os", .string(h.os.rawValue)), ("state", .string(h.state.rawValue)),
                ("power", .string(h.power.rawValue)), ("hypervisor", text(h.hypervisor?.rawValue)),
                ("vms", names(h.vms)), ("rack", text(h.rack)), ("site", text(h.site)),
                ("ghz", .number(h.ghz)), ("nics", .int(h.nics)), ("ip", text(h.ip)),
                ("cpu_ratio", .number(h.cpuRatio)), ("mem_ratio", .number(h.memRatio)),
                ("power_model", .string(h.powerModel)), ("utilization", .number(h.utilization)),
                ("watts", .quantity(.watts(h.watts)))])
    }

    static func hypervisor(_ h: HypervisorInfo) -> Record {
        Record([("host", .string(h.host)), ("kind", .string(h.kind.rawValue)), ("paging", .string(h.paging.rawValue)),
                ("vmm_ring", .int(h.vmmRing)), ("guest_kernel_ring", .int(h.guestKernelRing))])
    }

    static func cost(_ c: CostEntry) -> Record {
        Record([("key", .string(c.key)), ("value", .number(c.value)), ("default", .number(c.defaultValue)),
                ("source", .string(c.source))])
    }

    static func guestOS(_ o: GuestOSInfo) -> Record {
        Record([("name", .string(o.name)), ("paravirtualized", .bool(o.paravirtualized)), ("bits", .int(o.bits)),
                ("family", .string(o.family)), ("note", .string(o.note))])
    }

    static func vm(_ v: VMInfo) -> Record {
        Record([("name", .string(v.name)), ("host", text(v.host)), ("state", .string(v.state.rawValue)),
                ("vcpus", .int(v.vcpus)), ("mem", size(v.mem)), ("os", .string(v.os.rawValue)),
                ("load", .number(v.load)), ("volumes", names(v.volumes)), ("nics", names(v.nics)),
                ("weight", .int(v.weight)), ("cap", .number(v.cap)),
                ("dirty_rate", .quantity(v.dirtyRate, .pageRate)), ("wws", size(v.wws)),
                ("migrating", v.migrating.map(Value.int) ?? .none), ("crash_reason", text(v.crashReason)),
                ("last_migration", text(v.lastMigration?.rawValue)), ("last_downtime", v.lastDowntime.map(seconds) ?? .none)])
    }

    static func run(_ r: RunResult) -> Record {
        Record([("cycles", .number(r.cycles)), ("native_cycles", .number(r.nativeCycles)),
                ("overhead", .number(r.overhead)), ("traps", .int(r.traps)), ("exits", .int(r.exits)),
                ("translations", .int(r.translations)), ("hypercalls", .int(r.hypercalls)),
                ("violations", .int(r.violations)), ("time", seconds(r.seconds)), ("mode", .string(r.mode))])
    }

    static func app(_ a: AppInfo) -> Record {
        Record([("name", .string(a.name)), ("target", .string(a.target)), ("kind", .string(a.kind.rawValue)),
                ("state", .string(a.state.rawValue)), ("throughput", .number(a.throughput)),
                ("threads", .int(a.threads)), ("reason", text(a.killReason))])
    }

    static func appKind(_ k: AppKindInfo) -> Record {
        Record([("kind", .string(k.kind)), ("threads", .int(k.threads)), ("cpu_per_thread", .number(k.cpuPerThread)),
                ("memory", k.memory.map(size) ?? .string("all")), ("summary", .string(k.summary))])
    }

    static func form(_ f: FormInfo) -> Record {
        Record([("name", .string(f.name)), ("kind", .string(f.kind.rawValue)), ("on", .string(f.on)),
                ("state", .string(f.state)), ("mem", size(f.mem)), ("runs", .string(f.runs)),
                ("crash_reason", text(f.crashReason))])
    }

    static func comparison(_ c: ComparisonRow) -> Record {
        Record([("form", .string(c.form)), ("syscall_overhead", .number(c.syscallOverhead)),
                ("panic_kills_host", .bool(c.panicTakesDownHost)),
                ("panic_kills_neighbours", .bool(c.panicTakesDownNeighbours)),
                ("startup", seconds(c.startupSeconds)), ("guest_oses", names(c.guestOSes))])
    }

    static func placement(_ p: PlacementResult) -> Record {
        Record([("placements", .list(p.placements.map { .record(Record([("vm", .string($0.vm)), ("host", .string($0.host))])) })),
                ("unplaced", .list(p.unplaced.map { .record(Record([("vm", .string($0.vm)), ("reason", .string($0.reason))])) }))])
    }

    static func consolidation(_ c: ConsolidationResult) -> Record {
        let moves = c.moves.map { m in
            Value.record(Record([("vm", .string(m.vm)), ("from", .string(m.from)), ("to", .string(m.to)),
                                 ("mode", .string(m.migration.mode.rawValue)), ("time", seconds(m.migration.totalTime)),
                                 ("downtime", seconds(m.migration.downtime))]))
        }
        return Record([("moves", .list(moves)), ("powered_off", names(c.poweredOff)), ("time", seconds(c.time))])
    }

    static func utilization(_ u: HostUtilization) -> Record {
        Record([("host", .string(u.host)), ("utilization", .number(u.utilization)),
                ("watts", .quantity(.watts(u.watts))), ("power", .string(u.power.rawValue)),
                ("bar", bar(u.utilization))])
    }

    static func energy(_ e: EnergyReport) -> Record {
        Record([("power", .quantity(.watts(e.power))), ("energy", .quantity(.joules(e.energy))),
                ("hosts_on", .int(e.hostsOn)), ("over", e.over.map(seconds) ?? .none),
                ("projected", e.projected.map { .quantity(.joules($0)) } ?? .none)])
    }

    static func migration(_ m: MigrationRecord) -> Record {
        let most = m.rounds.map(\.pages).max() ?? 0
        let rounds = m.rounds.map { r in
            Value.record(Record([("round", .int(r.round)), ("pages", .int(r.pages)), ("time", seconds(r.time)),
                                 ("dirtied", .int(r.dirtied)),
                                 ("bar", bar(most > 0 ? Double(r.pages) / Double(most) : 0))]))
        }
        return Record([("mode", .string(m.mode.rawValue)), ("rounds", .list(rounds)), ("total_time", seconds(m.totalTime)),
                       ("downtime", seconds(m.downtime)), ("bytes", size(m.bytes)), ("vm", .string(m.vm)),
                       ("from", .string(m.from)), ("to", .string(m.to)), ("job", m.job.map(Value.int) ?? .none)])
    }
}
