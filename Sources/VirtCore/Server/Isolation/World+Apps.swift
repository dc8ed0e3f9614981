/// `app run|stop|info|list`: processes competing under one OS, or isolated in VMs.
extension World {
    /// `app run NAME on=TARGET kind=K [threads=N]`. A mem-hog makes the OS kill the
    /// largest other process sharing its memory; a panic crashes the kernel it runs on.
    public mutating func runApp(_ name: String, on target: String, kind: AppKind, threads: Int? = nil) throws(CoreError) {
        try registry.checkFree(name, for: .app)
        try blaming("on") { () throws(CoreError) in try checkRunnableTarget(target, for: "an app") }
        if let threads, !(1...1_000_000).contains(threads) {
            throw .value("threads must be between 1 and 1,000,000, not \(threads)", at: "threads")
        }
        registry.insert(name, as: .app)
        apps[name] = App(name: name, target: target, kind: kind, threads: threads ?? kind.defaultThreads)
        switch kind {
        case .memHog: outOfMemory(causedBy: name)
        case .panic: panic(from: name)
        default: break
        }
    }

    /// `app stop`: the app ends and is removed.
    public mutating func stopApp(_ name: String) throws(CoreError) {
        _ = try existingApp(name)
        apps.removeValue(forKey: name)
        registry.remove(name)
    }

    /// `app info`: state and throughput as the schedulers grant them now.
    public func appInfo(_ name: String) throws(CoreError) -> AppInfo {
        let app = try existingApp(name)
        let throughput = app.killed ? 0 : self.throughput(of: app)
        let state: AppState = app.killed ? .killed : throughput < 1 - 1e-9 ? .degraded : .running
        return AppInfo(name: name, target: app.target, kind: app.kind, threads: app.threads, state: state,
                       throughput: throughput, killReason: app.killReason)
    }

    /// `app list [on=TARGET]`, in creation order.
    public func appList(on target: String? = nil) -> [AppInfo] {
        apps.values.filter { target == nil || $0.target == target }.compactMap { try? appInfo($0.name) }
    }

    func existingApp(_ name: String) throws(CoreError) -> App {
        guard let app = apps[name] else { throw CoreError.unknown(.app, name, among: Array(apps.keys), at: "name") }
        return app
    }

    /// The OOM killer: the largest other live process sharing the hog's memory dies.
    /// (The hog is modelled as many small workers, so it is never the largest.)
    private mutating func outOfMemory(causedBy hog: String) {
        let domain = memoryDomain(of: apps[hog]!.target)
        let victims = apps.values.filter { !$0.killed && $0.name != hog && memoryDomain(of: $0.target) == domain }
        guard let victim = victims.max(by: { ($0.kind.memory ?? 0) < ($1.kind.memory ?? 0) }),
              (victim.kind.memory ?? 0) > 0 else { return }
        apps[victim.name]!.killed = true
        apps[victim.name]!.killReason = "killed by the out-of-memory killer (\(hog) exhausted memory)"
    }

    /// A kernel panic. A jail shares its host's kernel and coLinux runs in the host's
    /// ring 0, so a panic there fails the host; a VM, UML or JVM crashes alone.
    private mutating func panic(from app: String) {
        let target = apps[app]!.target
        var victim = target
        while let form = forms[victim], form.kind == .jail || form.kind == .colinux { victim = form.on }
        let reason = "kernel panic caused by \(app)"
        switch registry.kind(of: victim) {
        case .host:
            markFailed(victim, reason: reason)
        case .vm:
            crashVM(victim, reason: reason)
        default:
            forms[victim]!.crashed = true
            forms[victim]!.crashReason = reason
            crashInside(victim, reason: reason)
        }
        apps[app]!.killed = true
        apps[app]!.killReason = reason
    }

    /// Where an app's memory comes from: its VM, UML, coLinux or JVM, or its host for host apps and jails.
    func memoryDomain(of target: String) -> String {
        chain(of: target).first { forms[$0]?.kind != .jail } ?? target
    }

    private func memoryCapacity(of domain: String) -> Int64 {
        hosts[domain]?.mem ?? vms[domain]?.mem ?? forms[domain]?.mem ?? 0
    }

    /// Fraction of its CPU demand an app gets, halved while its memory domain is exhausted.
    func throughput(of app: App) -> Double {
        guard app.kind.cpuPerThread > 0, app.threads > 0 else { return 1 }
        let pool = chain(of: app.target).last!
        let peers = apps.values.filter { !$0.killed && chain(of: $0.target).last == pool }
        var claims = peers.map { Claim(demand: $0.kind.cpuPerThread, weight: 1, count: $0.threads) }
        if let vm = vms[pool], vm.load > 0 {
            claims.append(Claim(demand: vm.load, weight: 1, count: vm.vcpus))
        }
        let grants = fairShare(claims, capacity: cpuCapacity(of: pool))
        let index = peers.firstIndex { $0.name == app.name }!
        let cpu = min(1, grants[index] / app.kind.cpuPerThread)
        return memoryExhausted(memoryDomain(of: app.target)) ? cpu * 0.5 : cpu
    }

    /// A memory domain is exhausted while a mem-hog lives in it or its apps need more than it has.
    private func memoryExhausted(_ domain: String) -> Bool {
        let live = apps.values.filter { !$0.killed && memoryDomain(of: $0.target) == domain }
        if live.contains(where: { $0.kind == .memHog }) { return true }
        return live.reduce(Int64(0)) { $0 + ($1.kind.memory ?? 0) } > memoryCapacity(of: domain)
    }

    /// CPUs available to the processes of a host's own OS, or of a VM (its credit-scheduler grant).
    private func cpuCapacity(of pool: String) -> Double {
        if let host = hosts[pool] {
            return host.state == .up && host.power == .on ? Double(host.cpus) : 0
        }
        guard let vm = vms[pool], vm.state == .running, let hostName = vm.host else { return 0 }
        return creditGrants(on: hostName)[pool] ?? 0
    }

    /// Xen's credit scheduler on one host: each running VM's CPUs, by weight, within its cap and vcpus.
    func creditGrants(on hostName: String) -> [String: Double] {
        let host = hosts[hostName]!
        let running = host.vms.compactMap { vms[$0] }.filter { $0.state == .running }
        let claims = running.map { vm in
            let appDemand = apps.values.filter { !$0.killed && chain(of: $0.target).last == vm.name }
                .reduce(0.0) { $0 + $1.kind.cpuPerThread * Double($1.threads) }
            var demand = min(Double(vm.vcpus), vm.load * Double(vm.vcpus) + appDemand)
            if vm.cap > 0 { demand = min(demand, vm.cap) }
            return Claim(demand: demand, weight: Double(vm.weight), count: 1)
        }
        let capacity = host.state == .up && host.power == .on ? Double(host.cpus) : 0
        let grants = fairShare(claims, capacity: capacity)
        return Dictionary(uniqueKeysWithValues: zip(running.map(\.name), grants))
    }
}
