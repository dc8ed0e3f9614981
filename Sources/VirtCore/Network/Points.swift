/// Every point frames pass (a switch port, a host NIC, a vNIC), interned to a small
/// integer the first time it is cabled, attached or captures a frame, so the
/// forwarding engine reads arrays instead of hashing names per hop.
///
/// Only the captures are state (saved by name, see `NetworkPart`); the rest is
/// derived from the bridges, vNICs and cables and rebuilt by `NetworkPart.reindex`.
/// An id is never reused for another name, so a point's id is stable while the world lives.
struct Points: Sendable {
    private(set) var ids: [String: Int] = [:]
    private(set) var names: [String] = []
    /// The other end of its cable, or -1.
    var peer: [Int] = []
    /// The index in `NetworkPart.bridges` of the bridge it is a port of, or -1.
    var bridge: [Int] = []
    /// Its VLAN configuration on that bridge.
    var config: [PortConfig] = []
    /// True for a VM's vNIC (frames leaving by it reach the VM).
    var isVNIC: [Bool] = []
    /// An 802.1BR extended port's E-CID; 0 for every other point.
    var ecid: [UInt32] = []
    /// The frames it saw.
    var captures: [CaptureBuffer] = []

    /// The point's id, interning the name on first use.
    mutating func id(_ name: String) -> Int {
        if let id = ids[name] { return id }
        ids[name] = names.count
        names.append(name)
        peer.append(-1)
        bridge.append(-1)
        config.append(.access1)
        isVNIC.append(false)
        ecid.append(0)
        captures.append(CaptureBuffer())
        return names.count - 1
    }

    /// The frames a point saw, oldest first (none for a point never used).
    func frames(at name: String) -> [Frame] { ids[name].map { captures[$0].frames } ?? [] }

    /// Forgets what a point captured (a vNIC detached, a host removed).
    mutating func clearCapture(_ name: String) {
        if let id = ids[name] { captures[id] = CaptureBuffer() }
    }

    /// Every point's non-empty capture, by name: what a save file holds.
    var capturesByName: [String: CaptureBuffer] {
        var all: [String: CaptureBuffer] = [:]
        for (id, name) in names.enumerated() where !captures[id].isEmpty { all[name] = captures[id] }
        return all
    }
}
