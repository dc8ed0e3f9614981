/// VPN gateways in the forwarding engine. The internet between a client and a gateway,
/// or between two gateways, is not modelled: what crosses it is captured, as ESP, on
/// each gateway's outside port (NAME.2) and on the client's NIC.
extension World {
    /// True when `ip` is a remote-access client's inside address at this gateway (it answers ARP for it).
    func vpnSessionAddress(_ ip: IPv4, at router: Router) -> Bool {
        router.vpn?.sessions.contains { $0.ip == ip } ?? false
    }

    /// A packet for a connected client goes into its tunnel. Returns false when it is for no client.
    mutating func tunnelToClient(_ frame: Frame, _ router: Router, _ run: inout FrameRun) -> Bool {
        guard let ip = frame.ipHeader, let session = router.vpn?.sessions.first(where: { $0.ip == ip.dst }) else { return false }
        let esp = espFrame(frame, from: router.vpn!.publicIP, to: session.outer)
        record(esp, at: "\(router.name).2")
        record(esp, at: session.nic)
        if case let .icmp(0, _, _, _, _) = frame.payload { run.replyTime = frame.time + CloudDefaults.routerLatency }
        return true
    }

    /// Site to site, one network on both sides: a frame on the inside port that is not for
    /// the gateway itself crosses every such tunnel and leaves the peer's inside port.
    /// Returns true when the gateway has nothing more to do with it.
    mutating func bridgeThroughTunnels(_ frame: Frame, _ router: Router, _ iface: RouterInterface, trail: Int, _ run: inout FrameRun) -> Bool {
        guard let vpn = router.vpn, iface.port == "\(router.name).1" else { return false }
        let peers = vpn.tunnels.compactMap { routers[$0] }.filter { $0.vpn!.network == vpn.network }
        guard !peers.isEmpty, frame.dst != iface.mac else { return false }
        for peer in peers {
            let esp = espFrame(frame, from: vpn.publicIP, to: peer.vpn!.publicIP)
            record(esp, at: "\(router.name).2")
            record(esp, at: "\(peer.name).2")
            let far = peer.interfaces[0]
            var copy = frame
            copy.time += 2 * CloudDefaults.routerLatency
            let encap = "ESP \(vpn.publicIP) → \(peer.vpn!.publicIP) (IPsec tunnel mode, the frame inside)"
            let out = addHop(Hop(device: router.name, inPort: iface.port, outPort: "tunnel to \(peer.name)", encap: encap), after: trail, &run)
            let into = addHop(Hop(device: peer.name, inPort: "tunnel from \(router.name)", outPort: far.port, vlan: routerTag(far).map(Int.init)),
                              after: out, &run)
            emitFromRouter(copy, far, trail: into, emission: newEmission(&run), &run)
        }
        return !frame.dst.isMulticast
    }

    /// Site to site, different networks: a packet for the peer's network crosses the tunnel and
    /// the peer routes it on. Returns false when no tunnel leads to its destination.
    mutating func tunnelToPeer(_ frame: Frame, _ router: Router, _ iface: RouterInterface, note: String?, trail: Int, emission: Int,
                               _ run: inout FrameRun) -> Bool {
        guard let vpn = router.vpn, let ip = frame.ipHeader,
              let peer = vpn.tunnels.compactMap({ routers[$0] }).first(where: { $0.vpn!.network != vpn.network && $0.vpn!.network.contains(ip.dst) })
        else { return false }
        let esp = espFrame(frame, from: vpn.publicIP, to: peer.vpn!.publicIP)
        record(esp, at: "\(router.name).2")
        record(esp, at: "\(peer.name).2")
        var copy = frame
        copy.time += CloudDefaults.routerLatency
        let encap = "ESP \(vpn.publicIP) → \(peer.vpn!.publicIP) (IPsec tunnel mode: a new outer IP header)"
        let out = addHop(Hop(device: router.name, inPort: iface.port, outPort: "tunnel to \(peer.name)", encap: encap), after: trail, &run)
        route(copy, at: peer.name, inPort: "tunnel from \(router.name)", note: note, trail: out, emission: emission, &run)
        return true
    }

    /// `ping` from a connected client to an address its gateway fronts: authorization
    /// first, then the packet crosses the tunnel and the gateway routes it inside.
    mutating func tunnelPing(from a: String, to b: String, _ y: VNIC, data: Int?) -> PingResult? {
        guard let (gw, session) = routers.values.lazy.compactMap({ r in r.vpn?.sessions.first { $0.client == a }.map { (r, $0) } })
            .first(where: { $0.0.vpn!.network.contains(y.ip!) || self.cloudNetwork.vpnUsers[$0.1.user].map { u in u.allow.contains { $0.contains(y.ip!) } } == true })
        else { return nil }
        var result = PingResult(reachable: false, path: [a, gw.name], hops: [], from: session.nic, to: y.ip!.description)
        let user = cloudNetwork.vpnUsers[session.user]!
        let allow = allowed(user, gw.vpn!)
        guard allow.contains(where: { $0.contains(y.ip!) }) else {
            result.reason = "\(gw.name) authorizes VPN user \(user.name) for \(allow.map(\.description).joined(separator: ", ")) only, not \(y.ip!)"
            result.droppedAt = gw.name
            return result
        }
        var frames = FrameRun()
        let sequence = network.nextSequence
        network.nextSequence = sequence % 65535 + 1
        let inner = Frame(time: clock, src: gw.interfaces[0].mac, dst: gw.interfaces[0].mac,
                          payload: .icmp(type: 8, id: 1, seq: UInt16(sequence), src: session.ip, dst: y.ip!), data: data)
        let esp = espFrame(inner, from: session.outer, to: gw.vpn!.publicIP)
        record(esp, at: session.nic)
        record(esp, at: "\(gw.name).2")
        let encap = "ESP \(session.outer) → \(gw.vpn!.publicIP) removed (IPsec tunnel mode)"
        route(inner, at: gw.name, inPort: "tunnel from \(a)", note: "user \(user.name) authorized for \(allow.map(\.description).joined(separator: ", "))",
              encap: encap, trail: -1, emission: newEmission(&frames), &frames)
        run(&frames)
        if let echo = frames.echoHops, let reply = frames.replyTime, frames.echoBy == b {
            return PingResult(reachable: true, path: [a] + echo.map(\.device) + [b], rtt: reply - clock, hops: echo, from: session.nic, to: y.ip!.description)
        }
        let drop = frames.reason
        result.reason = drop?.reason ?? "\(b) did not answer \(a)'s tunnelled ping"
        result.hops = drop?.hops ?? []
        result.path = [a] + result.hops.map(\.device) + (drop.map { [$0.device] } ?? [gw.name])
        result.droppedAt = drop?.device
        return result
    }
}
