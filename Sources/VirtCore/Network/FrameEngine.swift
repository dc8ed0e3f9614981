/// One hop of a frame through a device: where it came in and left, and the tags
/// it left with.
public struct Hop: Equatable, Sendable {
    public var device: String
    public var inPort: String?
    public var outPort: String?
    /// The 802.1Q VLAN ID on the outgoing wire; nil when untagged.
    public var vlan: Int?
    /// The 802.1BR E-CID on the outgoing wire; nil without an E-tag.
    public var etag: Int?

    public init(device: String, inPort: String? = nil, outPort: String? = nil, vlan: Int? = nil, etag: Int? = nil) {
        self.device = device
        self.inPort = inPort
        self.outPort = outPort
        self.vlan = vlan
        self.etag = etag
    }
}

/// A frame a device dropped: where, by which rule, and the hops it had made.
public struct Drop: Sendable {
    /// The rule, in words naming the device: "sw1.2 does not carry VLAN 20".
    struct Rule: Error { var text: String; init(_ text: String) { self.text = text } }
    public var device: String
    public var reason: String
    public var hops: [Hop]
    /// True when the drop concerns the frame's addressee itself (a stopped VM).
    var atTarget = false
}

/// What happened to the frames one operation sent, as `ping` reads it.
struct FrameRun {
    var drops: [Drop] = []
    /// The hops of the echo request that reached its addressee.
    var echoHops: [Hop]?
    /// When the echo reply reached the sender.
    var replyTime: Double?
    /// Pending work, first in first out.
    var queue: [Transit] = []
    /// Each emission's (bridge, port) pairs entered so far, to stop broadcast loops.
    var visited: [Set<Int>] = []
    /// Every hop made, each pointing at the one before it: a frame's hops are a chain
    /// of indexes, turned into names only for the frames `ping` and `trace` report.
    var trail: [Step] = []

    /// The drop that best explains a failure: at the addressee, else the first.
    var reason: Drop? { drops.first(where: \.atTarget) ?? drops.first }

    /// How many hops a frame has made after the one at `trail` (-1: none yet).
    func depth(after trail: Int) -> Int { trail < 0 ? 0 : self.trail[trail].depth + 1 }

    /// One hop in ids: the bridge (its index), the points it came in and left by, the tags it left with.
    struct Step {
        var previous: Int
        var depth: Int
        var bridge: Int
        var inPoint: Int
        var outPoint: Int
        var vlan: UInt16?
        var etag: UInt32? = nil
    }
}

/// A frame on its way: entering a bridge (its index) by a point, or reaching a vNIC.
struct Transit {
    enum Step { case enter(bridge: Int, point: Int), deliver(point: Int) }
    var frame: Frame
    var step: Step
    /// Its last hop in `FrameRun.trail`, or -1 before the first.
    var trail: Int
    var emission: Int
}

/// Latencies of the model (estimates: published switch and vSwitch figures vary
/// with hardware; visible in `help ping`).
public enum NetworkDefaults {
    /// A physical switch's forwarding latency (store-and-forward at 10 Gb/s: a few µs).
    public static let switchLatency = 5e-6
    /// A vSwitch's per-frame latency in the hypervisor (software switching: tens of µs).
    public static let vswitchLatency = 20e-6
    /// Host CPU time a vSwitch spends per frame (software switching and the virtio notification; an
    /// estimate of a few µs). An SR-IOV NIC's embedded switch spends none: near native.
    public static let vswitchCPU = 2e-6
    /// An SR-IOV NIC's embedded switch: hardware, no hypervisor on the path (about 1 µs).
    public static let embeddedLatency = 1e-6
    /// An 802.1BR port extender passing a frame up or down: no lookup, no learning (about 1 µs).
    public static let extenderLatency = 1e-6
    /// Line rate of every cable, bits per second.
    public static let linkRate = 10e9
}

