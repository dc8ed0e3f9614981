import VirtCore
import VirtLang

/// CORE.md section 2, storage virtualization, as one part: its commands in the
/// order `help` lists them, how each kind becomes a record, and the objects the
/// commands' examples name.
enum StorageCommands {
    static let part = BindingPart(
        commands: StorageDisks.all + StoragePools.all + StorageVolumes.all + StorageDomains.all
            + StorageEngines.all + StorageSAN.all + StorageNAS.all,
        kinds: [
            KindRecords(.disk, shape: "cylinder", within: ["host", "array"], StorageRecords.disk) { w, name throws(CoreError) in try w.diskInfo(name) },
            KindRecords(.pool, shape: "folder", StorageRecords.pool, picture: StoragePools.stripeMap) { w, name throws(CoreError) in try w.poolInfo(name) },
            KindRecords(.volume, shape: "note", within: ["pool"], StorageRecords.volume) { w, name throws(CoreError) in try w.volumeInfo(name) },
            KindRecords(.lun, shape: "note", within: ["array"], StorageRecords.volume) { w, name throws(CoreError) in try w.volumeInfo(name) },
            KindRecords(.array, shape: "box3d", StorageSANRecords.array) { w, name throws(CoreError) in try w.arrayInfo(name) },
            KindRecords(.fabric, shape: "hexagon", StorageSANRecords.fabric) { w, name throws(CoreError) in try w.fabricInfo(name) },
            KindRecords(.zone, shape: "octagon", within: ["fabric"], StorageSANRecords.zone) { w, name throws(CoreError) in try w.zoneInfo(name) },
            KindRecords(.virtualizer, shape: "component", within: ["host"], StorageSANRecords.virtualizer) { w, name throws(CoreError) in try w.virtualizerInfo(name) },
            KindRecords(.nas, shape: "box3d", StorageSANRecords.nas) { w, name throws(CoreError) in try w.nasInfo(name) },
            KindRecords(.share, shape: "tab", within: ["nas"], StorageSANRecords.share) { w, name throws(CoreError) in try w.shareInfo(name) },
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
            array add a1
            disk add ad1 size=1G array=a1
            disk add ad2 size=1G array=a1
            pool create ap disks=ad1,ad2 raid=1
            fabric add f1 kind=fc
            fabric connect f1 host=st1
            fabric connect f1 array=a1
            zone add f1 name=z1 members=st1,a1
            lun create l1 pool=ap size=100M
            virtualizer add vz1 mode=out-of-band
            disk add n1d1 size=1G
            disk add n1d2 size=1G
            nas add n1 disks=n1d1,n1d2
            share create sh1 nas=n1 size=100M
            mount sh1 vm=stvm1
            file write stvm1 /hello.txt hi
            """)
}
