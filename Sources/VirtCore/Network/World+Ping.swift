/// What `ping A B` found (CORE.md "Records": reachable, path, rtt, reason).
public struct PingResult: Sendable {
    public var reachable: Bool
    /// The devices the echo request crossed, in order, from A to B (up to the drop when unreachable).
    public var path: [String]
    public var rtt: Double?
    /// Host CPU time spent switching the echo request: each vSwitch on the path switches it in
    /// software; an SR-IOV NIC's embedded switch does it in hardware, at no host CPU cost.
    public var cpuPerPacket: Double?
    /// Why not, naming the device and the rule: "sw1.2 does not carry VLAN 20".
    public var reason: String?
    /// The echo request's hops (or, when unreachable, those of the frame that was dropped).
    public var hops: [Hop]
    /// The device that dropped it.
    public var droppedAt: String?
    /// A's NIC and B's address used.
    public var from: String?
    public var to: String?
}

/// CORE.md 3, "IP on top" and "Tools": ARP by broadcast, ICMP echo, `ping` and `trace`.
extension World {
    /// `ping A B`: from VM A's NIC to VM B's address in A's network. Real frames
    /// cross the network, so switches learn and every port captures them.
    public mutating func ping(_ a: String, _ b: String) throws(CoreError) -> PingResult {
        _ = try existingVM(a, at: "a")
        _ = try existingVM(b, at: "b")
        guard a != b else { throw .value("ping needs two different VMs, not \(a) twice", at: "b") }
        let mine = try addressedNICs(of: a, at: "a"), theirs = try addressedNICs(of: b, at: "b")
        var unreachable = PingResult(reachable: false, path: [a], hops: [])
        guard let (x, y) = mine.lazy.flatMap({ x in theirs.lazy.map { (x, $0) } })
            .first(where: { $0.0.ip!.sameNetwork(as: $0.1.ip!, prefix: $0.0.prefix) }) else {
            let nic = mine[0]
            unreachable.reason = "\(b) has no address in \(a)'s network \(IPv4(nic.ip!.value & mask(nic.prefix)))/\(nic.prefix) (and there is no router)"
            return unreachable
        }
        unreachable.from = x.name
        unreachable.to = y.ip!.description
        if let state = vmState(a), state != .running {
            unreachable.reason = "\(a) is \(state.rawValue) and sends nothing"
            return unreachable
        }
        var frames = FrameRun()
        var mac = vnics[x.name]!.arp[Int(y.ip!.value)].flatMap { clock - $0.time < World.arpLifetime ? $0.mac : nil }
        if mac == nil {
            send(Frame(time: clock, src: x.mac, dst: .broadcast,
                       payload: .arp(op: 1, senderMAC: x.mac, senderIP: x.ip!, targetMAC: .broadcast, targetIP: y.ip!)), from: x.name, &frames)
            run(&frames)
            mac = vnics[x.name]!.arp[Int(y.ip!.value)].flatMap { $0.time == clock ? $0.mac : nil }
        }
        if let mac {
            let sequence = network.nextSequence
            network.nextSequence = sequence % 65535 + 1
            send(Frame(time: clock, src: x.mac, dst: mac,
                       payload: .icmp(type: 8, id: 1, seq: UInt16(sequence), src: x.ip!, dst: y.ip!)), from: x.name, &frames)
            run(&frames)
        }
        if let echo = frames.echoHops, let reply = frames.replyTime {
            let softwareHops = echo.filter { bridges[$0.device]?.isVSwitch == true }.count
            return PingResult(reachable: true, path: [a] + echo.map(\.device) + [b], rtt: reply - clock,
                              cpuPerPacket: Double(softwareHops) * NetworkDefaults.vswitchCPU, hops: echo, from: x.name, to: y.ip!.description)
        }
        let drop = frames.reason ?? explain(from: x, to: y).map { Drop(device: $0.device, reason: $0.reason, hops: $0.hops) }
        unreachable.reason = drop?.reason ?? (mac == nil ? "nobody answered ARP for \(y.ip!) in \(a)'s VLAN" : "\(b) did not answer")
        unreachable.hops = drop?.hops ?? []
        unreachable.path = [a] + unreachable.hops.map(\.device) + (drop.map { [$0.device] } ?? [])
        unreachable.droppedAt = drop?.device
        return unreachable
    }

