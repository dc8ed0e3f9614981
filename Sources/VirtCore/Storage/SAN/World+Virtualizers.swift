/// `virtualizer add|fail|repair|info|list`: where the storage virtualization engine
/// lives (COVERAGE.md T7). Host-based: software on one host, serving that host.
/// In-band: an appliance every byte passes through (its bandwidth caps I/O, its
/// failure stops it). Out-of-band: a metadata service hosts ask for mappings, cached
/// per host and volume, then go to the storage directly.
extension World {
    /// `virtualizer add NAME mode=… [on=HOST] [bandwidth=RATE]`.
    public mutating func addVirtualizer(_ name: String, mode: VirtualizerMode, on host: String? = nil,
                                        bandwidth: Double? = nil) throws(CoreError) {
        try registry.checkFree(name, for: .virtualizer)
        if let host { _ = try blaming("on") { () throws(CoreError) in try hostInfo(host) } }
        guard mode != .host || host != nil else {
            throw .value("a host-based virtualizer runs on a host", hint: "virtualizer add \(name) mode=host on=HOST", at: "on")
        }
        if let bandwidth { try checkBandwidth(bandwidth, at: "bandwidth") }
        registry.insert(name, as: .virtualizer)
        san.virtualizers[name] = Virtualizer(name: name, mode: mode, host: host,
                                             bandwidth: bandwidth ?? (mode == .inBand ? World.defaultApplianceBandwidth : nil))
    }

    /// An in-band appliance's bandwidth unless given: one 8 Gbit/s Fibre Channel port
    /// (an illustrative figure, not a measured product's).
    public static let defaultApplianceBandwidth = 8e9

    /// `virtualizer fail NAME` / `virtualizer repair NAME`.
    public mutating func setVirtualizerFailed(_ name: String, _ failed: Bool) throws(CoreError) {
        let engine = try existingVirtualizer(name)
        guard engine.failed != failed else {
            throw .state("virtualizer '\(name)' \(failed ? "has already failed" : "has not failed")")
        }
        san.virtualizers[name]!.failed = failed
    }

    /// Throws when I/O of `volume` from `host` (nil: no host, an administrator's
    /// `volume read|write` of an unattached volume) cannot pass its engine.
    func checkEngine(_ volume: Volume, host: String?) throws(CoreError) {
        guard let name = volume.via, let engine = san.virtualizers[name] else { return }
        guard isDown(engine) else { return }
        switch engine.mode {
        case .host, .inBand:
            throw .state("virtualizer '\(name)' (\(engine.mode.rawValue)) is down: all I/O of volume '\(volume.name)' passes through it and stops",
                         hint: "virtualizer repair \(name)")
        case .outOfBand:
            guard let host, engine.mappings.contains(World.mappingKey(host, volume.name)) else {
                throw .state("metadata service '\(name)' is down and \(host.map { "host \($0)" } ?? "no host") has no cached mapping for volume '\(volume.name)'",
                             hint: "hosts that fetched a mapping before the failure keep working; virtualizer repair \(name)")
            }
        }
    }

    /// Out-of-band: `host` asks for `volume`'s mapping on first use and caches it. Returns
    /// whether the mapping was fetched now (false: cached already, or no metadata service).
    @discardableResult
    mutating func cacheMapping(_ volume: Volume, host: String?) -> Bool {
        guard let name = volume.via, let host, san.virtualizers[name]!.mode == .outOfBand else { return false }
        return san.virtualizers[name]!.mappings.append(World.mappingKey(host, volume.name)).inserted
    }

    /// Failed, or its host is not up (failed or removed).
    func isDown(_ engine: Virtualizer) -> Bool {
        engine.failed || (engine.host.map { (try? hostInfo($0))?.state != .up } ?? false)
    }

    static func mappingKey(_ host: String, _ volume: String) -> String { "\(host) \(volume)" }

    /// `virtualizer info`.
    public func virtualizerInfo(_ name: String) throws(CoreError) -> VirtualizerInfo { info(of: try existingVirtualizer(name)) }

    /// `virtualizer list`, in creation order.
    public func virtualizerList() -> [VirtualizerInfo] { san.virtualizers.values.map(info(of:)) }

    /// The hosts an engine serves: its own (host-based), or every host that reaches the
    /// storage of one of its volumes (appliances).
    func servedHosts(_ engine: Virtualizer) -> [String] {
        if engine.mode == .host { return [engine.host!] }
        let served = volumes.values.filter { $0.via == engine.name }
        return hostList().map(\.name).filter { host in served.contains { reachGap($0, from: host) == nil } }
    }

    func info(of engine: Virtualizer) -> VirtualizerInfo {
        let served = volumes.values.filter { $0.via == engine.name }.map(\.name)
        let hosts = servedHosts(engine)
        // Configuration steps: the engine itself and each volume it presents; out-of-band
        // also each host told to ask it first. A host-based engine serves one host, so
        // N hosts need N engines, each configured on its own.
        let effort = 1 + served.count + (engine.mode == .outOfBand ? hosts.count : 0)
        return VirtualizerInfo(name: engine.name, mode: engine.mode, host: engine.host, bandwidth: engine.bandwidth,
                               state: isDown(engine) ? "failed" : "up", volumes: served, hosts: hosts, effort: effort,
                               mappings: engine.mappings.map { $0.replacingOccurrences(of: " ", with: ":") })
    }

    func existingVirtualizer(_ name: String, at parameter: String = "name") throws(CoreError) -> Virtualizer {
        try existing(san.virtualizers, .virtualizer, name, at: parameter)
    }
}

/// `virtualizer info`: an engine's record.
public struct VirtualizerInfo: Codable, Equatable, Sendable {
    public var name: String
    public var mode: VirtualizerMode
    public var host: String?
    /// Bits per second on the data path (nil: not on it, or no cap).
    public var bandwidth: Double?
    /// up or failed (its host failing takes it down).
    public var state: String
    public var volumes: [String]
    /// Hosts it serves.
    public var hosts: [String]
    /// Configuration steps it costs: 1 + volumes (+ hosts, out-of-band).
    public var effort: Int
    /// Out-of-band: HOST:VOLUME mappings cached by hosts.
    public var mappings: [String]
}

extension World {
    /// A volume of `pool` may go through engine `name`: a host-based engine only for
    /// storage its own host reaches.
    func checkEngineServes(_ name: String, _ pool: Pool) throws(CoreError) {
        let engine = try existingVirtualizer(name, at: "via")
        guard engine.mode == .host, let gap = storageGap(pool, from: engine.host!, viaEngine: true) else { return }
        throw .state("host-based virtualizer '\(name)' on \(engine.host!) cannot reach pool '\(pool.name)': \(gap)",
                     hint: "a host-based engine serves storage its own host reaches", at: "via")
    }
}
