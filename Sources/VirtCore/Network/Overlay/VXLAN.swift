/// A VXLAN header a vSwitch added or removed, put in words only for the hops `trace` reports.
struct VXLANNote {
    var vni: UInt32
    var src: IPv4
    var dst: IPv4
    var added: Bool

    var text: String {
        added ? "VXLAN VNI \(vni), UDP \(CloudDefaults.vxlanPort), \(src) → \(dst) (+\(CloudDefaults.vxlanOverhead) bytes)"
              : "VXLAN VNI \(vni) from \(src) removed"
    }
}

/// VXLAN (RFC 7348) in the forwarding engine: each host's vSwitch is a VTEP. A frame
/// of an overlay leaving by the uplink is wrapped (outer Ethernet, IPv4, UDP 4789,
/// VXLAN header with the VNI: 50 bytes) and sent to the VTEP that learned its
/// destination, or to every VTEP of the overlay for broadcasts and unknown
/// destinations (head-end replication); the receiving VTEP unwraps it, learns the
/// inner source's VTEP, and switches the inner frame within the overlay only.
extension World {
    /// The underlay address of a host's VTEP: `host add … ip=`, else the one given automatically.
    func vtepAddress(of host: String) -> IPv4? {
        if let ip = cloudNetwork.vteps[host] { return ip }
        return hosts[host]?.ip.flatMap(IPv4.init(parsing:))
    }

    /// Gives a host without `ip=` the lowest free address of 172.16.0.0/12 (RFC 1918).
    mutating func assignVTEP(_ host: String) {
        let taken = Set(hosts.keys.compactMap { vtepAddress(of: $0)?.value })
        var candidate = IPv4(parsing: "172.16.0.1")!.value
        while taken.contains(candidate) { candidate += 1 }
        cloudNetwork.vteps[host] = IPv4(candidate)
    }

    /// A VTEP's underlay MAC: 06:00 (locally administered) and its IPv4 address (the model sends no ARP on the underlay).
    func vtepMAC(_ ip: IPv4) -> MAC { MAC(0x0600_0000_0000 | UInt64(ip.value)) }

    /// A MAC known without ARP: a VTEP's.
    func staticMAC(of ip: IPv4) -> MAC? {
        hosts.keys.contains { vtepAddress(of: $0) == ip } ? vtepMAC(ip) : nil
    }

    /// The overlay of an internal segment id.
    func overlay(ofSegment segment: UInt16) -> Overlay? {
        cloudNetwork.overlays.values.first { $0.segment == segment }
    }

    /// A frame of an overlay leaves a vSwitch by its uplink: wrapped and sent to the right VTEPs.
    func encapsulate(_ frame: Frame, segment: UInt16, at b: Int, trail: Int, _ run: inout FrameRun) -> [(Frame, VXLANNote)] {
        let name = network.bridges.keys[b]
        guard let overlay = overlay(ofSegment: segment), let host = network.bridges.values[b].host, let local = vtepAddress(of: host) else { return [] }
        var inner = frame
        inner.vlan = nil
        let needed = inner.ipLength + CloudDefaults.vxlanOverhead
        if inner.ipLength > 0, needed > cloudNetwork.underlayMTU {
            run.drops.append(Drop(device: name, reason: """
                \(host)'s VTEP cannot send a \(inner.ipLength)-byte packet of overlay \(overlay.name): with VXLAN's 50 bytes it needs \(needed), \
                and the underlay MTU is \(cloudNetwork.underlayMTU) (VTEPs must not fragment, RFC 7348 4.3): raise the underlay's MTU \
                (net set mtu=\(needed)) or lower the overlay's (overlay set \(overlay.name) mtu=\(cloudNetwork.underlayMTU - CloudDefaults.vxlanOverhead))
                """, hops: hops(trail, in: run)))
            return []
        }
        var targets: [IPv4] = []
        if !frame.dst.isMulticast, let entry = cloudNetwork.vtepTables[host]?[MACEntry.key(vlan: segment, mac: frame.dst)],
           clock - entry.time < World.macAgeing {
            targets = [entry.ip]
        } else {
            for nic in vnics.values where nic.vlan == segment {
                guard let other = bridges[nic.vswitch]?.host, other != host, let ip = vtepAddress(of: other), !targets.contains(ip) else { continue }
                targets.append(ip)
            }
        }
        return targets.map { remote in
            (Frame(time: frame.time, src: vtepMAC(local), dst: underlayNextHop(from: local, to: remote), vlan: nil,
                   payload: .vxlan(src: local, dst: remote, vni: overlay.vni, inner: inner)),
             VXLANNote(vni: overlay.vni, src: local, dst: remote, added: true))
        }
    }

    /// A VXLAN packet reaching a vSwitch by its uplink: the inner frame in the overlay's
    /// segment, and the hop's note; nil when this VTEP discards it (not its address, or
    /// no VM of that VNI here).
    mutating func decapsulate(_ frame: Frame, at b: Int) -> (Frame, VXLANNote)? {
        guard case let .vxlan(src, dst, vni, inner) = frame.payload, let host = network.bridges.values[b].host, vtepAddress(of: host) == dst,
              let overlay = cloudNetwork.overlays.values.first(where: { $0.vni == vni }),
              network.bridges.values[b].flood[overlay.segment] != nil else { return nil }
        if !inner.src.isMulticast {
            cloudNetwork.vtepTables[host, default: [:]][MACEntry.key(vlan: overlay.segment, mac: inner.src)] = VTEPEntry(ip: src, time: clock)
        }
        var unwrapped = inner
        unwrapped.time = frame.time
        unwrapped.vlan = overlay.segment
        return (unwrapped, VXLANNote(vni: vni, src: src, dst: dst, added: false))
    }

    /// The underlay MAC a VTEP sends to: the remote VTEP's when they share a router
    /// interface's subnet (or no router serves them), else that router interface's.
    private func underlayNextHop(from local: IPv4, to remote: IPv4) -> MAC {
        for router in routers.values {
            if let iface = router.interfaces.first(where: { $0.contains(local) }), !iface.contains(remote) { return iface.mac }
        }
        return vtepMAC(remote)
    }
}
