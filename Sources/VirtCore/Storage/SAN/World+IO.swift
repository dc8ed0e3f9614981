/// `io run vm=VM volume=V size=SIZE`: a VM reads SIZE from block 0 of a volume along
/// the real path — its host, the fabric, an in-band or host-based engine, the array,
/// the pool's devices — and each of them limits the throughput.
extension World {
    /// Runs the read: checks reachability and the engine, reads the written blocks in
    /// range from the pool (a failed pool refuses), advances the clock by the time it takes
    /// — or, with `async`, lets an event end it (`show` reports it, `wait` finishes it).
    public mutating func runIO(vm: String, volume name: String, size: Int64, async: Bool = false) throws(CoreError) -> IORecord {
        let volume = try existingVolume(name, at: "volume")
        let info = try blaming("vm") { () throws(CoreError) in try vmInfo(vm) }
        guard info.state != .crashed, info.state != .pending else {
            throw .state("VM '\(vm)' is \(info.state.rawValue): it does no I/O", hint: info.state == .crashed ? "vm restart \(vm)" : nil, at: "vm")
        }
        let host = info.host!
        guard size >= 1, size <= volume.size else {
            throw .value("size must be between 1 B and the volume's \(formatBytes(volume.size)), not \(formatBytes(size))", at: "size")
        }
        try checkReach(volume, vm: vm, at: "volume")
        try checkEngine(volume, host: host)
        let hops = try ioHops(volume, host: host)
        let rate = hops.compactMap(\.throughput).min()!
        let time = Double(size) * 8 / rate
        let fetched = cacheMapping(volume, host: host)
        var job: Int?
        if async {
            job = takeJobID()
            san.ioJobs[job!] = IOJob(id: job!, vm: vm, volume: name, bytes: size, start: clock, end: clock + time)
            schedule(EventAction(part: StoragePart.descriptor.name, name: StoragePart.finishIOEvent, job: job!), after: time)
        } else {
            try! advance(by: time)
        }
        return IORecord(vm: vm, volume: name, bytes: size, time: time, throughput: rate, path: hops.map(\.name),
                        bottleneck: hops.first { $0.throughput == rate }!.name, limits: hops,
                        mapping: volume.via.map { san.virtualizers[$0]!.mode } == .outOfBand ? (fetched ? "fetched" : "cached") : "none",
                        job: job)
    }

    /// Background reads in flight, for `show`.
    func ioWork() -> [PendingWork] {
        san.ioJobs.values.map { job in
            PendingWork(id: job.id, summary: "io run: \(job.vm) reads \(formatBytes(job.bytes)) of \(job.volume)",
                        start: job.start, end: job.end, at: clock)
        }
    }

    /// The path from `host` to the first whole replica it reaches, hop by hop, after
    /// reading that replica's written blocks (so a failed pool refuses, never guesses).
    private func ioHops(_ volume: Volume, host: String) throws(CoreError) -> [IOHop] {
        let live = try liveReplicas(volume)
        let r = live.first { volume.lun != nil || storageGap(pools[volume.pools[$0]]!, from: host, viaEngine: volume.via != nil) == nil } ?? live[0]
        let pool = pools[volume.pools[r]]!
        for block in volume.written { _ = try readPoolBlock(pool.name, volume.poolBlock(block, replica: r)!) }
        var hops = [IOHop(name: host, throughput: nil)]
        let array = array(of: pool)
        if let array, let fabric = fabric(from: host, to: array) { hops.append(IOHop(name: fabric.name, throughput: fabric.bandwidth)) }
        if let via = volume.via, let engine = san.virtualizers[via], engine.mode != .outOfBand {
            hops.append(IOHop(name: via, throughput: engine.bandwidth))
        }
        if let array { hops.append(IOHop(name: array, throughput: nil)) }
        hops.append(IOHop(name: pool.name, throughput: deviceThroughput(pool)))
        return hops
    }

    /// What a pool's devices deliver to a sequential read: the slowest member's rate
    /// times the data chunks of a stripe (parity and mirror copies carry no new data).
    func deviceThroughput(_ pool: Pool) -> Double {
        pool.members.map { disks[$0]!.type.throughput }.min()! * Double(pool.dataChunks)
    }
}

/// One hop of an I/O path and the rate it allows (nil: no limit of its own).
public struct IOHop: Codable, Equatable, Sendable {
    public var name: String
    /// Bits per second.
    public var throughput: Double?
}

/// `io run`: how long the read took and along which path.
public struct IORecord: Codable, Equatable, Sendable {
    public var vm: String
    public var volume: String
    public var bytes: Int64
    /// Seconds.
    public var time: Double
    /// Bits per second: the slowest hop's.
    public var throughput: Double
    /// Host, fabric, engine, array, pool, in order.
    public var path: [String]
    /// The hop that limits the throughput.
    public var bottleneck: String
    public var limits: [IOHop]
    /// Out-of-band: fetched (asked the metadata service), cached; otherwise none.
    public var mapping: String
    /// The background job, with `async`.
    public var job: Int?
}
