/// CORE.md 3, "IEEE 802.1BR": a controlling bridge and cascadable port extenders
/// form one logical bridge. The extenders' ports (`PE.1…PE.N`) are ports of the
/// controlling bridge: it keeps their configuration (`port set PE.N`), learns on
/// them, and makes every forwarding decision; an extender only passes frames up
/// and down, E-tagged (TPID 0x893F) with the E-CID naming the extended port.
extension ObjectKind {
    /// An 802.1BR controlling bridge (`bridge add NAME kind=controlling`), ports `CB.1…CB.N` of its own.
    public static let controllingBridge = ObjectKind("bridge", noun: "controlling bridge")
    /// An 802.1BR port extender (`extender add NAME parent=… ports=N`): ports `PE.1…PE.N`, upstream port `PE.up`.
    public static let portExtender = ObjectKind("extender", noun: "port extender")
}

extension World {
    /// Ports a controlling bridge has of its own unless `ports=` says otherwise.
    public static let defaultBridgePorts = 8
    /// The largest E-CID: 20 bits (a 12-bit base and an 8-bit extension).
    public static let maxECID = 0xF_FFFF

    /// `bridge add NAME kind=controlling [ports=N]`.
    public mutating func addControllingBridge(_ name: String, ports: Int) throws(CoreError) {
        try registry.checkFree(name, for: .controllingBridge)
        try checkPortCount(ports)
        registry.insert(name, as: .controllingBridge)
        bridges[name] = Bridge(name: name, ports: ports, role: .controlling)
    }

    /// `extender add NAME parent=BRIDGE|EXTENDER ports=N`: its ports take the next E-CIDs of its controlling bridge.
    public mutating func addExtender(_ name: String, parent: String, ports: Int) throws(CoreError) {
        try registry.checkFree(name, for: .portExtender)
        guard let above = bridges[parent], above.role != nil else {
            var error = CoreError.unknown(.controllingBridge, parent, among: names(ofKind: .controllingBridge) + names(ofKind: .portExtender), at: "parent")
            error.message = "'\(parent)' is not a controlling bridge or a port extender"
            error.hint = bridges[parent] == nil ? "bridge add \(parent) kind=controlling" : "an extender hangs below a controlling bridge (bridge add … kind=controlling) or another extender"
            throw error
        }
        try checkPortCount(ports)
        let root = network.controller(of: parent) ?? parent
        let first = extenders(of: root).map { name -> Int in
            guard case .extender(_, let ecid)? = bridges[name]?.role else { return 1 }
            return ecid + bridges[name]!.ports
        }.max() ?? 1
        guard first - 1 + ports <= World.maxECID else {
            throw .state("\(root) has \(World.maxECID - first + 1) E-CIDs left, not \(ports)", hint: "E-CIDs are 20 bits: 1 to \(World.maxECID)", at: "ports")
        }
        registry.insert(name, as: .portExtender)
        bridges[name] = Bridge(name: name, ports: ports, uplink: "\(name).up", role: .extender(parent: parent, ecid: first))
        network.reindex(name)
    }

    /// The extenders below a controlling bridge, at any depth, in creation order.
    func extenders(of bridge: String) -> [String] {
        bridges.values.filter { $0.isExtender && network.controller(of: $0.name) == bridge }.map(\.name)
    }

    /// Refuses an extender's upstream port where a port that takes cables and VLANs is meant.
    func checkNotUpstream(_ port: String, at parameter: String) throws(CoreError) {
        guard let owner = NameRegistry.owner(of: port), let bridge = bridges[owner], bridge.isExtender, bridge.uplink == port,
              case .extender(let parent, _)? = bridge.role else { return }
        throw .state("\(port) is \(owner)'s upstream port, joined to \(parent) by extender add; it takes no cable and no VLANs",
                     hint: "use an extended port: \(owner).1 … \(owner).\(bridge.ports)", at: parameter)
    }

    private func checkPortCount(_ ports: Int) throws(CoreError) {
        guard (1...World.maxSwitchPorts).contains(ports) else {
            throw .value("ports must be between 1 and \(World.maxSwitchPorts), not \(ports)", at: "ports")
        }
    }

    public func controllingBridgeInfo(_ name: String) throws(CoreError) -> ControllingBridgeInfo {
        guard let bridge = bridges[name], bridge.role == .controlling else {
            throw CoreError.unknown(.controllingBridge, name, among: names(ofKind: .controllingBridge), at: "name")
        }
        let below = extenders(of: name)
        return ControllingBridgeInfo(name: name, ports: bridge.ports + below.map { bridges[$0]!.ports }.reduce(0, +), extenders: below,
                                     cabled: bridge.indexed, vlans: bridge.flood.keys.map(Int.init).sorted(), macs: try macTable(name).count)
    }

    public func extenderInfo(_ name: String) throws(CoreError) -> ExtenderInfo {
        guard let bridge = bridges[name], case .extender(let parent, let ecid)? = bridge.role else {
            throw CoreError.unknown(.portExtender, name, among: names(ofKind: .portExtender), at: "name")
        }
        return ExtenderInfo(name: name, parent: parent, bridge: network.controller(of: name)!, ports: bridge.ports, ecid: ecid,
                            upstream: bridge.uplink!, cabled: bridge.indexed)
    }
}

/// `bridge info`: a controlling bridge and the ports its extenders give it.
public struct ControllingBridgeInfo: Sendable {
    public var name: String
    /// Its own ports and every extended port below it.
    public var ports: Int
    /// Its extenders at any depth, in creation order.
    public var extenders: [String]
    /// Ports with a cable (its own, then each extender's), in order.
    public var cabled: [String]
    public var vlans: [Int]
    public var macs: Int
}

/// `extender info`: where a port extender hangs and the E-CIDs of its ports.
public struct ExtenderInfo: Sendable {
    public var name: String
    public var parent: String
    /// The controlling bridge that decides for its ports.
    public var bridge: String
    public var ports: Int
    /// The E-CID of port 1 (port k has ecid + k − 1).
    public var ecid: Int
    /// Its upstream port (the cascade towards its parent), where that wire is captured.
    public var upstream: String
    public var cabled: [String]
}
