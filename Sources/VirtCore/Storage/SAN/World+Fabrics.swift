/// `array add`, `fabric add|connect`, `zone add`: the storage network between hosts
/// and arrays. FC zoning lives in the fabric and decides which hosts (initiators)
/// see which arrays (targets).
extension World {
    /// `array add NAME [rack=R] [site=S]`: an empty array; `disk add … array=NAME` fills it.
    public mutating func addArray(_ name: String, rack: String? = nil, site: String? = nil) throws(CoreError) {
        try registry.checkFree(name, for: .array)
        registry.insert(name, as: .array)
        san.arrays[name] = StorageArray(name: name, rack: rack, site: site)
    }

    /// `fabric add NAME kind=fc|iscsi [bandwidth=RATE]`.
    public mutating func addFabric(_ name: String, kind: FabricKind, bandwidth: Double? = nil) throws(CoreError) {
        try registry.checkFree(name, for: .fabric)
        let rate = bandwidth ?? kind.bandwidth
        try checkBandwidth(rate, at: "bandwidth")
        registry.insert(name, as: .fabric)
        san.fabrics[name] = Fabric(name: name, kind: kind, bandwidth: rate)
    }

    /// `fabric connect FABRIC host=H array=A` (either or both): cables them to the fabric.
    public mutating func connectFabric(_ name: String, host: String? = nil, array: String? = nil) throws(CoreError) {
        let fabric = try existingFabric(name)
        guard host != nil || array != nil else {
            throw .value("fabric connect needs host=HOST or array=ARRAY", hint: "fabric connect \(name) host=pm1")
        }
        var added: [String] = []
        if let host {
            _ = try blaming("host") { () throws(CoreError) in try hostInfo(host) }
            added.append(host)
        }
        if let array { added.append(try existingArray(array, at: "array").name) }
        for member in added where fabric.members.contains(member) {
            throw .state("\(member) is already connected to fabric '\(name)'", at: member == host ? "host" : "array")
        }
        san.fabrics[name]!.members += added
    }

    /// `zone add FABRIC name=Z members=H,A`: hosts and arrays of the fabric that may see
    /// each other; a zone holds at least one host and one array, all connected to the fabric.
    public mutating func addZone(_ zone: String, fabric name: String, members: [String]) throws(CoreError) {
        let fabric = try existingFabric(name, at: "fabric")
        try blaming("name") { () throws(CoreError) in try registry.checkFree(zone, for: .zone) }
        guard !members.isEmpty else { throw .value("a zone needs members: a host and an array", at: "members") }
        for member in members {
            guard kind(of: member) == .host || kind(of: member) == .array else {
                throw .value("'\(member)' is not a host or an array", hint: "zones hold hosts and arrays", at: "members")
            }
            guard fabric.members.contains(member) else {
                throw .state("\(member) is not connected to fabric '\(name)'", hint: "fabric connect \(name) \(kind(of: member)!.name)=\(member)",
                             at: "members")
            }
        }
        guard members.contains(where: { kind(of: $0) == .host }), members.contains(where: { kind(of: $0) == .array }) else {
            throw .value("a zone without \(members.contains { kind(of: $0) == .host } ? "an array" : "a host") lets nothing see anything",
                         hint: "members=HOST,ARRAY", at: "members")
        }
        guard Set(members).count == members.count else { throw .value("members names an object twice", at: "members") }
        registry.insert(zone, as: .zone)
        san.fabrics[name]!.zones[zone] = members
    }

    /// The first fabric (in creation order) connecting `host` and `array` with a zone holding both.
    func fabric(from host: String, to array: String) -> Fabric? {
        san.fabrics.values.first { fabric in fabric.zones.values.contains { $0.contains(host) && $0.contains(array) } }
    }

    /// Why `host` cannot reach `array` through any fabric, for messages.
    func fabricGap(from host: String, to array: String) -> String {
        let both = san.fabrics.values.filter { $0.members.contains(host) && $0.members.contains(array) }
        guard let first = both.first else { return "no fabric connects \(host) and array \(array)" }
        return "no zone of fabric \(first.name) holds both \(host) and \(array)"
    }

