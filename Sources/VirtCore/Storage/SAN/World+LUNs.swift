/// `lun create|mask`: volumes an array exports, and which hosts its mask lets see
/// them (LUN masking lives in the array).
extension World {
    /// `lun create NAME pool=P size=SIZE [thin=yes]`: a volume of a pool whose disks
    /// all sit in one array, exported by that array, masked from every host until `lun mask`.
    public mutating func createLun(_ name: String, pool poolName: String, size: Int64, thin: Bool = false) throws(CoreError) {
        let pool = try existingPool(poolName, at: "pool")
        guard let array = array(of: pool) else {
            throw .state("pool '\(poolName)' is not in an array: a LUN is exported by the array holding its pool's disks",
                         hint: "array add A, disk add … array=A, and a pool of those disks", at: "pool")
        }
        try createVolume(name, pool: poolName, size: size, thin: thin, export: LunExport(array: array))
    }

    /// `lun mask LUN hosts=H1,H2`: the hosts the array lets see the LUN (replacing the mask).
    public mutating func maskLun(_ name: String, hosts: [String]) throws(CoreError) {
        let volume = try existingVolume(name)
        guard volume.lun != nil else {
            throw .state("'\(name)' is a volume, not a LUN: only an array's LUNs are masked", hint: "lun create NAME pool=… size=…")
        }
        guard !hosts.isEmpty else { throw .value("hosts names no host", hint: "lun mask \(name) hosts=pm1,pm2", at: "hosts") }
        for host in hosts { _ = try blaming("hosts") { () throws(CoreError) in try hostInfo(host) } }
        guard Set(hosts).count == hosts.count else { throw .value("hosts names a host twice", at: "hosts") }
        if let vm = volume.vm, let host = try? vmInfo(vm).host, !hosts.contains(host) {
            throw .state("LUN '\(name)' is attached to VM '\(vm)' on \(host), which the mask would hide",
                         hint: "keep \(host) in the mask, or volume detach \(name) first", at: "hosts")
        }
        volumes[name]!.lun!.masked = hosts
    }

    /// The array holding every disk of a pool (members and spares), if they share one.
    func array(of pool: Pool) -> String? {
        let arrays = Set((pool.members + pool.spares).map { disks[$0]!.array })
        guard arrays.count == 1, let array = arrays.first! else { return nil }
        return array
    }
}
