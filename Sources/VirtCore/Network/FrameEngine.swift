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
    /// The encapsulation it added or removed: "VXLAN VNI 5000 …", "ESP …" (IPsec tunnel mode).
    public var encap: String?
    /// The rule that let it through: "acl vlan 10 line 1 permits …".
    public var note: String?

    public init(device: String, inPort: String? = nil, outPort: String? = nil, vlan: Int? = nil, etag: Int? = nil,
                encap: String? = nil, note: String? = nil) {
        self.device = device
        self.inPort = inPort
        self.outPort = outPort
        self.vlan = vlan
        self.etag = etag
        self.encap = encap
        self.note = note
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
    /// The VM that answered the echo request (another VM with B's address may).
    var echoBy: String?
    /// When the echo reply reached the sender.
    var replyTime: Double?
    /// Pending work, first in first out.
    var queue: [Transit] = []
    /// The (bridge, port) pairs each emission has entered, to stop loops.
    var visited: [Set<String>] = []
    /// Packets routers hold until ARP resolves their next hop.
    var held: [HeldPacket] = []

    /// The drop that best explains a failure: at the addressee, else the first.
    var reason: Drop? { drops.first(where: \.atTarget) ?? drops.first }
}

/// A frame on its way: entering a bridge by a port, or reaching a VM's vNIC.
struct Transit {
    enum Step { case enter(bridge: String, port: String), deliver(nic: String) }
    var frame: Frame
    var step: Step
    var hops: [Hop]
    var emission: Int
}

