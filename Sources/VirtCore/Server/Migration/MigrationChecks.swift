/// What a migration is asked to do, as the precondition checks see it.
struct MigrationRequest {
    var vm: VM
    var source: Host
    var destination: Host
    var mode: MigrationMode
    /// `with-storage=yes`: volumes the destination cannot reach are copied to its own storage.
    var withStorage = false
}

/// One precondition of migration: a named check that throws a clear error.
/// Each part lists its own in its `PartDescriptor` (storage: volumes on shared
/// storage, or with-storage; network: no SR-IOV function attached).
struct MigrationCheck: Sendable {
    var name: String
    var check: @Sendable (World, MigrationRequest) throws(CoreError) -> Void
}

/// Work done after a VM arrives, listed by each part in its `PartDescriptor`
/// (the network part adds MAC relearning by RARP).
typealias MigrationHook = @Sendable (inout World, MigrationRequest) -> Void

/// Work a part adds when a migration starts (after every check), adding its bytes
/// and time to the record; it cannot fail (its check ran first).
typealias MigrationStart = @Sendable (inout World, MigrationRequest, inout MigrationRecord, MigrationParameters) -> Void

extension World {
    /// The server part's preconditions: the VM's state, the destination, compatible
    /// hypervisors, CPUs and guest OS, and room.
    static let serverMigrationChecks: [MigrationCheck] = [
        MigrationCheck(name: "vm-state") { _, r throws(CoreError) in
            let vm = r.vm
            if let job = vm.migrating {
                throw .state("VM '\(vm.name)' is already migrating (job \(job))", hint: "wait for it to finish")
            }
            switch vm.state {
            case .crashed:
                throw .state("VM '\(vm.name)' has crashed; a crashed VM is not migrated", hint: "vm restart \(vm.name) host=\(r.destination.name)")
            case .running: break
            case .stopped, .paused:
                if r.mode != .cold {
                    throw .state("\(r.mode.rawValue) is a live migration of a running VM, and '\(vm.name)' is \(vm.state.rawValue)",
                                 hint: "mode=cold moves a \(vm.state.rawValue) VM")
                }
            case .pending: break
            }
        },
        MigrationCheck(name: "destination") { _, r throws(CoreError) in
            let d = r.destination
            if d.name == r.source.name { throw .state("VM '\(r.vm.name)' is already on \(d.name)") }
            guard d.state == .up else { throw .state("destination \(d.name) has failed", hint: "host repair \(d.name)") }
            guard d.power == .on else { throw .state("destination \(d.name) is powered off", hint: "host power \(d.name) on") }
            guard d.hypervisor != nil else {
                throw .state("destination \(d.name) has no hypervisor", hint: "hypervisor install \(d.name) kind=\(r.source.hypervisor!.kind.rawValue)")
            }
        },
        MigrationCheck(name: "hypervisor-kind") { _, r throws(CoreError) in
            let from = r.source.hypervisor!.kind, to = r.destination.hypervisor!.kind
            guard from == to else {
                throw .state("\(r.source.name) runs a \(from.rawValue) hypervisor and \(r.destination.name) a \(to.rawValue) one: a VM migrates only between hypervisors of the same kind",
                             hint: "choose a destination with a \(from.rawValue) hypervisor")
            }
        },
        MigrationCheck(name: "cpu-vendor") { _, r throws(CoreError) in
            guard r.source.cpu == r.destination.cpu else {
                throw .state("\(r.source.name) has an \(r.source.cpu.rawValue) CPU and \(r.destination.name) an \(r.destination.cpu.rawValue) one: a running guest cannot change CPU vendor (instruction sets and virtualization extensions differ)",
                             hint: "choose a destination with an \(r.source.cpu.rawValue) CPU")
            }
        },
        MigrationCheck(name: "guest-os") { _, r throws(CoreError) in
            try r.vm.os.check(on: r.destination.hypervisor!.kind, host: r.destination.name)
        },
        MigrationCheck(name: "room") { _, r throws(CoreError) in
            let d = r.destination
            guard d.fits(vcpus: r.vm.vcpus, mem: r.vm.mem) else {
                throw .state("destination \(d.name) has no room for \(r.vm.name) (\(r.vm.vcpus) vcpus, \(formatBytes(r.vm.mem)))",
                             hint: "\(d.name) has \(d.cpusUsed) of \(fmt(d.cpuCapacity)) vcpus and \(formatBytes(d.memUsed)) of \(formatBytes(Int64(d.memCapacity))) assigned")
            }
        },
    ]
}
