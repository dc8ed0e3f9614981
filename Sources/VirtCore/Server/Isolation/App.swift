/// An application process running on a host's OS, in a VM, or in another form.
struct App: Codable, Equatable, Sendable {
    var name: String
    var target: String
    var kind: AppKind
    var threads: Int
    var killed = false
    var killReason: String?
}

/// An app's state: `running` while granted all it demands, `degraded` when less, `killed`.
public enum AppState: String, Codable, Sendable, CaseIterable { case running, degraded, killed }

/// `app info`.
public struct AppInfo: Codable, Equatable, Sendable {
    public var name: String
    public var target: String
    public var kind: AppKind
    public var threads: Int
    public var state: AppState
    /// Fraction of its CPU demand granted, 0…1 (halved while its memory is exhausted).
    public var throughput: Double
    public var killReason: String?
}
