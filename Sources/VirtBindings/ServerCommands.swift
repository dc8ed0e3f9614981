import VirtCore
import VirtLang

/// CORE.md section 1, server virtualization: every command, in the order `help` lists them,
/// and how each kind of object becomes a record for `show`.
enum ServerCommands {
    static let all: [CommandSpec] = ServerHosts.all + ServerHypervisors.all + ServerOS.all + ServerVMs.all
        + ServerVMRun.all + ServerMigration.all + ServerApps.all + ServerForms.all + ServerPlacement.all

    static let infoProviders: [InfoProvider] = [
        InfoProvider(kind: .host) { w, name throws(CoreError) in ServerRecords.host(try w.hostInfo(name)) },
        InfoProvider(kind: .vm) { w, name throws(CoreError) in ServerRecords.vm(try w.vmInfo(name)) },
        InfoProvider(kind: .app) { w, name throws(CoreError) in ServerRecords.app(try w.appInfo(name)) },
    ] + [ObjectKind.jail, .uml, .colinux, .jvm].map { kind in
        InfoProvider(kind: kind) { w, name throws(CoreError) in ServerRecords.form(try w.formInfo(name)) }
    }
}
