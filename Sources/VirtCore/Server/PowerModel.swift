/// How a powered-on host's draw depends on its CPU utilization (0…1).
public enum PowerModel: Codable, Equatable, Sendable {
    /// P(u) = idle + (max − idle) · u (CloudSim PowerModelLinear; docs/sources.md).
    case linear(idle: Double, max: Double)
    /// A SPECpower table, watts at 0, 10, …, 100 % utilization, interpolated linearly.
    case spec(SpecPowerServer)

    /// Watts at utilization `u` (clamped to 0…1).
    public func watts(at u: Double) -> Double {
        let u = min(1, max(0, u.isFinite ? u : 0))
        switch self {
        case .linear(let idle, let max): return idle + (max - idle) * u
        case .spec(let server):
            let table = server.watts
            let position = u * 10
            let low = min(9, Int(position))
            return table[low] + (table[low + 1] - table[low]) * (position - Double(low))
        }
    }

    /// The model's name as `power=` spells it.
    public var name: String {
        switch self {
        case .linear: "linear"
        case .spec(let server): server.rawValue
        }
    }

    /// Builds a model from `power=NAME [idle=W max=W]`.
    public static func named(_ name: String, idle: Double? = nil, max: Double? = nil) throws(CoreError) -> PowerModel {
        if name == "linear" {
            let idle = idle ?? 100, max = max ?? 250
            guard idle >= 0, max >= idle, max.isFinite else {
                throw .value("a linear power model needs 0 ≤ idle ≤ max, not idle=\(idle) max=\(max)")
            }
            return .linear(idle: idle, max: max)
        }
        guard let server = SpecPowerServer(rawValue: name) else {
            throw CoreError(.value, "unknown power model '\(name)'",
                            hint: "power models are linear, " + SpecPowerServer.allCases.map(\.rawValue).joined(separator: ", "))
        }
        if idle != nil || max != nil {
            throw .value("idle= and max= apply to power=linear; \(name) is a measured table")
        }
        return .spec(server)
    }
}

/// SPECpower_ssj2008 results used by CloudSim (docs/sources.md), watts at 0, 10, …, 100 %.
public enum SpecPowerServer: String, Codable, Sendable, CaseIterable {
    /// HP ProLiant ML110 G4 (Xeon 3040).
    case hpMl110G4 = "hp-ml110-g4"
    /// HP ProLiant ML110 G5 (Xeon 3075).
    case hpMl110G5 = "hp-ml110-g5"

    public var watts: [Double] {
        switch self {
        case .hpMl110G4: [86, 89.4, 92.6, 96, 99.5, 102, 106, 108, 112, 114, 117]
        case .hpMl110G5: [93.7, 97, 101, 105, 110, 116, 121, 125, 129, 133, 135]
        }
    }
}
