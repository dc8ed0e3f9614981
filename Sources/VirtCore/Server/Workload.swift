/// Built-in guest workloads: fixed mixes standing for what the real benchmark
/// does. Each is one iteration; `ops=N` runs N iterations (default 100).
public enum Workload: String, Codable, Sendable, CaseIterable {
    /// CPU-bound work (SPECint-like): a million user instructions between timer
    /// ticks, and a tick's kernel work (interrupt flag, one context switch, a fault, a syscall).
    case compute
    /// A system-call loop (lmbench null call, getpid): little user work per syscall.
    case syscallHeavy = "syscall-heavy"
    /// Disk or network I/O: syscalls into drivers that touch devices, with
    /// interrupts masked around device access (pushf; cli; …; popf).
    case ioHeavy = "io-heavy"
    /// Adams & Agesen's forkwait: a process is forked and waited for — page-table
    /// copying (many page-table writes), address-space switches and copy-on-write faults.
    case forkwait
    /// A kernel build: compiler processes doing user work, file syscalls,
    /// page faults and page-table writes from process creation, some I/O.
    case compile
    /// A web server (SPECweb-like): request syscalls, network I/O, context switches.
    case web
    /// An OS boot (used by `compare` for start-up time): device probing,
    /// building page tables, faulting in the kernel and init, a million instructions of setup.
    case boot
    /// A process start (fork and exec of a program): used for jails and JVMs.
    case spawn

    /// What the mix stands for, for `help vm run`.
    public var summary: String {
        switch self {
        case .compute: "CPU-bound work between timer ticks"
        case .syscallHeavy: "a tight system-call loop (lmbench null call)"
        case .ioHeavy: "driver I/O with interrupts masked around device access"
        case .forkwait: "process creation and wait (Adams & Agesen): page-table writes, switches, faults"
        case .compile: "a kernel build: compilers, file syscalls, process creation"
        case .web: "a web server: request syscalls, network I/O, context switches"
        case .boot: "an OS boot: device probing, page-table building, faulting in"
        case .spawn: "a process start: fork and exec"
        }
    }

    /// The default number of iterations.
    public static let defaultOps = 100

    /// One iteration of the mix.
    public var program: GuestProgram {
        switch self {
        case .compute:
            GuestProgram([(.user(1_000_000), 1), (.cli, 1), (.sti, 1), (.movCR3, 1), (.pageFault, 1), (.syscall, 1)])
        case .syscallHeavy:
            GuestProgram([(.user(100), 1), (.syscall, 1)])
        case .ioHeavy:
            GuestProgram([(.user(2_000), 1), (.syscall, 1), (.pushf, 1), (.cli, 1), (.io, 4), (.popf, 1), (.sti, 1)])
        case .forkwait:
            GuestProgram([(.user(500), 1), (.syscall, 1), (.pteWrite, 40), (.movCR3, 1), (.pageFault, 10),
                          (.syscall, 2), (.movCR3, 1)])
        case .compile:
            GuestProgram([(.user(50_000), 1), (.syscall, 5), (.pageFault, 5), (.pteWrite, 5), (.movCR3, 1), (.io, 1)])
        case .web:
            GuestProgram([(.user(10_000), 1), (.syscall, 6), (.pushf, 1), (.cli, 1), (.io, 2), (.popf, 1), (.sti, 1), (.movCR3, 1)])
        case .boot:
            GuestProgram([(.user(1_000_000), 1), (.io, 200), (.pteWrite, 500), (.pageFault, 200), (.movCR3, 10),
                          (.syscall, 50), (.cli, 20), (.sti, 20), (.hlt, 1)])
        case .spawn:
            GuestProgram([(.syscall, 20), (.pteWrite, 40), (.movCR3, 2), (.pageFault, 50), (.user(1_000_000), 1)])
        }
    }
}
