/// A packet a router holds until ARP finds its next hop's MAC.
struct HeldPacket {
    var router: String
    var nextHop: IPv4
    var frame: Frame
    var port: String
    var hop: Hop
    /// The hop before the router's.
    var trail: Int
    var emission: Int
}

extension Frame {
    /// The IPv4 header's addresses and protocol of an IP packet; nil for ARP and RARP.
    var ipHeader: (src: IPv4, dst: IPv4, proto: ACLProtocol)? {
        switch payload {
        case let .icmp(_, _, _, src, dst): (src, dst, .icmp)
        case let .vxlan(src, dst, _, _): (src, dst, .udp)
        case let .esp(src, dst, _, _, _): (src, dst, .any)
        case .arp, .rarp: nil
        }
    }

    /// The IP packet's size in bytes (what must fit an MTU); 0 for ARP and RARP.
    var ipLength: Int { ipHeader == nil ? 0 : length - 14 - (vlan == nil ? 0 : 4) - (etag == nil ? 0 : 8) }
}

/// The forwarding engine's hook for routers and gateways: a frame arriving at one
/// of their ports. A router answers ARP for its interfaces, checks the inbound
/// interface's ACL (in order, first match wins, implicit deny once the VLAN has a
/// list), picks the interface whose subnet holds the destination, resolves the next
/// hop by ARP (holding the packet meanwhile) and sends it out with that interface's
/// MAC and VLAN tag. A VPN gateway also carries packets through its tunnels.
extension World {
    /// Returns false when `port` is no router's or gateway's.
    mutating func routerReceive(_ frame: Frame, at port: String, trail: Int, emission: Int, _ run: inout FrameRun) -> Bool {
        guard let name = NameRegistry.owner(of: port), let router = routers[name] else { return false }
        let vlan = frame.vlan ?? untaggedVLAN(at: port)
        guard let iface = router.interfaces.first(where: { $0.port == port && ($0.vlan == vlan || $0.vlan == nil && frame.vlan == nil) }) else {
            if frame.dst != .broadcast {
                run.drops.append(Drop(device: name, reason: "\(name) has no interface in VLAN \(vlan.map(String.init) ?? "untagged") on \(port)",
                                      hops: hops(trail, in: run)))
            }
            return true
        }
        if bridgeThroughTunnels(frame, router, iface, trail: trail, &run) { return true }
        switch frame.payload {
        case let .arp(op, senderMAC, senderIP, _, targetIP):
            routers[name]!.arp[Int(senderIP.value)] = ARPEntry(mac: senderMAC, time: clock)
            releaseHeld(for: senderIP, at: name, &run)
            if op == 1, targetIP == iface.ip || vpnSessionAddress(targetIP, at: router) {
                let reply = Frame(time: frame.time, src: iface.mac, dst: senderMAC,
                                  payload: .arp(op: 2, senderMAC: iface.mac, senderIP: targetIP, targetMAC: senderMAC, targetIP: senderIP))
                emitFromRouter(reply, iface, trail: -1, emission: newEmission(&run), &run)
            }
        case .rarp: break
        case .icmp, .vxlan, .esp:
            guard frame.dst == iface.mac, let ip = frame.ipHeader else { return true }
            if router.interfaces.contains(where: { $0.ip == ip.dst }) { return true }
            if tunnelToClient(frame, router, &run) { return true }
            let acl = aclDecision(router, iface, ip)
            guard acl.permit else {
                run.drops.append(Drop(device: name, reason: acl.text, hops: hops(trail, in: run)))
                return true
            }
            if tunnelToPeer(frame, router, iface, note: acl.line == nil ? nil : acl.text, trail: trail, emission: emission, &run) { return true }
            route(frame, at: name, inPort: port, note: acl.line == nil ? nil : acl.text, trail: trail, emission: emission, &run)
        }
        return true
    }