    /// A VM's vNICs with an address, in attach order; throws when it has none.
    private func addressedNICs(of vm: String, at parameter: String) throws(CoreError) -> [VNIC] {
        let nics = registry.children(of: vm).compactMap { vnics[$0] }.filter { $0.ip != nil }
        guard !nics.isEmpty else {
            throw .state("\(vm) has no NIC with an IP address", hint: "nic attach \(vm) to=VSWITCH ip=10.0.0.1/24", at: parameter)
        }
        return nics
    }

    private func mask(_ prefix: Int) -> UInt32 { prefix == 0 ? 0 : ~UInt32(0) << UInt32(32 - prefix) }

    /// After a live migration or a restart elsewhere (the after-arrival hook): the VM's vNICs move to a vSwitch
    /// of the destination (its only one, else the first in the same mode, else the
    /// first), keeping MAC, IP and VLAN; then each announces its MAC by RARP so the
    /// switches relearn where it is.
    mutating func moveNICs(of vm: String, to host: String) {
        let nics = registry.children(of: vm).filter { vnics[$0] != nil && vnics[$0]!.vf == nil }
        let targets = vswitchNames(on: host)
        guard !nics.isEmpty, let first = targets.first else { return }
        var frames = FrameRun()
        for nic in nics {
            let mode = bridges[vnics[nic]!.vswitch]?.mode
            let target = targets.count == 1 ? first : targets.first { bridges[$0]!.mode == mode } ?? first
            unplug(nic)
            vnics[nic]!.vswitch = target
            bridges[target]!.attached.append(nic)
            network.reindex(target)
            let mac = vnics[nic]!.mac
            send(Frame(time: clock, src: mac, dst: .broadcast, payload: .rarp(mac: mac)), from: nic, &frames)
        }
        run(&frames)
    }

    /// The network part's migration preconditions: a VM with vNICs needs a vSwitch at the destination.
    static let networkMigrationChecks: [MigrationCheck] = [
        MigrationCheck(name: "sriov") { w, r throws(CoreError) in
            let vfNICs = w.registry.children(of: r.vm.name).filter { w.vnics[$0]?.vf != nil }
            guard let nic = vfNICs.first else { return }
            throw .state("\(r.vm.name) uses the SR-IOV virtual function \(w.vnics[nic]!.vf!) through \(nic): a VF is hardware of \(r.source.name), so the VM cannot \(r.mode == .cold ? "move to \(r.destination.name)" : "live-migrate")",
                         hint: "nic detach \(nic) first (give it a vNIC on a vSwitch to keep it reachable), then move it", at: "name")
        },
        MigrationCheck(name: "vswitch") { w, r throws(CoreError) in
            let nics = w.registry.children(of: r.vm.name).filter { w.vnics[$0] != nil }
            guard !nics.isEmpty, w.vswitchNames(on: r.destination.name).isEmpty else { return }
            throw .state("\(r.destination.name) has no vSwitch for \(listed(nics))",
                         hint: "vswitch add vs-\(r.destination.name) on=\(r.destination.name)", at: "to")
        },
    ]
}

extension World {
    /// `capture POINT`: the frames a port, host NIC or vNIC saw, oldest first.
    public func captured(at point: String) throws(CoreError) -> [Frame] {
        guard let kind = kind(of: point), kind == .port || kind == .nic || kind == .vnic else {
            throw CoreError.unknown(.port, point, among: names(ofKind: .port) + names(ofKind: .nic) + names(ofKind: .vnic), at: "point")
        }
        return network.points.frames(at: point)
    }
}
