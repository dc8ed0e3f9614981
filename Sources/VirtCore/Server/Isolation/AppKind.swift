/// What an app demands of the OS it runs on (`help app run` shows this table).
/// The figures are estimates chosen to make the isolation lessons visible.
public enum AppKind: String, Codable, Sendable, CaseIterable {
    case web, db, batch
    case cpuHog = "cpu-hog"
    case memHog = "mem-hog"
    case forkBomb = "fork-bomb"
    case panic

    /// Runnable threads (processes) by default; `threads=N` overrides.
    public var defaultThreads: Int {
        switch self {
        case .db: 2
        case .cpuHog: 8
        // Linux's default pid_max: a fork bomb fills the process table.
        case .forkBomb: 32_768
        case .panic: 0
        default: 1
        }
    }

    /// CPU each thread wants, as a fraction of one CPU.
    public var cpuPerThread: Double {
        switch self {
        case .web, .db: 0.5
        case .batch, .cpuHog, .forkBomb: 1
        case .memHog: 0.1
        case .panic: 0
        }
    }

    /// Memory the app needs in bytes; a mem-hog grows until memory is exhausted (nil).
    public var memory: Int64? {
        switch self {
        case .web: 256 << 20
        case .db: 1 << 30
        case .batch: 512 << 20
        case .cpuHog: 64 << 20
        case .memHog: nil
        case .forkBomb, .panic: 0
        }
    }

    /// What the app does, for help.
    public var summary: String {
        switch self {
        case .web: "a web server: one thread at half a CPU, 256 MiB"
        case .db: "a database: two threads at half a CPU each, 1 GiB"
        case .batch: "a batch job: one thread at a full CPU, 512 MiB"
        case .cpuHog: "spins 8 threads (threads=N) at a full CPU each, starving single-threaded neighbours"
        case .memHog: "allocates until memory is exhausted: the OS kills the largest other process and the rest page"
        case .forkBomb: "forks until the process table (32,768 entries) is full: every app's CPU share collapses"
        case .panic: "crashes the kernel it runs on: every app on that OS dies"
        }
    }

    /// The demand table as records (`help app run`).
    public static var table: [AppKindInfo] {
        allCases.map { AppKindInfo(kind: $0.rawValue, threads: $0.defaultThreads, cpuPerThread: $0.cpuPerThread,
                                   memory: $0.memory, summary: $0.summary) }
    }
}

/// One row of the app demand table.
public struct AppKindInfo: Codable, Equatable, Sendable {
    public var kind: String
    public var threads: Int
    public var cpuPerThread: Double
    /// Bytes; nil for "all there is".
    public var memory: Int64?
    public var summary: String
}
