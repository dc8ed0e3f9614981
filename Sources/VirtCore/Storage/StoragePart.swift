import OrderedCollections

/// The storage part of the world (CORE.md section 2): disks with their bytes, RAID
/// pools, volumes carved from them, and rebuilds in progress. Its operations are
/// `World` extensions in this folder; they reach the part's storage through the
/// accessors below and other parts through their public operations and hooks.
public struct StoragePart: Codable, Equatable, Sendable {
    var disks: OrderedDictionary<String, Disk> = [:]
    var pools: OrderedDictionary<String, Pool> = [:]
    var volumes: OrderedDictionary<String, Volume> = [:]
    var rebuilds: OrderedDictionary<Int, RebuildJob> = [:]
    /// Racks and sites down (`rack fail`, `site fail`), in the order they failed.
    var downRacks: [String] = []
    var downSites: [String] = []
    /// The hosts each place's failure took down ("rack r1"), to bring back on repair.
    var domainHosts: OrderedDictionary<String, [String]> = [:]
    /// Arrays, fabrics, virtualizers, NAS filers and shares (`SAN/`, `NAS/`).
    var san = SANState()
    /// Distributed stores and copies made on the virtual clock (`Distributed/`).
    var distributed = DistributedState()
}

/// The storage part's kinds of object.
extension ObjectKind {
    public static let disk = ObjectKind("disk")
    public static let pool = ObjectKind("pool")
    public static let volume = ObjectKind("volume")
}

/// The part's storage as the storage operations use it.
extension World {
    var disks: OrderedDictionary<String, Disk> {
        get { storage.disks }
        _modify { yield &storage.disks }
    }
    var pools: OrderedDictionary<String, Pool> {
        get { storage.pools }
        _modify { yield &storage.pools }
    }
    var volumes: OrderedDictionary<String, Volume> {
        get { storage.volumes }
        _modify { yield &storage.volumes }
    }
    var rebuilds: OrderedDictionary<Int, RebuildJob> {
        get { storage.rebuilds }
        _modify { yield &storage.rebuilds }
    }
}

extension StoragePart {
    /// The storage part's entry in `World.parts`.
    static let descriptor = PartDescriptor(
        name: "storage",
        kinds: [.disk, .pool, .volume, .dfs] + SANState.kinds,
        migrationChecks: World.storageMigrationChecks,
        migrationStarts: World.storageMigrationStarts,
        restartChecks: [World.storageRestartCheck],
        vmVolumes: { world, vm in world.volumes.values.filter { $0.vm == vm }.map(\.name) },
        removed: { world, name in
            // A destroyed VM's volumes are detached; a removed host's disks are no longer local to anything.
            for volume in world.volumes.keys where world.volumes[volume]!.vm == name { world.volumes[volume]!.vm = nil }
            for disk in world.disks.keys where world.disks[disk]!.host == name { world.disks[disk]!.host = nil }
            world.sanRemoved(name)
            world.dropNode(name)
        },
        hostFailed: { world, _, _ in world.watchReplicas() },
        hostRepaired: { world, host in
            // The host's local disks answer again: the disks of pools that ran without them are stale.
            var before: [String: Set<Int>] = [:]
            for (name, pool) in world.pools {
                let local = Set(pool.members.indices.filter { world.disks[pool.members[$0]]!.host == host && world.reachable(world.disks[pool.members[$0]]!) })
                if !local.isEmpty { before[name] = world.unavailable(pool).union(local) }
            }
            world.markReturned(since: before)
            world.startHandoffs(host)
        },
        perform: { world, action in
            switch action.name {
            case finishRebuildEvent: world.finishRebuild(job: action.job)
            case finishIOEvent: world.san.ioJobs.removeValue(forKey: action.job)
            default: world.performReplication(action)
            }
        },
        pendingWork: { world in world.rebuildWork() + world.ioWork() + world.replicationWork() },
        checkInvariants: { world throws(CoreError) in try world.checkStorageInvariants() })

    /// The event that ends a rebuild.
    static let finishRebuildEvent = "finish-rebuild"
    /// The event that ends a background `io run`.
    static let finishIOEvent = "finish-io"
    /// The event that ends a copy of `Distributed/` (a resync, a clone, a catch-up, a handoff).
    static let finishReplicationEvent = "finish-replication"
    /// The event at which copies down for `World.replicaTimeout` are made again elsewhere.
    static let replicaTimeoutEvent = "replica-timeout"
}
