import OrderedCollections

/// What the storage part keeps for copies made on the virtual clock: distributed
/// stores (`dfs`), copy jobs in progress, and the volume replicas that cannot be
/// read and since when (a copy down for `World.replicaTimeout` is given up and
/// made again elsewhere).
struct DistributedState: Codable, Equatable, Sendable {
    var stores: OrderedDictionary<String, DistributedStore> = [:]
    var jobs: OrderedDictionary<Int, ReplicationJob> = [:]
    /// Volume replicas whose pool cannot be read, in the order they went down.
    var downReplicas: [DownReplica] = []
}

/// One replica of a volume whose pool cannot be read, and since when.
struct DownReplica: Codable, Equatable, Sendable {
    var volume: String
    var replica: Int
    var down: Countdown
}

/// Since when a copy (or a chunk server) has been down, and the timeout event that
/// gives it up (cancelled when it answers again, so `wait` does not run into it).
struct Countdown: Codable, Equatable, Sendable {
    var since: Double
    var timer: Int
}

/// Work a store does in the background, ended by one `finish-replication` event.
struct ReplicationJob: Codable, Equatable, Sendable {
    var id: Int
    var start: Double
    var end: Double
    /// Bytes copied.
    var bytes: Int64
    var work: Work

    enum Work: Codable, Equatable, Sendable {
        /// A volume replica copied from a whole one, back into its own pool (resync)
        /// or into a new pool (re-replication) at pool block `base`.
        case volume(name: String, replica: Int, pool: String, base: Int64)
        /// GFS: chunks cloned onto chunk servers that lack them.
        case clone(store: String, copies: [ChunkCopy])
        /// Dynamo: a write reaching the replicas that did not take it at once.
        case catchUp(store: String, key: String, item: Versioned, nodes: [String])
        /// Dynamo: the hints kept for (or by) a node handed over now that both ends are up.
        case handoff(store: String, node: String)
    }
}

/// One chunk clone: the key's chunk onto `node`.
struct ChunkCopy: Codable, Equatable, Sendable {
    var key: String
    var node: String
}

/// The storage part's kind for distributed stores.
extension ObjectKind {
    public static let dfs = ObjectKind("dfs", noun: "distributed store")
}

extension World {
    /// How long a copy may be unreachable before the store makes it again elsewhere:
    /// 10 minutes (HDFS declares a DataNode dead after 10.5 minutes without a
    /// heartbeat; Ceph marks an OSD out after `mon_osd_down_out_interval`, 600 s).
    public static let replicaTimeout = 600.0

    var stores: OrderedDictionary<String, DistributedStore> {
        get { storage.distributed.stores }
        _modify { yield &storage.distributed.stores }
    }
    var replicationJobs: OrderedDictionary<Int, ReplicationJob> {
        get { storage.distributed.jobs }
        _modify { yield &storage.distributed.jobs }
    }

    /// Whether a host serves now (up); a name that is no host does not.
    func isUp(_ host: String) -> Bool { (try? hostInfo(host))?.state == .up }

    /// Starts the timeout of a copy going down now.
    mutating func startCountdown() -> Countdown {
        let timer = takeJobID()
        scheduleReplication(StoragePart.replicaTimeoutEvent, job: timer, after: World.replicaTimeout)
        return Countdown(since: clock, timer: timer)
    }

    /// A copy answers again: its timeout will not be needed.
    mutating func cancelCountdown(_ countdown: Countdown) {
        events.cancel(job: countdown.timer, part: "storage")
    }

    /// Whether the copy has been down for the timeout.
    func expired(_ countdown: Countdown) -> Bool { clock >= countdown.since + World.replicaTimeout }

    /// Schedules one of the part's replication events.
    mutating func scheduleReplication(_ name: String, job: Int, after delay: Double) {
        schedule(EventAction(part: "storage", name: name, job: job), after: delay)
    }

    /// Starts a background job of `bytes` taking `time`; it ends with `finish-replication`.
    mutating func startReplication(_ work: ReplicationJob.Work, bytes: Int64, time: Double) {
        let id = takeJobID()
        replicationJobs[id] = ReplicationJob(id: id, start: clock, end: clock + time, bytes: bytes, work: work)
        scheduleReplication(StoragePart.finishReplicationEvent, job: id, after: time)
    }
}
