/// CORE.md 2, "Reachability": which hosts can reach a volume. A plain volume is
/// reached from the host whose own disks hold it; a LUN through a fabric that
/// connects host and array, a zone with both and a mask naming the host; a volume
/// behind a virtualizer as its engine serves. Disks placed nowhere (no `on=`, no
/// `array=`) stand for storage every host reaches.
extension World {
    /// Why `host` cannot reach `volume`, or nil when it can.
    func reachGap(_ volume: Volume, from host: String) -> String? {
        if let via = volume.via, let engine = san.virtualizers[via], engine.mode == .host, engine.host != host {
            return "volume \(volume.name) goes through host-based virtualizer \(via), which serves only its own host \(engine.host!)"
        }
        if let lun = volume.lun {
            guard fabric(from: host, to: lun.array) != nil else { return fabricGap(from: host, to: lun.array) }
            guard lun.masked.contains(host) else {
                return "the mask of LUN \(volume.name) does not name \(host) (mask: \(lun.masked.isEmpty ? "no host" : listed(lun.masked)))"
            }
            return nil
        }
        var gaps: [String] = []
        for name in volume.pools {
            guard let gap = storageGap(pools[name]!, from: host, viaEngine: volume.via != nil) else { return nil }
            gaps.append(gap)
        }
        return gaps.first
    }

    /// Why `host` cannot reach a pool's disks: another host's local disks, or an array
    /// it is not zoned with (without an engine, array disks are reached only as LUNs).
    func storageGap(_ pool: Pool, from host: String, viaEngine: Bool) -> String? {
        for name in pool.members {
            let disk = disks[name]!
            if let array = disk.array {
                guard viaEngine else {
                    return "pool \(pool.name) is in array \(array): hosts reach an array's storage as a LUN (lun create) or through a virtualizer (via=)"
                }
                if fabric(from: host, to: array) == nil { return fabricGap(from: host, to: array) }
            } else if let owner = disk.host, owner != host {
                return "pool \(pool.name) is on disks local to host \(owner)"
            }
        }
        return nil
    }

    /// Throws unless `vm`'s host (or `host`) is up and reaches `volume`.
    func checkReach(_ volume: Volume, vm: String, host: String? = nil, at parameter: String) throws(CoreError) {
        let info = try blaming("vm") { () throws(CoreError) in try vmInfo(vm) }
        guard let host = host ?? info.host else {
            throw .state("VM '\(vm)' is pending: it has no host to reach volume '\(volume.name)' from", hint: "vm set \(vm) host=HOST", at: "vm")
        }
        if let gap = reachGap(volume, from: host) {
            throw .state("host \(host) cannot reach volume '\(volume.name)': \(gap)", hint: reachHint(volume), at: parameter)
        }
    }

    /// What makes a volume reachable, for hints.
    func reachHint(_ volume: Volume) -> String {
        if let via = volume.via, san.virtualizers[via]?.mode == .host {
            return "a host-based engine serves only the host it runs on; each host needs its own (virtualizer add NAME mode=host on=HOST)"
        }
        return volume.lun != nil
            ? "fabric connect, zone add FABRIC name=Z members=HOST,\(volume.lun!.array), and lun mask \(volume.name) hosts=HOST"
            : "a host reaches its own disks; shared storage is a LUN of an array, a NAS share, or a volume behind a virtualizer (via=)"
    }

    /// `vm restart NAME host=H2` (the storage part's restart check): every volume of the
    /// VM must be reachable from H2; otherwise the error names the volume lost with the host.
    static let storageRestartCheck = MigrationCheck(name: "storage") { world, r throws(CoreError) in
        let vm = r.vm.name, host = r.destination.name
        for volume in world.volumes.values where volume.vm == vm {
            if let gap = world.reachGap(volume, from: host) {
                throw .state("VM '\(vm)' cannot restart on \(host): volume '\(volume.name)' cannot be reached from there (\(gap))",
                             hint: "its storage shared the failed host's fate; repair that host, or keep volumes on shared storage (LUN, share, virtualizer)",
                             at: "host")
            }
        }
    }
}