/// Latencies of the model (estimates: published switch and vSwitch figures vary
/// with hardware; visible in `help ping`).
public enum NetworkDefaults {
    /// A physical switch's forwarding latency (store-and-forward at 10 Gb/s: a few µs).
    public static let switchLatency = 5e-6
    /// A vSwitch's per-frame latency in the hypervisor (software switching: tens of µs).
    public static let vswitchLatency = 20e-6
    /// An SR-IOV NIC's embedded switch: hardware, no hypervisor on the path (about 1 µs).
    public static let embeddedLatency = 1e-6
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
        capture(frame, at: nic)
        run.visited.append([])
        run.queue.append(Transit(frame: frame, step: .enter(bridge: vnics[nic]!.vswitch, port: nic), hops: [],
                                 emission: run.visited.count - 1))
    }

    /// Moves every queued frame until none is left.
    mutating func run(_ run: inout FrameRun) {
        var next = 0
        while next < run.queue.count {
            let transit = run.queue[next]
            next += 1
            switch transit.step {
            case let .enter(bridge, port): enter(bridge, by: port, transit, &run)
            case let .deliver(nic): deliver(transit, to: nic, &run)
            }
        }
        run.queue = []
    }

    private mutating func enter(_ name: String, by port: String, _ transit: Transit, _ run: inout FrameRun) {
        // The bridge is read in place by its index (a local copy would retain all its
        // fields, and copy its table when learning changes it).
        let b = network.bridges.index(forKey: name)!
        var frame = transit.frame
        // A broadcast may meet a loop of cables: each copy enters each (bridge, port) once.
        // A unicast follows learned entries, bounded by a hop limit.
        guard frame.dst.isMulticast ? run.visited[transit.emission].insert(name + " " + port).inserted : transit.hops.count < 64 else {
            run.drops.append(Drop(device: name, reason: "\(name) got the same frame back by \(port): a loop (VirtLab runs no spanning tree; remove a cable)",
                                  hops: transit.hops))
            return
        }
        var encap: String?
        if network.bridges.values[b].uplink == port, case .vxlan = frame.payload {
            guard let (inner, note) = decapsulate(frame, at: name) else { return }
            frame = inner
            encap = note
        }
        let config = network.config(of: port, in: network.bridges.values[b])
        let vlan: UInt16
        switch config.classify(frame.vlan, port: port) {
        case .success(let v): vlan = v
        case .failure(let rule):
            run.drops.append(Drop(device: name, reason: rule.text, hops: transit.hops))
            return
        }
        learn(frame.src, vlan: vlan, at: b, by: port)
        let uplink = network.bridges.values[b].uplink
        let physical = network.bridges.values[b].isPhysical
        var outs: [String]
        if network.bridges.values[b].mode == .vepa, !physical, port != uplink {
            outs = uplink.map { [$0] } ?? []
        } else if !frame.dst.isMulticast, let entry = network.bridges.values[b].table[MACEntry.key(vlan: vlan, mac: frame.dst)],
                  clock - entry.time < World.macAgeing {
            guard network.config(of: entry.port, in: network.bridges.values[b]).carries(vlan) else {
                run.drops.append(Drop(device: name, reason: "\(entry.port) does not carry VLAN \(vlan)", hops: transit.hops))
                return
            }
            outs = entry.port != port || config.hairpin ? [entry.port] : []
        } else {
            outs = (network.bridges.values[b].flood[vlan] ?? []) + network.bridges.values[b].everyVLAN
            if !config.hairpin { outs.removeAll { $0 == port } }
        }
        frame.time += physical ? NetworkDefaults.switchLatency
            : network.bridges.values[b].vfs != nil ? NetworkDefaults.embeddedLatency : NetworkDefaults.vswitchLatency
        for out in outs {
            if vlan > 4094, out == uplink {
                encapsulate(frame, segment: vlan, from: name, by: port, transit, &run)
                continue
            }
            let tag = network.config(of: out, in: network.bridges.values[b]).tag(for: vlan)
            var copy = frame
            copy.vlan = tag
            emit(copy, from: out, hops: transit.hops + [Hop(device: name, inPort: port, outPort: out, vlan: tag.map(Int.init), encap: encap)],
                 emission: transit.emission, &run)
        }
    }

    /// Learns a frame's source on the port it came in by, in its VLAN.
    private mutating func learn(_ src: MAC, vlan: UInt16, at b: Int, by port: String) {
        guard !src.isMulticast else { return }
        let source = MACEntry.key(vlan: vlan, mac: src)
        // A vSwitch knows its own VMs' MACs (the hypervisor set them): a frame of theirs
        // coming back up its uplink (reflected by a hairpin port) does not move them.
        if port == network.bridges.values[b].uplink, let known = network.bridges.values[b].table[source],
           network.vnics[known.port]?.mac == src { return }
        network.bridges.values[b].table[source] = MACEntry(port: port, time: clock)
    }

    /// A frame leaves by a port: to a vNIC, or along a cable to the next bridge.
    mutating func emit(_ frame: Frame, from port: String, hops: [Hop], emission: Int, _ run: inout FrameRun) {
        capture(frame, at: port)
        if vnics[port] != nil {
            run.queue.append(Transit(frame: frame, step: .deliver(nic: port), hops: hops, emission: emission))
            return
        }
        guard let peer = network.links[port] else { return }
        var arriving = frame
        arriving.time += Double(frame.length * 8) / NetworkDefaults.linkRate
        capture(arriving, at: peer)
        guard let bridge = network.attachment[peer] else {
            if routerReceive(arriving, at: peer, hops: hops, emission: emission, &run) { return }
            run.drops.append(Drop(device: peer, reason: "\(peer) is the uplink of no vSwitch, so \(NameRegistry.owner(of: peer) ?? peer) passes the frame to no VM",
                                  hops: hops))
            return
        }
        run.queue.append(Transit(frame: arriving, step: .enter(bridge: bridge, port: peer), hops: hops, emission: emission))
    }

    /// A frame reaches a VM: it answers ARP requests for its address and echo requests.
    private mutating func deliver(_ transit: Transit, to name: String, _ run: inout FrameRun) {
        let nic = vnics[name]!
        let frame = transit.frame
        guard frame.dst == nic.mac || frame.dst == .broadcast else { return }
        var forMe = frame.dst == nic.mac
        if case let .arp(1, _, _, _, target) = frame.payload { forMe = target == nic.ip }
        guard forMe else { return }
        if let state = vmState(nic.vm), state != .running {
            run.drops.append(Drop(device: nic.vm, reason: "\(nic.vm) is \(state.rawValue) and answers nothing", hops: transit.hops, atTarget: true))
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
                run.echoHops = transit.hops
                run.echoBy = nic.vm
                let reply = Frame(time: frame.time, src: nic.mac, dst: frame.src,
                                  payload: .icmp(type: 0, id: id, seq: seq, src: dst, dst: src), data: frame.data)
                send(reply, from: name, &run)
            } else if type == 0 {
                run.replyTime = frame.time
            }
        default: break
        }
    }

    mutating func capture(_ frame: Frame, at point: String) {
        network.captures[point, default: CaptureBuffer()].append(frame)
    }
}