/// The forwarding engine: learning bridges per VLAN, flooding within the VLAN
/// through each bridge's index, tags per port, captures at every port and NIC,
/// and the VMs' ARP and ICMP. Every step reads one bridge's index or table entry,
/// never every port or table.
extension World {
    /// A VM sends `frame` from its vNIC `nic`; the caller then calls `run(&)`.
    mutating func send(_ frame: Frame, from nic: String, _ run: inout FrameRun) {
        let point = network.points.id(nic)
        network.points.captures[point].append(frame)
        run.visited.append([])
        run.queue.append(Transit(frame: frame, step: .enter(bridge: network.points.bridge[point], point: point), trail: -1,
                                 emission: run.visited.count - 1))
    }

    /// Moves every queued frame until none is left.
    mutating func run(_ run: inout FrameRun) {
        var next = 0
        while next < run.queue.count {
            let transit = run.queue[next]
            next += 1
            switch transit.step {
            case let .enter(bridge, point): enter(bridge, by: point, transit, &run)
            case let .deliver(point): deliver(transit, to: point, &run)
            }
        }
        run.queue = []
    }

    /// The hops that led to a trail index, with names, first hop first.
    func hops(_ trail: Int, in run: FrameRun) -> [Hop] {
        var hops: [Hop] = []
        var at = trail
        while at >= 0 {
            let step = run.trail[at]
            hops.append(Hop(device: network.bridges.keys[step.bridge], inPort: network.points.names[step.inPoint],
                            outPort: network.points.names[step.outPoint], vlan: step.vlan.map(Int.init), etag: step.etag.map(Int.init)))
            at = step.previous
        }
        return hops.reversed()
    }

    func drop(_ device: String, _ reason: String, _ transit: Transit, _ run: inout FrameRun, atTarget: Bool = false) {
        run.drops.append(Drop(device: device, reason: reason, hops: hops(transit.trail, in: run), atTarget: atTarget))
    }

    private mutating func enter(_ b: Int, by port: Int, _ transit: Transit, _ run: inout FrameRun) {
        if network.bridges.values[b].isExtender { return extendUp(b, by: port, transit, &run) }
        // The bridge is read in place by its index (a local copy would retain all its
        // fields, and copy its table when learning changes it).
        let depth = run.depth(after: transit.trail)
        var frame = transit.frame
        // A broadcast may meet a loop of cables: each copy enters each (bridge, port) once.
        // A unicast follows learned entries, bounded by a hop limit.
        guard frame.dst.isMulticast ? run.visited[transit.emission].insert(b << 32 | port).inserted : depth < 64 else {
            let name = network.bridges.keys[b]
            drop(name, "\(name) got the same frame back by \(network.points.names[port]): a loop (VirtLab runs no spanning tree; remove a cable)",
                 transit, &run)
            return
        }
        let config = network.points.config[port]
        let vlan: UInt16
        switch config.classify(frame.vlan, port: network.points.names[port]) {
        case .success(let v): vlan = v
        case .failure(let rule):
            drop(network.bridges.keys[b], rule.text, transit, &run)
            return
        }
        learn(frame.src, vlan: vlan, at: b, by: port)
        let uplink = network.bridges.values[b].uplinkPoint
        let physical = network.bridges.values[b].isPhysical
        var outs: [Int]
        if network.bridges.values[b].mode == .vepa, !physical, port != uplink {
            outs = uplink < 0 ? [] : [uplink]
        } else if !frame.dst.isMulticast, let entry = network.bridges.values[b].table[MACEntry.key(vlan: vlan, mac: frame.dst)],
                  clock - entry.time < World.macAgeing, let out = network.points.ids[entry.port] {
            guard network.points.config[out].carries(vlan) else {
                drop(network.bridges.keys[b], "\(entry.port) does not carry VLAN \(vlan)", transit, &run)
                return
            }
            outs = out != port || config.hairpin ? [out] : []
        } else {
            outs = (network.bridges.values[b].flood[vlan] ?? []) + network.bridges.values[b].everyVLAN
            if !config.hairpin { outs.removeAll { $0 == port } }
        }
        frame.time += physical ? NetworkDefaults.switchLatency
            : network.bridges.values[b].vfs != nil ? NetworkDefaults.embeddedLatency : NetworkDefaults.vswitchLatency
        for out in outs {
            var copy = frame
            copy.vlan = network.points.config[out].tag(for: vlan)
            // To an extended port (802.1BR): down the extenders, E-tagged with its E-CID.
            let ecid = network.points.ecid[out]
            copy.etag = ecid == 0 ? nil : ecid
            run.trail.append(FrameRun.Step(previous: transit.trail, depth: depth, bridge: b, inPoint: port, outPoint: out,
                                           vlan: copy.vlan, etag: copy.etag))
            if ecid == 0 {
                emit(copy, from: out, trail: run.trail.count - 1, emission: transit.emission, &run)
            } else {
                extendDown(copy, to: out, trail: run.trail.count - 1, emission: transit.emission, &run)
            }
        }
    }

