/// Why frames between two vNICs are lost when no device dropped one by a rule
/// (a switch floods a VLAN only to the ports that carry it, so a port that does
/// not is silently skipped): the cabled path between their vSwitches, walked
/// with the VLAN the frames would have, names the first port that breaks it.
extension World {
    func explain(from x: VNIC, to y: VNIC) -> (device: String, reason: String, hops: [Hop])? {
        if x.vswitch == y.vswitch, let bridge = bridges[x.vswitch], bridge.mode == .vepa {
            guard let uplink = bridge.uplink, let peer = network.links[uplink] else {
                return (x.vswitch, "\(x.vswitch) is a VEPA and sends every frame out its uplink, which is not cabled", [])
            }
            if !(bridgeOf(port: peer).flatMap { bridges[$0] }.map { network.config(of: peer, in: $0).hairpin } ?? false) {
                return (NameRegistry.owner(of: peer) ?? peer,
                        "\(peer) does not send frames back out the port they came in by (hairpin is off), and \(x.vswitch) is a VEPA",
                        [Hop(device: x.vswitch, inPort: x.name, outPort: uplink)])
            }
        }
        guard let path = cabledPath(from: x.vswitch, to: y.vswitch) else {
            return (x.vswitch, "no cables join \(x.vswitch) to \(y.vswitch)", [])
        }
        var vlan = x.vlan ?? 0, hops: [Hop] = [], entry = x.name
        for step in path {
            let out = network.config(of: step.out, in: bridges[step.from]!)
            guard out.carries(vlan) else { return (step.from, "\(step.out) does not carry VLAN \(vlan)", hops) }
            let tag = out.tag(for: vlan)
            hops.append(Hop(device: step.from, inPort: entry, outPort: step.out, vlan: tag.map(Int.init)))
            entry = step.in
            switch network.config(of: step.in, in: bridges[step.to]!).classify(tag, port: step.in) {
            case .success(let next): vlan = next
            case .failure(let rule): return (step.to, rule.text, hops)
            }
        }
        let wanted = y.vlan ?? 0
        guard vlan == wanted else {
            let words = { (v: UInt16) in v == 0 ? "untagged" : "in VLAN \(v)" }
            return (y.vswitch, "\(y.name) is \(words(wanted)), and \(x.name)'s frames arrive \(words(vlan))", hops)
        }
        return nil
    }

    /// The cables crossed from one bridge to another (breadth first, ports in index order), ignoring VLANs.
    private func cabledPath(from start: String, to goal: String) -> [(from: String, out: String, in: String, to: String)]? {
        var previous: [String: (from: String, out: String, in: String)] = [start: (start, "", "")]
        var queue = [start], next = 0
        while next < queue.count, previous[goal] == nil {
            let bridge = queue[next]
            next += 1
            for port in bridges[bridge]!.indexed {
                guard let peer = network.links[port], let neighbour = network.attachment(peer), previous[neighbour] == nil else { continue }
                previous[neighbour] = (bridge, port, peer)
                queue.append(neighbour)
            }
        }
        guard previous[goal] != nil else { return nil }
        var path: [(from: String, out: String, in: String, to: String)] = []
        var at = goal
        while at != start, let step = previous[at] {
            path.insert((step.from, step.out, step.in, at), at: 0)
            at = step.from
        }
        return path
    }
}
