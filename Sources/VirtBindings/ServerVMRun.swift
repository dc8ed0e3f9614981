import VirtCore
import VirtLang

/// CORE.md 1, "Executing guest code": `vm run NAME workload=W [ops=N] [warm=yes]` or `program="..."`.
enum ServerVMRun {
    static let all: [CommandSpec] = [run]

    static let run = CommandSpec(
        "vm run", summary: "Run a workload or a guest program in a running VM: cycles, overhead, traps, exits, violations",
        example: "vm run web1 workload=forkwait",
        params: [.positional("name", .vm, "a running VM"),
                 .option("workload", .choice(of: Workload.self), "a built-in mix (below)"),
                 .option("program", .text, "guest operations separated by ';', as \"user 1000; syscall; popf\""),
                 .option("ops", .integer, "iterations: a workload runs \(Workload.defaultOps) unless given, a program once"),
                 .option("warm", .bool, "keep the translation cache of the previous run (binary translation)", default: .bool(false))],
        mutates: true, details: details
    ) { call in
        let name = call.text("name")!, warm = call.bool("warm")!
        let ops = try call.int("ops", in: 1...1_000_000_000)
        let result: RunResult
        switch (call.choice("workload", as: Workload.self), call.text("program")) {
        case (let workload?, nil):
            result = try call.change { (w: inout World) throws(CoreError) in try w.runWorkload(vm: name, workload, ops: ops ?? Workload.defaultOps, warm: warm) }
        case (nil, let text?):
            let program = try GuestProgram.parse(text)
            result = try call.change { (w: inout World) throws(CoreError) in try w.runProgram(vm: name, program, repeat: ops ?? 1, warm: warm) }
        case (nil, nil):
            throw call.error(.value, "'vm run' needs workload= or program=", hint: "e.g. vm run \(name) workload=compute")
        case (_?, _?):
            throw call.error(.value, "'vm run' takes workload= or program=, not both", at: "program")
        }
        return .record(ServerRecords.run.record(result))
    }

    /// The operations and the workload mixes, for `help vm run`.
    static let details: String = {
        var lines = ["Operations: " + GuestOp.keywords.joined(separator: ", ") + ".",
                     "A program runs once unless ops=N repeats it.",
                     "Workloads (one iteration each; ops=N runs N, default \(Workload.defaultOps)):"]
        let width = Workload.allCases.map(\.rawValue.count).max() ?? 0
        for workload in Workload.allCases {
            lines.append("  \(workload.rawValue.padded(width))  \(workload.summary)")
            lines.append("  \("".padded(width))    \(workload.program.text)")
        }
        lines += ["Mechanisms: trap — privileged operations trap and are emulated; popf, pushf, sgdt and smsw in ring 1",
                  "misbehave silently (violations). full — kernel code is translated once per run (cold unless warm=yes),",
                  "sensitive operations become callouts, system calls need VMM intervention. para — hypercalls, page-table",
                  "updates batched. hardware — system calls native, sensitive operations exit; paging=shadow exits on",
                  "page-table writes and address-space switches, paging=nested does not but TLB misses walk two levels.",
                  "The record: cycles, native_cycles, overhead (cycles / native_cycles), traps, exits, translations,",
                  "hypercalls, violations, time (at the host's clock rate) and mode. Costs: hypervisor costs HOST."]
        return lines.joined(separator: "\n")
    }()
}
