/// A VXLAN overlay network (RFC 7348): a 24-bit VNI; its VMs' frames cross the
/// physical network inside UDP between the hosts' VTEPs.
struct Overlay: Codable, Equatable, Sendable {
    var name: String
    var vni: UInt32
    /// The internal segment id the vSwitches use for it (above 4094, never on a wire).
    var segment: UInt16
    /// The inner MTU its VMs' NICs use.
    var mtu: Int = CloudDefaults.overlayMTU
    /// Its total rate limit on the network (bits/s), if set.
    var rate: Double?
}

/// What `overlay info` returns.
public struct OverlayInfo: Sendable {
    public var name: String
    public var vni: Int
    public var mtu: Int
    public var underlayMTU: Int
    /// The largest inner IP packet the underlay carries: its MTU − 50.
    public var fits: Int
    public var rate: Double?
    public var nics: [String]
    /// `pm1 172.16.0.1`: the VTEPs of the hosts its VMs run on.
    public var vteps: [String]
}

/// CORE.md 3, "Clouds": `overlay add|set|info`, `nic attach … overlay=`, `net set mtu=`.
extension World {
    /// `overlay add NAME vni=N [mtu=M]`.
    public mutating func addOverlay(_ name: String, vni: Int, mtu: Int?) throws(CoreError) {
        try registry.checkFree(name, for: .overlay)
        guard (0...CloudDefaults.maxVNI).contains(vni) else {
            throw .value("VNI \(vni) is out of range: a VXLAN VNI is 24 bits, 0 to \(CloudDefaults.maxVNI)",
                         hint: "RFC 7348 gives 16,777,216 segments, against 4094 VLANs", at: "vni")
        }
        if let other = cloudNetwork.overlays.values.first(where: { $0.vni == UInt32(vni) }) {
            throw .state("VNI \(vni) is already overlay \(other.name)'s", hint: "each overlay has its own VNI", at: "vni")
        }
        let mtu = try mtu.map { m throws(CoreError) in try checkMTU(m, at: "mtu") } ?? CloudDefaults.overlayMTU
        let used = Set(cloudNetwork.overlays.values.map(\.segment))
        guard let segment = (UInt16(4095)...UInt16.max).first(where: { $0 > 4094 && !used.contains($0) }) else {
            throw .state("the model holds at most \(CloudDefaults.maxOverlays) overlays at once", at: "name")
        }
        registry.insert(name, as: .overlay)
        cloudNetwork.overlays[name] = Overlay(name: name, vni: UInt32(vni), segment: segment, mtu: mtu)
    }

    /// `overlay set NAME [mtu=M] [rate=R]`: one overlay's settings; others keep theirs.
    public mutating func setOverlay(_ name: String, mtu: Int?, rate: Double?) throws(CoreError) {
        _ = try existingOverlay(name)
        let mtu = try mtu.map { m throws(CoreError) in try checkMTU(m, at: "mtu") }
        let rate = try rate.map { r throws(CoreError) in try checkRate(r) }
        if let mtu { cloudNetwork.overlays[name]!.mtu = mtu }
        if let rate { cloudNetwork.overlays[name]!.rate = rate }
    }

    /// `net set mtu=N`: the physical network's MTU.
    public mutating func setUnderlayMTU(_ mtu: Int) throws(CoreError) {
        cloudNetwork.underlayMTU = try checkMTU(mtu, at: "mtu")
    }

    public func overlayInfo(_ name: String) throws(CoreError) -> OverlayInfo {
        let overlay = try existingOverlay(name)
        let nics = vnics.values.filter { $0.vlan == overlay.segment }
        let hosts = nics.compactMap { bridges[$0.vswitch]?.host }.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        return OverlayInfo(name: name, vni: Int(overlay.vni), mtu: overlay.mtu, underlayMTU: cloudNetwork.underlayMTU,
                           fits: cloudNetwork.underlayMTU - CloudDefaults.vxlanOverhead, rate: overlay.rate, nics: nics.map(\.name),
                           vteps: hosts.map { "\($0) \(vtepAddress(of: $0).map(\.description) ?? "none")" })
    }

    func existingOverlay(_ name: String, at parameter: String = "name") throws(CoreError) -> Overlay {
        guard let overlay = cloudNetwork.overlays[name] else {
            throw CoreError.unknown(.overlay, name, among: names(ofKind: .overlay), at: parameter)
        }
        return overlay
    }

    /// `nic attach VM to=VSWITCH overlay=NAME ip=…`: a vNIC in the overlay's segment; the
    /// host gets a VTEP address if it has none.
    mutating func attachOverlayNIC(vm: String, to vswitch: String, overlay name: String, ip: String?, mac: String?) throws(CoreError) -> String {
        let overlay = try existingOverlay(name, at: "overlay")
        var copy = self
        let nic = try copy.attachNIC(vm: vm, to: vswitch, vlan: nil, ip: ip, mac: mac, allowEmbedded: false, segment: overlay.segment)
        if let host = copy.bridges[vswitch]?.host, copy.vtepAddress(of: host) == nil { copy.assignVTEP(host) }
        self = copy
        return nic
    }

    func checkMTU(_ mtu: Int, at parameter: String) throws(CoreError) -> Int {
        guard (68...65535).contains(mtu) else {
            throw .value("an MTU is 68 to 65535 bytes, not \(mtu)", hint: "Ethernet's is 1500; jumbo frames 9000", at: parameter)
        }
        return mtu
    }

    func checkRate(_ rate: Double, at parameter: String = "rate") throws(CoreError) -> Double {
        guard rate.isFinite, rate > 0, rate <= 1e15 else {
            throw .value("a rate is a positive bit rate up to 1 Pbps, as 100Mbps", at: parameter)
        }
        return rate
    }
}
