/// IEEE 802.1BR forwarding. An extender decides nothing: a frame entering one of its
/// ports goes up, E-tagged with that port's E-CID, through every extender above it to
/// the controlling bridge, which learns and decides as if the frame came in by that
/// port; a frame the controlling bridge sends to an extended port goes down the
/// extenders E-tagged with that port's E-CID, and leaves the port without the E-tag.
/// Each cascade wire is captured at its lower end, the extender's upstream port `PE.up`.
extension World {
    /// A frame entering extender `b` by its port `port`: up to the controlling bridge.
    mutating func extendUp(_ b: Int, by port: Int, _ transit: Transit, _ run: inout FrameRun) {
        var frame = transit.frame
        let ecid = network.points.ecid[port]
        frame.etag = ecid
        var trail = transit.trail, inPoint = port
        let chain = network.bridges.values[b].chain
        for position in chain.dropLast() {
            let up = network.bridges.values[position].uplinkPoint
            frame.time += NetworkDefaults.extenderLatency
            run.trail.append(FrameRun.Step(previous: trail, depth: run.depth(after: trail), bridge: position, inPoint: inPoint, outPoint: up,
                                           vlan: frame.vlan, etag: ecid))
            trail = run.trail.count - 1
            network.points.captures[up].append(frame)
            frame.time += Double(frame.length * 8) / NetworkDefaults.linkRate
            inPoint = up
        }
        frame.etag = nil
        run.queue.append(Transit(frame: frame, step: .enter(bridge: chain.last!, point: port), trail: trail, emission: transit.emission))
    }

    /// A frame the controlling bridge sends to the extended port `port` (E-tagged, its
    /// hop at the controlling bridge already in `trail`): down the extenders, then out the port.
    mutating func extendDown(_ frame: Frame, to port: Int, trail: Int, emission: Int, _ run: inout FrameRun) {
        var frame = frame, trail = trail
        let owner = network.points.bridge[port]
        let chain = Array(network.bridges.values[owner].chain.dropLast().reversed())
        for (i, position) in chain.enumerated() {
            let up = network.bridges.values[position].uplinkPoint
            frame.time += Double(frame.length * 8) / NetworkDefaults.linkRate
            network.points.captures[up].append(frame)
            frame.time += NetworkDefaults.extenderLatency
            let out = i == chain.count - 1 ? port : network.bridges.values[chain[i + 1]].uplinkPoint
            if out == port { frame.etag = nil }
            run.trail.append(FrameRun.Step(previous: trail, depth: run.depth(after: trail), bridge: position, inPoint: up, outPoint: out,
                                           vlan: frame.vlan, etag: frame.etag))
            trail = run.trail.count - 1
        }
        emit(frame, from: port, trail: trail, emission: emission, &run)
    }
}
