/// The network part's results, as the bindings turn them into records.
public struct SwitchInfo: Sendable {
    public var name: String
    public var ports: Int
    /// Ports with a cable, in port order.
    public var cabled: [String]
    /// VLANs some cabled port carries, ascending.
    public var vlans: [Int]
    /// Fresh entries in its MAC table.
    public var macs: Int
}

public struct PortInfo: Sendable {
    public var name: String
    public var owner: String
    public var config: PortConfig
    /// The other end of its cable, if any.
    public var peer: String?
    /// An extended port's 802.1BR E-CID, or nil.
    public var ecid: Int?
    /// The controlling bridge that decides for an extended port, or nil.
    public var bridge: String?
}

public struct VSwitchInfo: Sendable {
    public var name: String
    public var host: String
    public var uplink: String?
    public var mode: VSwitchMode
    public var nics: [String]
    /// Where its uplink is cabled, if anywhere.
    public var peer: String?
    public var macs: Int
}

public struct VNICInfo: Sendable {
    public var name: String
    public var vm: String
    public var vswitch: String
    public var mac: MAC
    /// nil: untagged on the uplink.
    public var vlan: Int?
    /// `ADDR/PREFIX`, or nil.
    public var ip: String?
    /// The SR-IOV VF it uses, or nil.
    public var vf: String?
}

/// One line of `show mac-table`.
public struct MACTableEntry: Sendable {
    public var vlan: Int?
    public var mac: MAC
    public var port: String
    /// Seconds since it was last learned.
    public var age: Double
}