    /// Learns a frame's source on the port it came in by, in its VLAN.
    private mutating func learn(_ src: MAC, vlan: UInt16, at b: Int, by port: Int) {
        guard !src.isMulticast else { return }
        let source = MACEntry.key(vlan: vlan, mac: src)
        let name = network.points.names[port]
        // A vSwitch knows its own VMs' MACs (the hypervisor set them): a frame of theirs
        // coming back up its uplink (reflected by a hairpin port) does not move them.
        if name == network.bridges.values[b].uplink, let known = network.bridges.values[b].table[source],
           known.port != name, network.vnics[known.port]?.mac == src { return }
        network.bridges.values[b].table[source] = MACEntry(port: name, time: clock)
    }

    /// A frame leaves by a point: to a vNIC, or along a cable to the next bridge.
    mutating func emit(_ frame: Frame, from point: Int, trail: Int, emission: Int, _ run: inout FrameRun) {
        network.points.captures[point].append(frame)
        if network.points.isVNIC[point] {
            run.queue.append(Transit(frame: frame, step: .deliver(point: point), trail: trail, emission: emission))
            return
        }
        let peer = network.points.peer[point]
        guard peer >= 0 else { return }
        var arriving = frame
        arriving.time += Double(frame.length * 8) / NetworkDefaults.linkRate
        network.points.captures[peer].append(arriving)
        let bridge = network.points.bridge[peer]
        guard bridge >= 0 else {
            let name = network.points.names[peer]
            run.drops.append(Drop(device: name, reason: "\(name) is the uplink of no vSwitch, so \(NameRegistry.owner(of: name) ?? name) passes the frame to no VM",
                                  hops: hops(trail, in: run)))
            return
        }
        run.queue.append(Transit(frame: arriving, step: .enter(bridge: bridge, point: peer), trail: trail, emission: emission))
    }

    /// A frame reaches a VM: it answers ARP requests for its address and echo requests.
    private mutating func deliver(_ transit: Transit, to point: Int, _ run: inout FrameRun) {
        let name = network.points.names[point]
        let nic = vnics[name]!
        let frame = transit.frame
        guard frame.dst == nic.mac || frame.dst == .broadcast else { return }
        var forMe = frame.dst == nic.mac
        if case let .arp(1, _, _, _, target) = frame.payload { forMe = target == nic.ip }
        guard forMe else { return }
        if let state = vmState(nic.vm), state != .running {
            drop(nic.vm, "\(nic.vm) is \(state.rawValue) and answers nothing", transit, &run, atTarget: true)
            return
        }
        switch frame.payload {
        case let .arp(op, senderMAC, senderIP, _, _):
            vnics[name]!.arp[Int(senderIP.value)] = ARPEntry(mac: senderMAC, time: clock)
            if op == 1, let ip = nic.ip {
                let reply = Frame(time: frame.time, src: nic.mac, dst: senderMAC,
                                  payload: .arp(op: 2, senderMAC: nic.mac, senderIP: ip, targetMAC: senderMAC, targetIP: senderIP))
                send(reply, from: name, &run)
            }
        case let .icmp(type, id, seq, src, dst) where dst == nic.ip:
            if type == 8 {
                run.echoHops = hops(transit.trail, in: run)
                let reply = Frame(time: frame.time, src: nic.mac, dst: frame.src,
                                  payload: .icmp(type: 0, id: id, seq: seq, src: dst, dst: src))
                send(reply, from: name, &run)
            } else if type == 0 {
                run.replyTime = frame.time
            }
        default: break
        }
    }
}
