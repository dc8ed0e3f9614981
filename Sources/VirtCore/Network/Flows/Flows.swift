/// A long-running transfer between two VMs (`flow start`), on the cables its
/// packets cross.
struct Flow: Codable, Equatable, Sendable {
    var id: Int
    var a: String
    var b: String
    /// Its own cap (`rate=`), bits/s.
    var cap: Double?
    /// The directed cables it crosses ("sw1.1>pm1.eth0").
    var resources: [String]
    var path: [String]
    /// The sender's vNIC, whose tenant or overlay limit applies.
    var nic: String?
}

/// What `flow start`, `flow list` and `net run` return.
public struct FlowInfo: Sendable {
    public var id: Int
    public var a: String
    public var b: String
    /// Its max-min fair share now, bits/s.
    public var rate: Double
    public var path: [String]
    /// What limits it: a cable, a tenant's or overlay's limit, or its own cap.
    public var bottleneck: String
}

public struct TransferResult: Sendable {
    public var time: Double
    public var throughput: Double
    public var path: [String]
    public var bottleneck: String
    /// Flows it shared the network with.
    public var flows: Int
}

/// CORE.md 3 / issue 13, performance isolation: flows share every cable max-min
/// fairly (each cable 10 Gb/s per direction), within their tenant's or overlay's
/// rate limit and their own cap.
extension World {
    /// `flow start A B [rate=R]`: returns the new flow with its share.
    @discardableResult
    public mutating func startFlow(_ a: String, _ b: String, rate: Double?) throws(CoreError) -> FlowInfo {
        let cap = try rate.map { r throws(CoreError) in try checkRate(r) }
        var copy = self
        var flow = try copy.traceFlow(a, b)
        flow.id = copy.cloudNetwork.nextFlow
        flow.cap = cap
        copy.cloudNetwork.flows[flow.id] = flow
        copy.cloudNetwork.nextFlow += 1
        self = copy
        return flows().first { $0.id == flow.id }!
    }

    /// `flow stop ID`.
    public mutating func stopFlow(_ id: Int) throws(CoreError) {
        guard cloudNetwork.flows.removeValue(forKey: id) != nil else {
            throw .value("no flow \(id) is running", hint: cloudNetwork.flows.isEmpty ? "flow start A B" : "running: \(cloudNetwork.flows.keys.map(String.init).joined(separator: ", "))",
                         at: "id")
        }
    }

    /// `flow list`: every running flow with its share now.
    public func flows() -> [FlowInfo] {
        let shares = maxMinShares(Array(cloudNetwork.flows.values))
        return cloudNetwork.flows.values.enumerated().map { i, f in
            FlowInfo(id: f.id, a: f.a, b: f.b, rate: shares[i].rate, path: f.path, bottleneck: shares[i].bottleneck)
        }
    }

    /// `net run A B size=SIZE`: a transfer against the running flows; the clock moves by its time.
    public mutating func runTransfer(_ a: String, _ b: String, bytes: Int64) throws(CoreError) -> TransferResult {
        guard bytes > 0 else { throw .value("size must be more than 0 bytes", at: "size") }
        var copy = self
        let flow = try copy.traceFlow(a, b)
        let share = copy.maxMinShares(Array(copy.cloudNetwork.flows.values) + [flow]).last!
        let time = Double(bytes) * 8 / share.rate
        guard time.isFinite, time < 1e12 else { throw .value("a transfer of \(bytes) bytes would take too long", at: "size") }
        try copy.advance(by: time)
        self = copy
        return TransferResult(time: time, throughput: share.rate, path: flow.path, bottleneck: share.bottleneck, flows: cloudNetwork.flows.count)
    }

    /// The flow's path (by a ping, which must succeed) and what it shares.
    private mutating func traceFlow(_ a: String, _ b: String) throws(CoreError) -> Flow {
        let ping = try ping(a, b)
        guard ping.reachable else {
            throw .state("\(b) is unreachable from \(a): \(ping.reason ?? "no path")", hint: "ping \(a) \(b) says why", at: "b")
        }
        let cables = ping.hops.compactMap { hop in hop.outPort.flatMap { out in network.links[out].map { "\(out)>\($0)" } } }
        return Flow(id: 0, a: a, b: b, resources: cables, path: ping.path, nic: ping.from)
    }

    /// What a flow shares now: its cables, and its tenant's or overlay's limit when one is set.
    private func resources(of flow: Flow) -> [String] {
        guard let vlan = flow.nic.flatMap({ vnics[$0]?.vlan }) else { return flow.resources }
        var limits: [String] = []
        if let overlay = overlay(ofSegment: vlan), overlay.rate != nil { limits.append("limit:\(overlay.name)") }
        if let tenant = cloudNetwork.tenants.values.first(where: { $0.vlan == vlan }), tenant.rate != nil { limits.append("limit:\(tenant.name)") }
        return flow.resources + limits
    }

    /// Max-min fair shares (progressive filling): raise every unfrozen flow's rate together
    /// until a resource is full or a flow meets its cap; freeze those; repeat.
    func maxMinShares(_ flows: [Flow]) -> [(rate: Double, bottleneck: String)] {
        let uses = flows.map(resources(of:))
        var rate = [Double](repeating: 0, count: flows.count)
        var bottleneck = [String](repeating: "none", count: flows.count)
        var frozen = [Bool](repeating: false, count: flows.count)
        var names: [String] = []
        for use in uses { for r in use where !names.contains(r) { names.append(r) } }
        while frozen.contains(false) {
            var step = Double.infinity, limiter = ""
            for name in names {
                let users = flows.indices.filter { !frozen[$0] && uses[$0].contains(name) }
                guard !users.isEmpty else { continue }
                let used = flows.indices.filter { uses[$0].contains(name) }.map { rate[$0] }.reduce(0, +)
                let room = (capacity(of: name) - used) / Double(users.count)
                if room < step { step = room; limiter = name }
            }
            for i in flows.indices where !frozen[i] { if let cap = flows[i].cap, cap - rate[i] < step { step = cap - rate[i]; limiter = "cap" } }
            guard step.isFinite else {
                for i in flows.indices where !frozen[i] { rate[i] = NetworkDefaults.linkRate; frozen[i] = true }
                break
            }
            for i in flows.indices where !frozen[i] { rate[i] += step }
            for i in flows.indices where !frozen[i] {
                if limiter == "cap" ? flows[i].cap.map({ rate[i] >= $0 - 1e-6 }) == true : uses[i].contains(limiter) {
                    frozen[i] = true
                    bottleneck[i] = limiter == "cap" ? "its own rate=" : describe(limiter)
                }
            }
        }
        return flows.indices.map { (rate[$0], bottleneck[$0]) }
    }

    private func capacity(of resource: String) -> Double {
        guard resource.hasPrefix("limit:") else { return NetworkDefaults.linkRate }
        let name = String(resource.dropFirst(6))
        return cloudNetwork.tenants[name]?.rate ?? cloudNetwork.overlays[name]?.rate ?? .infinity
    }

    private func describe(_ resource: String) -> String {
        resource.hasPrefix("limit:") ? "the rate limit of \(resource.dropFirst(6))" : "the cable " + resource.split(separator: ">").joined(separator: " → ")
    }
}