    /// `array info`.
    public func arrayInfo(_ name: String) throws(CoreError) -> ArrayInfo {
        let array = try existingArray(name)
        return ArrayInfo(name: name, rack: array.rack, site: array.site,
                         disks: disks.values.filter { $0.array == name }.map(\.name),
                         fabrics: san.fabrics.values.filter { $0.members.contains(name) }.map(\.name),
                         luns: volumes.values.filter { $0.lun?.array == name }.map(\.name),
                         up: arrayUp(array))
    }

    /// `fabric info`.
    public func fabricInfo(_ name: String) throws(CoreError) -> FabricInfo {
        let fabric = try existingFabric(name)
        return FabricInfo(name: name, kind: fabric.kind, bandwidth: fabric.bandwidth,
                          hosts: fabric.members.filter { kind(of: $0) == .host },
                          arrays: fabric.members.filter { kind(of: $0) == .array },
                          zones: Array(fabric.zones.keys))
    }

    /// `zone info`.
    public func zoneInfo(_ name: String) throws(CoreError) -> ZoneInfo {
        guard let fabric = san.fabrics.values.first(where: { $0.zones[name] != nil }) else {
            throw CoreError.unknown(.zone, name, among: names(ofKind: .zone), at: "name")
        }
        return ZoneInfo(name: name, fabric: fabric.name, members: fabric.zones[name]!)
    }

    /// An array is up unless its rack or site is down.
    func arrayUp(_ array: StorageArray) -> Bool {
        !(array.rack.map(storage.downRacks.contains) ?? false) && !(array.site.map(storage.downSites.contains) ?? false)
    }

    func existingArray(_ name: String, at parameter: String = "name") throws(CoreError) -> StorageArray {
        try existing(san.arrays, .array, name, at: parameter)
    }

    func existingFabric(_ name: String, at parameter: String = "name") throws(CoreError) -> Fabric {
        try existing(san.fabrics, .fabric, name, at: parameter)
    }

    /// A link or device rate: positive and finite, at most 1 Pbps.
    func checkBandwidth(_ rate: Double, at parameter: String) throws(CoreError) {
        guard rate.isFinite, rate >= 1, rate <= 1e15 else {
            throw .value("\(parameter) must be between 1bps and 1Pbps, not \(fmtBitRate(rate))", at: parameter)
        }
    }
}

/// `array info`: an array's record.
public struct ArrayInfo: Codable, Equatable, Sendable {
    public var name: String
    public var rack: String?
    public var site: String?
    public var disks: [String]
    public var fabrics: [String]
    public var luns: [String]
    /// False while its rack or site is down.
    public var up: Bool
}

/// `fabric info`: a fabric's record.
public struct FabricInfo: Codable, Equatable, Sendable {
    public var name: String
    public var kind: FabricKind
    public var bandwidth: Double
    public var hosts: [String]
    public var arrays: [String]
    public var zones: [String]
}

/// `zone info`: a zone's record.
public struct ZoneInfo: Codable, Equatable, Sendable {
    public var name: String
    public var fabric: String
    public var members: [String]
}

extension World {
    /// What the SAN drops when a host or VM leaves the world: a host's fabric
    /// connections, zone memberships and LUN masks; a VM's mounts. (A host-based
    /// engine on a removed host stays, down.)
    mutating func sanRemoved(_ name: String) {
        for fabric in san.fabrics.keys {
            san.fabrics[fabric]!.members.removeAll { $0 == name }
            for zone in san.fabrics[fabric]!.zones.keys { san.fabrics[fabric]!.zones[zone]!.removeAll { $0 == name } }
        }
        for volume in volumes.keys where volumes[volume]!.lun?.masked.contains(name) == true {
            volumes[volume]!.lun!.masked.removeAll { $0 == name }
        }
        for share in san.shares.keys { san.shares[share]!.mounts.removeValue(forKey: name) }
    }
}
