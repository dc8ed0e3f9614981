/// `jail|uml|colinux|jvm create`, `… destroy`, `… info`.
extension World {
    /// Creates a jail (freebsd host), UML (linux host), coLinux (windows host) or JVM (any
    /// running OS: a host without hypervisor, a VM, a jail, UML or coLinux). `mem` defaults to `kind.defaultMem`.
    public mutating func createForm(_ name: String, kind: FormKind, on target: String, mem: Int64? = nil) throws(CoreError) {
        try registry.checkFree(name, for: kind.objectKind)
        let mem = kind == .jail ? 0 : (mem ?? kind.defaultMem)
        if kind != .jail, mem <= 0 { throw .value("mem must be positive, not \(mem) bytes", at: "mem") }
        if kind == .jvm {
            try blaming("on") { () throws(CoreError) in try checkRunnableTarget(target, for: "a JVM") }
        } else {
            let host = try existingHost(target, at: "on")
            let needed: HostOS = switch kind {
            case .jail: .freebsd
            case .uml: .linux
            default: .windows
            }
            if host.os != needed {
                let what = kind == .jail ? "jails are a FreeBSD kernel feature" :
                    kind == .uml ? "User-Mode Linux runs as a process of a Linux kernel" :
                    "Cooperative Linux runs beside a Windows kernel"
                throw .state("\(what), and \(target) runs \(host.os.rawValue)",
                             hint: "use a host added with os=\(needed.rawValue)")
            }
            try blaming("on") { () throws(CoreError) in try checkRunnableTarget(target, for: "a \(kind.rawValue)") }
        }
        registry.insert(name, as: kind.objectKind)
        forms[name] = Form(name: name, kind: kind, on: target, mem: mem)
    }

    /// Destroys a jail, UML, coLinux or JVM with everything running inside it.
    public mutating func destroyForm(_ name: String) throws(CoreError) {
        _ = try existingForm(name)
        removeInside(name)
        forms.removeValue(forKey: name)
        registry.remove(name)
    }

    /// The record of a jail, UML, coLinux or JVM.
    public func formInfo(_ name: String) throws(CoreError) -> FormInfo {
        let form = try existingForm(name)
        let runs = switch form.kind {
        case .jail: "freebsd"
        case .uml, .colinux: "linux"
        case .jvm: "bytecode"
        }
        return FormInfo(name: name, kind: form.kind, on: form.on, state: form.crashed ? "crashed" : "running",
                        mem: form.mem, runs: runs, crashReason: form.crashReason)
    }

    /// Every form of one kind, in creation order.
    public func formList(kind: FormKind? = nil) -> [FormInfo] {
        forms.values.filter { kind == nil || $0.kind == kind }.compactMap { try? formInfo($0.name) }
    }

    func existingForm(_ name: String) throws(CoreError) -> Form {
        guard let form = forms[name] else {
            if let kind = registry.kind(of: name) {
                throw CoreError(.name, "'\(name)' is a \(kind.noun), not a jail, UML, coLinux or JVM")
            }
            throw CoreError(.name, "'\(name)' does not exist",
                            hint: forms.isEmpty ? "there are no jails, UML, coLinux or JVM instances yet" : "they are \(listed(Array(forms.keys)))")
        }
        return form
    }

    /// The target can run processes now: a working, powered host without a hypervisor,
    /// a running VM, or a running jail, UML, coLinux or JVM whose own host works.
    func checkRunnableTarget(_ target: String, for what: String) throws(CoreError) {
        switch registry.kind(of: target) {
        case .host:
            let host = hosts[target]!
            if let hv = host.hypervisor {
                throw .state("\(target) runs a \(hv.kind.rawValue) hypervisor, so its own OS is not available for \(what)",
                             hint: "run it inside a VM on \(target), or on a host without a hypervisor")
            }
            guard host.state == .up else { throw .state("host '\(target)' has failed", hint: "host repair \(target)") }
            guard host.power == .on else { throw .state("host '\(target)' is powered off", hint: "host power \(target) on") }
        case .vm:
            let vm = vms[target]!
            guard vm.state == .running else {
                throw .state("VM '\(target)' is \(vm.state.rawValue); \(what) needs a running VM", hint: "vm start \(target)")
            }
        case .jail, .uml, .colinux, .jvm:
            let form = forms[target]!
            guard !form.crashed else { throw .state("\(form.kind.rawValue) '\(target)' has crashed", hint: "destroy it and create it again") }
            try checkRunnableTarget(form.on, for: what)
        case nil:
            throw CoreError(.name, "'\(target)' does not exist",
                            hint: "a target is a host, a VM, a jail, UML, coLinux or a JVM")
        case let other?:
            throw .value("'\(target)' is \(other.aNoun); \(what) runs on a host, a VM, a jail, UML, coLinux or a JVM")
        }
    }

    /// The target itself, then what it runs on, up to its host or VM.
    func chain(of target: String) -> [String] {
        var result = [target]
        var current = target
        while let form = forms[current] {
            result.append(form.on)
            current = form.on
        }
        return result
    }

    /// Kills every app and crashes every form running inside `target` (its own apps included).
    mutating func crashInside(_ target: String, reason: String) {
        for app in apps.values where !app.killed && chain(of: app.target).contains(target) {
            apps[app.name]!.killed = true
            apps[app.name]!.killReason = reason
        }
        for form in forms.values where !form.crashed && form.name != target && chain(of: form.name).contains(target) {
            forms[form.name]!.crashed = true
            forms[form.name]!.crashReason = reason
        }
    }

    /// Removes every app and form inside `target` (it is being destroyed).
    mutating func removeInside(_ target: String) {
        for app in apps.values where chain(of: app.target).contains(target) {
            apps.removeValue(forKey: app.name)
            registry.remove(app.name)
        }
        for form in forms.values where form.name != target && chain(of: form.name).contains(target) {
            forms.removeValue(forKey: form.name)
            registry.remove(form.name)
        }
    }

    /// Live apps running on a host's own OS (directly or in its jails, UML, coLinux, JVMs).
    func liveApps(onHostKernel host: String) -> [String] {
        apps.values.filter { !$0.killed && chain(of: $0.target).contains(host) }.map(\.name)
    }

    /// Forms running on a host's own OS.
    func formsOn(host: String) -> [String] {
        forms.values.filter { chain(of: $0.name).contains(host) }.map(\.name)
    }
}
