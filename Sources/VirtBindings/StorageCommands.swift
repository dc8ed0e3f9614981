import VirtCore
import VirtLang

/// CORE.md section 2, storage virtualization, as one part: its commands in the
/// order `help` lists them, how each kind becomes a record, and the objects the
/// commands' examples name.
enum StorageCommands {
    static let part = BindingPart(
        commands: StorageDisks.all + StoragePools.all + StorageVolumes.all + StorageDomains.all,
        kinds: [
            KindRecords(.disk, shape: "cylinder", within: ["host"], StorageRecords.disk) { w, name throws(CoreError) in try w.diskInfo(name) },
            KindRecords(.pool, shape: "folder", StorageRecords.pool) { w, name throws(CoreError) in try w.poolInfo(name) },
            KindRecords(.volume, shape: "note", within: ["pool"], StorageRecords.volume) { w, name throws(CoreError) in try w.volumeInfo(name) },
        ],
        exampleSetup: """
            host add st1 cpus=8 mem=32G rack=r1
            hypervisor install st1 kind=hardware
            vm create stvm1 vcpus=1 mem=1G os=linux host=st1
            disk add d1 size=1G on=st1
            disk add d2 size=1G on=st1
            disk add d3 size=1G on=st1
            disk add d4 size=1G on=st1
            disk add d5 size=1G site=s1
            disk add d6 size=1G site=s1
            disk add d7 size=1G site=s1
            disk add d9 size=1G
            pool create p1 disks=d1,d2,d3,d4 raid=6
            volume create v1 pool=p1 size=100M
            volume write v1 block=0 data=hello
            """)
}
