import VirtCore
import VirtLang

/// CORE.md 1, "Isolation": `app run|stop|info|list`.
enum ServerApps {
    static let all: [CommandSpec] = [run, stop, info, list]

    static let run = CommandSpec(
        "app run", summary: "Run an app on a host's own OS, in a VM, a jail, UML, coLinux or a JVM",
        example: "app run cache on=web1 kind=db",
        params: [.positional("name", .text, "the new app's name"),
                 .option("on", .target, "where it runs: a host without hypervisor, a running VM, a jail, …", required: true),
                 .option("kind", .choice(of: AppKind.self), "what it does (below)", required: true),
                 .option("threads", .integer, "runnable threads (default per kind)")],
        mutates: true, details: demandTable
    ) { call in
        try call.change { (w: inout World) throws(CoreError) in
            try w.runApp(call.text("name")!, on: call.text("on")!, kind: call.choice("kind", as: AppKind.self)!,
                         threads: call.int("threads"))
        }
        return .none
    }

    /// The app kinds and their demands, for `help app run`.
    static let demandTable: String = {
        let width = AppKind.allCases.map(\.rawValue.count).max() ?? 0
        let rows = AppKind.table.map { k in
            let memory = k.memory.map { Quantity.bytes(Double($0)).description } ?? "all"
            return "  \(k.kind.padded(width))  \(String(k.threads).padded(7))  \(NumberFormat.format(k.cpuPerThread).padded(10))  \(memory.padded(7))  \(k.summary)"
        }
        return (["Demands (estimates chosen to make isolation visible):",
                 "  \("kind".padded(width))  threads  cpu/thread  memory   what it does"] + rows
            + ["Under one OS, CPU is shared fairly among runnable threads; between VMs, the credit scheduler shares",
               "a host's cores by weight within each VM's cap. throughput = fraction of its CPU demand granted (0–1),",
               "halved while its memory is exhausted; state is running (all granted), degraded, or killed."])
            .joined(separator: "\n")
    }()

    static let stop = nameOnly("app stop", "Stop an app and remove it", example: "app stop shop",
                               kind: .app, details: demandTable) { w, n throws(CoreError) in try w.stopApp(n) }

    static let info = query("app info", "An app's record: target, kind, state (running, degraded, killed), throughput",
                            example: "app info shop", kind: .app, details: demandTable) { w, name throws(CoreError) in
        ServerRecords.app.record(try w.appInfo(name))
    }

    static let list = CommandSpec(
        "app list", summary: "Every app's record, optionally only those on one target",
        example: "app list on=web1", params: [.option("on", .target, "apps running there")], details: demandTable
    ) { call in
        .list(call.world.appList(on: call.text("on")).map { .record(ServerRecords.app.record($0)) })
    }
}
