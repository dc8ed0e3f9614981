import VirtCore
import VirtLang

/// CORE.md section 1, server virtualization, as one part: every command in the
/// order `help` lists them, how each kind of object becomes a record, and the
/// objects the commands' examples name.
enum ServerCommands {
    static let part = BindingPart(
        commands: ServerHosts.all + ServerHypervisors.all + ServerOS.all + ServerVMs.all + ServerVMRun.all
            + ServerMigration.all + ServerApps.all + ServerForms.all + ServerPlacement.all,
        kinds: [
            KindRecords(.host, shape: "box3d", ServerRecords.host) { w, name throws(CoreError) in try w.hostInfo(name) },
            KindRecords(.nic, shape: "ellipse", ServerRecords.nic) { w, name throws(CoreError) in try w.nicInfo(name) },
            KindRecords(.vm, shape: "box", within: ["host"], ServerRecords.vm) { w, name throws(CoreError) in try w.vmInfo(name) },
            KindRecords(.app, within: ["target"], ServerRecords.app) { w, name throws(CoreError) in try w.appInfo(name) },
        ] + FormKind.allCases.map { form in
            KindRecords(form.objectKind, within: ["on"], ServerRecords.form) { w, name throws(CoreError) in try w.formInfo(name) }
        },
        exampleSetup: """
            host add pm1 cpus=8 mem=32G
            host add pm2 cpus=8 mem=32G
            hypervisor install pm1 kind=hardware
            hypervisor install pm2 kind=hardware
            vm create web1 vcpus=2 mem=4G os=linux host=pm1
            vm create db1 vcpus=2 mem=4G os=linux host=pm1
            vm start web1
            app run shop on=web1 kind=web
            host add bsd1 cpus=4 mem=8G os=freebsd
            host add lnx1 cpus=4 mem=8G
            host add win1 cpus=4 mem=8G os=windows
            """)
}
