/// `compare`: the same small experiments on every form of virtualization, each
/// run on a scratch world with the real model (nothing here is a fixed table).
extension World {
    /// One row per form: VMs under full, para, hardware (shadow and nested)
    /// hypervisors, a FreeBSD jail, User-Mode Linux, coLinux and a JVM.
    public static func compareForms() -> [ComparisonRow] {
        var rows = [HypervisorKind.full, .para, .hardware].flatMap { kind in
            kind == .hardware ? [Paging.shadow, .nested].map { vmRow(kind, $0) } : [vmRow(kind, .shadow)]
        }
        rows += FormKind.allCases.map(formRow)
        return rows
    }

    private static let ghz = HostDefaults.ghz
    private static let gib: Int64 = 1 << 30

    private static func vmRow(_ kind: HypervisorKind, _ paging: Paging) -> ComparisonRow {
        let os: GuestOS = kind == .para ? .linuxPV : .linux
        func world() -> World {
            var w = World()
            try! w.addHost("h", cpus: 8, mem: 64 * gib)
            try! w.installHypervisor(on: "h", kind: kind, paging: paging)
            for name in ["g1", "g2"] {
                try! w.createVM(name, vcpus: 2, mem: 4 * gib, os: os, host: "h")
                try! w.startVM(name)
            }
            return w
        }
        var w = world()
        let syscall = try! w.runWorkload(vm: "g1", .syscallHeavy).overhead
        let boot = try! w.runWorkload(vm: "g2", .boot).seconds
        try! w.runApp("victim", on: "g2", kind: .web)
        try! w.runApp("host-side", on: "g1", kind: .web)
        try! w.runApp("crash", on: "g1", kind: .panic)
        let oses = GuestOS.allCases.filter { os in
            var trial = world()
            return (try? trial.createVM("t", vcpus: 1, mem: gib, os: os, host: "h")) != nil && (try? trial.startVM("t")) != nil
        }.map(\.rawValue)
        let name = kind == .hardware ? "vm (hardware, \(paging.rawValue) paging)" : "vm (\(kind.rawValue))"
        return ComparisonRow(form: name, syscallOverhead: syscall,
                             panicTakesDownHost: w.hosts["h"]!.state == .failed,
                             panicTakesDownNeighbours: w.apps["victim"]!.killed,
                             startupSeconds: boot, guestOSes: oses)
    }

    private static func formRow(_ kind: FormKind) -> ComparisonRow {
        let hostOS: HostOS = switch kind {
        case .jail: .freebsd
        case .colinux: .windows
        default: .linux
        }
        var w = World()
        try! w.addHost("h", cpus: 8, mem: 64 * gib, os: hostOS)
        try! w.createForm("f1", kind: kind, on: "h")
        if kind != .colinux { try! w.createForm("f2", kind: kind, on: "h") }
        let mode: ExecutionMode = switch kind {
        case .jail: .native
        case .uml: .uml
        case .colinux: .colinux
        case .jvm: .jvm
        }
        // A jail or a JVM starts as a process; UML and coLinux boot a kernel.
        let startup: Workload = kind == .jail || kind == .jvm ? .spawn : .boot
        let startOps = kind == .jvm ? 10 : kind == .jail ? 1 : Workload.defaultOps
        let syscall = try! World.execute(Workload.syscallHeavy.program, mode: mode, costs: CostTable(), ghz: ghz,
                                         repeat: Workload.defaultOps).result.overhead
        let boot = try! World.execute(startup.program, mode: mode, costs: CostTable(), ghz: ghz, repeat: startOps).result.seconds
        try! w.runApp("host-side", on: "h", kind: .web)
        if kind != .colinux { try! w.runApp("victim", on: "f2", kind: .web) }
        try! w.runApp("crash", on: "f1", kind: .panic)
        let neighbour = kind == .colinux ? "host-side" : "victim"
        let oses: [String] = kind == .jvm ? [] : HostOS.allCases.filter { os in
            var trial = World()
            try! trial.addHost("h", cpus: 1, mem: gib, os: os)
            return (try? trial.createForm("t", kind: kind, on: "h")) != nil
        }.map { kind == .jail ? $0.rawValue : "linux" }
        return ComparisonRow(form: kind.rawValue, syscallOverhead: syscall,
                             panicTakesDownHost: w.hosts["h"]!.state == .failed,
                             panicTakesDownNeighbours: w.apps[neighbour]!.killed,
                             startupSeconds: boot, guestOSes: oses)
    }
}

/// One row of `compare`.
public struct ComparisonRow: Codable, Equatable, Sendable {
    /// "vm (full)", "jail", "uml", …
    public var form: String
    /// `syscall-heavy` cycles over native.
    public var syscallOverhead: Double
    /// A kernel panic inside the form brings its host down.
    public var panicTakesDownHost: Bool
    /// A kernel panic inside the form kills apps in a neighbouring instance (or, for coLinux, on the host).
    public var panicTakesDownNeighbours: Bool
    /// Virtual seconds to start: a kernel boot, or a process start for jails and JVMs.
    public var startupSeconds: Double
    /// Guest operating systems it can run (a JVM runs bytecode, not an OS).
    public var guestOSes: [String]
}
