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
        kinds: [.disk, .pool, .volume],
        vmVolumes: { world, vm in world.volumes.values.filter { $0.vm == vm }.map(\.name) },
        vmDestroyed: { world, vm in
            for name in world.volumes.keys where world.volumes[name]!.vm == vm { world.volumes[name]!.vm = nil }
        },
        perform: { world, action in
            if action.name == finishRebuildEvent { world.finishRebuild(job: action.job) }
        },
        pendingWork: { world in world.rebuildWork() },
        checkInvariants: { world throws(CoreError) in try world.checkStorageInvariants() })

    /// The event that ends a rebuild.
    static let finishRebuildEvent = "finish-rebuild"
}
