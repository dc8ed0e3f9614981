/// `vm migrate`: moving a VM between hosts, live or cold.
extension World {
    /// Migrates a VM (the model of docs/sources.md). The VM is accounted to its destination
    /// from the start (its room is reserved) and arrives when the job ends: the
    /// clock advances by `totalTime`, or, with `async`, an event finishes it
    /// (`advance`, `runUntilIdle`) and the record carries the job id.
    @discardableResult
    public mutating func migrate(_ name: String, to destination: String, mode: MigrationMode = .precopy,
                                 parameters: MigrationParameters = MigrationParameters(),
                                 async: Bool = false) throws(CoreError) -> MigrationRecord {
        try parameters.validate()
        let request = try migrationRequest(name, to: destination, mode: mode, withStorage: parameters.withStorage)
        var record = MigrationModel.plan(request.vm, from: request.source.name, to: destination, mode: mode, parameters)
        for part in World.parts {
            for start in part.migrationStarts { start(&self, request, &record, parameters) }
        }
        let job = takeJobID()
        record.job = async ? job : nil
        move(request.vm.name, to: destination)
        vms[name]!.migrating = job
        migrations[job] = MigrationJob(id: job, vm: name, from: request.source.name, to: destination,
                                       start: clock, end: clock + record.totalTime, record: record)
        schedule(EventAction(part: ServerPart.descriptor.name, name: ServerPart.finishMigrationEvent, job: job),
                 after: record.totalTime)
        if !async { try advance(by: record.totalTime) }
        return record
    }

    /// The record of a background migration still in flight.
    public func migrationJob(_ id: Int) -> MigrationRecord? { migrations[id]?.record }

    /// Validates a migration against every precondition without changing anything.
    func migrationRequest(_ name: String, to destination: String, mode: MigrationMode,
                          withStorage: Bool = false) throws(CoreError) -> MigrationRequest {
        let vm = try existingVM(name)
        let dest = try existingHost(destination, at: "to")
        guard let sourceName = vm.host else {
            throw .state("VM '\(name)' is pending: it has no host to migrate from", hint: "vm set \(name) host=\(destination)")
        }
        let request = MigrationRequest(vm: vm, source: hosts[sourceName]!, destination: dest, mode: mode, withStorage: withStorage)
        for part in World.parts {
            for check in part.migrationChecks { try check.check(self, request) }
        }
        return request
    }

    /// Reassigns a VM to another host, keeping both hosts' counters.
    mutating func move(_ name: String, to destination: String) {
        var vm = vms[name]!
        hosts[vm.host!]!.unassign(vm)
        assign(&vm, to: destination)
        vms[name] = vm
    }

    mutating func finishMigration(job id: Int) {
        guard let job = migrations.removeValue(forKey: id) else { return }
        guard vms[job.vm]?.migrating == id else { return }
        vms[job.vm]!.migrating = nil
        vms[job.vm]!.lastMigration = job.record.mode
        vms[job.vm]!.lastDowntime = job.record.downtime
        let request = MigrationRequest(vm: vms[job.vm]!, source: hosts[job.from]!, destination: hosts[job.to]!,
                                       mode: job.record.mode)
        arrived(request)
    }

    /// Migrations in flight from or to a host.
    func migrations(involving host: String) -> [MigrationJob] {
        migrations.values.filter { $0.from == host || $0.to == host }
    }

    /// A host at either end of a migration in flight failed (post-copy: Hines et al.):
    /// the job is cancelled. Pre-copy and cold: the VM never left the source and
    /// is assigned there again (it keeps running if the source lives). Post-copy:
    /// the VM already runs on the destination with its memory still on the source,
    /// so it is lost (crashed, on the destination).
    mutating func abortMigrations(involving host: String, reason: String) {
        for job in migrations(involving: host) {
            migrations.removeValue(forKey: job.id)
            events.cancel(job: job.id, part: ServerPart.descriptor.name)
            vms[job.vm]!.migrating = nil
            if job.record.mode == .postcopy {
                crashVM(job.vm, reason: "\(reason) during its post-copy migration \(job.from) → \(job.to) (job \(job.id))")
            } else {
                move(job.vm, to: job.from)
            }
        }
    }

    /// Refuses to power off or strip a host while a migration runs from or to it.
    func checkNoMigration(on host: String, _ action: String) throws(CoreError) {
        if let job = migrations(involving: host).first {
            throw .state("cannot \(action) \(host): it is the \(job.from == host ? "source" : "destination") of migration job \(job.id) (\(job.vm))",
                         hint: "wait for the migration to finish")
        }
    }

    /// Runs every part's after-arrival hooks for a VM that reached its destination.
    mutating func arrived(_ request: MigrationRequest) {
        for part in World.parts {
            for hook in part.migrationHooks { hook(&self, request) }
        }
    }

    /// Migrations in flight, for `show`.
    func migrationWork() -> [PendingWork] {
        migrations.values.map { job in
            PendingWork(id: job.id, summary: "migrate \(job.vm) \(job.from) → \(job.to) (\(job.record.mode.rawValue))",
                        start: job.start, end: job.end, at: clock)
        }
    }
}

/// A migration in flight.
struct MigrationJob: Codable, Equatable, Sendable {
    var id: Int
    var vm: String
    var from: String
    var to: String
    var start: Double
    var end: Double
    var record: MigrationRecord
}
