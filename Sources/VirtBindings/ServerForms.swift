import VirtCore
import VirtLang

/// CORE.md 1, "Other forms of virtualization": `jail|uml|colinux|jvm create|info|list|destroy`, and `compare`.
enum ServerForms {
    static let all: [CommandSpec] = FormKind.allCases.flatMap(commands) + [compare]

    /// What each form is and where it runs, for its help.
    static func about(_ kind: FormKind) -> (summary: String, on: ParamType, example: String) {
        switch kind {
        case .jail: ("Create a FreeBSD jail on a freebsd host: shares the host kernel, cheap to start", .host, "jail create j1 on=bsd1")
        case .uml: ("Create a User-Mode Linux instance: a Linux kernel as a process of a linux host", .host, "uml create u1 on=lnx1")
        case .colinux: ("Create a Cooperative Linux instance beside the kernel of a windows host", .host, "colinux create c1 on=win1")
        case .jvm: ("Create a JVM: a process VM running portable bytecode on any running OS", .target, "jvm create jv1 on=web1")
        }
    }

    /// The forms side by side, for their help.
    static let formsTable = """
        form     runs on                                  guest                isolation
        jail     a freebsd host (shares its kernel)       freebsd processes    a kernel panic takes the host and all jails down
        uml      a linux host, as a process               a Linux kernel       its system calls cost host system calls
        colinux  a windows host, beside its kernel        a Linux kernel       runs in ring 0: a panic takes the host down
        jvm      any running OS (host, VM, jail, …)       portable bytecode    a process VM, not a machine
        Their record: name, kind, on, state (running, crashed), mem, runs, crash_reason. Measured side by side: compare.
        """

    static func commands(_ kind: FormKind) -> [CommandSpec] {
        let noun = kind.rawValue, (summary, on, example) = about(kind)
        let objectKind = ParamType.object(kind.objectKind)
        var createParams: [Param] = [.positional("name", .text, "the new \(noun)'s name"),
                                     .option("on", on, kind == .jvm ? "a host without hypervisor, a running VM, a jail, UML or coLinux" : "the host", required: true)]
        if kind != .jail {
            createParams.append(.option("mem", .quantity(.information), kind == .jvm ? "heap" : "guest memory",
                                        default: .quantity(.bytes(Double(kind.defaultMem)))))
        }
        let create = CommandSpec("\(noun) create", summary: summary, example: example, params: createParams, mutates: true,
                                 details: formsTable) { call in
            let mem = try call.bytes("mem")
            try call.change { (w: inout World) throws(CoreError) in
                try w.createForm(call.text("name")!, kind: kind, on: call.text("on")!, mem: mem)
            }
            return .none
        }
        let name = example.split(separator: " ")[2]
        let info = query("\(noun) info", "A \(noun)'s record: where it runs, state, memory, what it runs",
                         example: "\(example); \(noun) info \(name)", kind: objectKind, details: formsTable) { w, n throws(CoreError) in
            ServerRecords.form.record(try w.formInfo(try checked(w, n, is: kind)))
        }
        let destroy = nameOnly("\(noun) destroy", "Destroy a \(noun) with everything running inside it",
                               example: "\(example); \(noun) destroy \(name)", kind: objectKind,
                               details: formsTable) { w, n throws(CoreError) in
            try w.destroyForm(try checked(w, n, is: kind))
        }
        let list = CommandSpec("\(noun) list", summary: "Every \(noun)'s record", example: "\(example); \(noun) list",
                               details: formsTable) { call in
            .list(call.world.formList(kind: kind).map { .record(ServerRecords.form.record($0)) })
        }
        return [create, info, list, destroy]
    }

    /// The name, when it names a form of `kind` (or nothing at all: the core then says so).
    static func checked(_ world: World, _ name: String, is kind: FormKind) throws(CoreError) -> String {
        if let actual = world.kind(of: name), actual != kind.objectKind {
            throw CoreError(.name, "'\(name)' is \(actual.aNoun), not \(kind.objectKind.aNoun)",
                            hint: "\(actual.name) info \(name)", at: "name")
        }
        return name
    }

    static let compare = CommandSpec(
        "compare", summary: "Run the same experiments on every form of virtualization and show them side by side",
        example: "compare",
        details: "Each row comes from running the model on a scratch world: a syscall-heavy run (overhead over native), "
            + "a kernel panic inside one instance (does it take down the host? a neighbour?), start-up time "
            + "(an OS boot, or a process start for jails and JVMs), and which guest OSes it can run. "
            + "In a script compare prints the table and returns the rows; at the REPL the rows are shown once."
    ) { call in
        let rows = World.compareForms().map { Value.record(ServerRecords.comparison.record($0)) }
        if !call.echoesValues { call.interpreter.output(.text(TableFormat.render(.list(rows)))) }
        return .list(rows)
    }
}