    /// Sends an IP packet on from a router: out the interface whose subnet holds its
    /// destination (the longest prefix), to the next hop's MAC.
    mutating func route(_ frame: Frame, at name: String, inPort: String, note: String?, encap: String? = nil, trail: Int, emission: Int,
                        _ run: inout FrameRun) {
        let router = routers[name]!
        guard let ip = frame.ipHeader,
              let out = router.interfaces.filter({ $0.contains(ip.dst) }).max(by: { $0.prefix < $1.prefix }) else {
            run.drops.append(Drop(device: name, reason: "\(name) has no route to \(frame.ipHeader?.dst.description ?? "it"): no interface in its subnet",
                                  hops: hops(trail, in: run)))
            return
        }
        var packet = frame
        packet.src = out.mac
        packet.time += CloudDefaults.routerLatency
        let hop = Hop(device: name, inPort: inPort, outPort: out.port, vlan: routerTag(out).map(Int.init), encap: encap, note: note)
        if let mac = staticMAC(of: ip.dst) ?? router.arp[Int(ip.dst.value)].flatMap({ clock - $0.time < World.arpLifetime ? $0.mac : nil }) {
            packet.dst = mac
            emitFromRouter(packet, out, trail: addHop(hop, after: trail, &run), emission: emission, &run)
            return
        }
        run.held.append(HeldPacket(router: name, nextHop: ip.dst, frame: packet, port: out.port, hop: hop, trail: trail, emission: emission))
        let request = Frame(time: packet.time, src: out.mac, dst: .broadcast,
                            payload: .arp(op: 1, senderMAC: out.mac, senderIP: out.ip, targetMAC: .broadcast, targetIP: ip.dst))
        emitFromRouter(request, out, trail: -1, emission: newEmission(&run), &run)
    }

    /// The packets a router held for `ip`, sent now that its MAC is known.
    private mutating func releaseHeld(for ip: IPv4, at name: String, _ run: inout FrameRun) {
        let ready = run.held.filter { $0.router == name && $0.nextHop == ip }
        guard !ready.isEmpty, let mac = routers[name]!.arp[Int(ip.value)]?.mac else { return }
        run.held.removeAll { $0.router == name && $0.nextHop == ip }
        for held in ready {
            var packet = held.frame
            packet.dst = mac
            let out = routers[name]!.interfaces.first { $0.port == held.port && $0.mac == held.frame.src }!
            emitFromRouter(packet, out, trail: addHop(held.hop, after: held.trail, &run), emission: held.emission, &run)
        }
    }

    /// A frame leaves a router by an interface, tagged as the cabled port expects.
    mutating func emitFromRouter(_ frame: Frame, _ iface: RouterInterface, trail: Int, emission: Int, _ run: inout FrameRun) {
        var copy = frame
        copy.vlan = routerTag(iface)
        emit(copy, from: network.points.id(iface.port), trail: trail, emission: emission, &run)
    }

    /// Records a frame in a point's capture (a gateway's outside port, a VPN client's vNIC).
    mutating func record(_ frame: Frame, at point: String) {
        network.points.captures[network.points.id(point)].append(frame)
    }

    /// A new emission for a frame a router originates (its own loop guard).
    func newEmission(_ run: inout FrameRun) -> Int {
        run.visited.append([])
        return run.visited.count - 1
    }

    /// The first ACL line of the inbound interface's VLAN that matches, or the implicit deny.
    func aclDecision(_ router: Router, _ iface: RouterInterface, _ ip: (src: IPv4, dst: IPv4, proto: ACLProtocol))
        -> (permit: Bool, line: Int?, text: String) {
        let vlan = iface.vlan.map { "vlan \($0)" } ?? "untagged"
        guard let lines = router.acls[iface.aclKey], !lines.isEmpty else { return (true, nil, "") }
        let packet = "\(ip.proto.rawValue) \(ip.src) → \(ip.dst)"
        guard let n = lines.firstIndex(where: { $0.matches(src: ip.src, dst: ip.dst, proto: ip.proto) }) else {
            return (false, nil, "\(router.name) acl \(vlan): no line matches \(packet), so the implicit deny at the end drops it")
        }
        let verb = lines[n].action == .permit ? "permits" : "denies"
        return (lines[n].action == .permit, n + 1, "\(router.name) acl \(vlan) line \(n + 1) (\(lines[n].text)) \(verb) \(packet)")
    }

    /// The VLAN untagged frames belong to on the port cabled to `port` (access VLAN or native).
    private func untaggedVLAN(at port: String) -> UInt16? {
        guard let peer = network.links[port], let bridge = bridgeOf(port: peer).flatMap({ bridges[$0] }) else { return nil }
        let config = network.config(of: peer, in: bridge)
        return config.trunk ? config.native : config.vlan
    }

    /// The tag an interface's frames carry: its VLAN on a trunk (unless native), none on an access port.
    func routerTag(_ iface: RouterInterface) -> UInt16? {
        guard let vlan = iface.vlan else { return nil }
        guard let peer = network.links[iface.port], let bridge = bridgeOf(port: peer).flatMap({ bridges[$0] }) else { return vlan }
        return network.config(of: peer, in: bridge).tag(for: vlan)
    }
}
