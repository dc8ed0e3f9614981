import VirtCore
import VirtLang

/// The network part's records, each declared once as a field table (CORE.md
/// "Records": `ping` has reachable, path, rtt, reason; captures have time, src,
/// dst, vlan, etag, ethertype, length, summary).
enum NetworkRecords {
    typealias F = FieldValue

    static let networkSwitch = RecordSchema<SwitchInfo>([
        Field("name", "the switch's name") { .string($0.name) },
        Field("ports", "its ports, SW.1 … SW.N") { .int($0.ports) },
        Field("cabled", "ports with a cable", link: true) { F.names($0.cabled) },
        Field("vlans", "VLANs its cabled ports carry") { .list($0.vlans.map(Value.int)) },
        Field("macs", "fresh entries in its MAC table") { .int($0.macs) },
    ])

    static let port = RecordSchema<PortInfo>([
        Field("name", "SW.N") { .string($0.name) },
        Field("switch", "the switch it belongs to") { .string($0.owner) },
        Field("mode", "access or trunk") { .string($0.config.trunk ? "trunk" : "access") },
        Field("vlan", "an access port's VLAN, else none") { $0.config.trunk ? .none : .int(Int($0.config.vlan)) },
        Field("vlans", "a trunk's tagged VLANs") { .list($0.config.vlans.map { .int(Int($0)) }) },
        Field("native", "a trunk's untagged VLAN, or none") { F.int($0.config.native.map(Int.init)) },
        Field("hairpin", "frames may leave by the port they came in (reflective relay)") { .bool($0.config.hairpin) },
        Field("peer", "the other end of its cable, or none", link: true) { F.text($0.peer) },
        Field("ecid", "an extended port's 802.1BR E-CID, or none") { F.int($0.ecid) },
        Field("bridge", "the controlling bridge deciding for an extended port, or none") { F.text($0.bridge) },
    ])

    static let controllingBridge = RecordSchema<ControllingBridgeInfo>([
        Field("name", "the bridge's name") { .string($0.name) },
        Field("kind", "controlling (IEEE 802.1BR)") { _ in .string("controlling") },
        Field("ports", "its own ports and every port of its extenders") { .int($0.ports) },
        Field("extenders", "its port extenders, at any depth") { F.names($0.extenders) },
        Field("cabled", "ports with a cable, its own and its extenders'") { F.names($0.cabled) },
        Field("vlans", "VLANs its cabled ports carry") { .list($0.vlans.map(Value.int)) },
        Field("macs", "fresh entries in its MAC table") { .int($0.macs) },
    ])

    static let extender = RecordSchema<ExtenderInfo>([
        Field("name", "the extender's name") { .string($0.name) },
        Field("parent", "the controlling bridge or extender above it", link: true) { .string($0.parent) },
        Field("bridge", "the controlling bridge that decides for its ports") { .string($0.bridge) },
        Field("ports", "its extended ports, PE.1 … PE.N") { .int($0.ports) },
        Field("ecid", "the E-CID of PE.1 (PE.k has ecid + k - 1)") { .int($0.ecid) },
        Field("upstream", "its upstream port, where the E-tagged cascade wire is captured") { .string($0.upstream) },
        Field("cabled", "its ports with a cable") { F.names($0.cabled) },
    ])

    static let vswitch = RecordSchema<VSwitchInfo>([
        Field("name", "the vSwitch's name") { .string($0.name) },
        Field("host", "the host it runs in", link: true) { .string($0.host) },
        Field("uplink", "its host's NIC it reaches the network by", link: true) { F.text($0.uplink) },
        Field("mode", "veb (switches locally) or vepa (sends every frame to the adjacent switch)") { .string($0.mode.rawValue) },
        Field("nics", "its VMs' vNICs", link: true) { F.names($0.nics) },
        Field("peer", "where its uplink is cabled, or none") { F.text($0.peer) },
        Field("macs", "fresh entries in its MAC table") { .int($0.macs) },
    ])

    static let vnic = RecordSchema<VNICInfo>([
        Field("name", "VM.ethN") { .string($0.name) },
        Field("vm", "the VM it belongs to") { .string($0.vm) },
        Field("vswitch", "the vSwitch it is attached to", link: true) { .string($0.vswitch) },
        Field("mac", "its MAC address") { .string($0.mac.description) },
        Field("vlan", "its VLAN (tagged on the uplink), or none (untagged)") { F.int($0.vlan) },
        Field("ip", "ADDR/PREFIX, or none") { F.text($0.ip) },
        Field("vf", "the SR-IOV virtual function it uses (bypassing the vSwitch), or none") { F.text($0.vf) },
    ])

    static let vf = RecordSchema<(name: String, nic: String, user: String?)>([
        Field("name", "HOST.NIC.vfK") { .string($0.name) },
        Field("nic", "the NIC whose physical function exposes it", link: true) { .string($0.nic) },
        Field("vnic", "the VM's vNIC using it, or none") { F.text($0.user) },
    ])

    static let macEntry = RecordSchema<MACTableEntry>([
        Field("vlan", "the VLAN it was learned in (none: untagged on a vSwitch)") { F.int($0.vlan) },
        Field("mac", "the address") { .string($0.mac.description) },
        Field("port", "where frames to it go") { .string($0.port) },
        Field("age", "since it was last learned (entries go after 300 s)") { F.seconds($0.age) },
    ])

    static let ping = RecordSchema<PingResult>([
        Field("reachable", "B answered", core: true) { .bool($0.reachable) },
        Field("path", "the devices the echo request crossed, in order (up to the drop)", core: true) { F.names($0.path) },
        Field("rtt", "round-trip time, or none", core: true) { $0.rtt.map(F.seconds) ?? .none },
        Field("reason", "why not: the device and the rule that dropped it, or none", core: true) { F.text($0.reason) },
        Field("cpu_per_packet", "host CPU time spent switching the echo request: vSwitches in software, an SR-IOV VF's NIC none; or none") {
            $0.cpuPerPacket.map(F.seconds) ?? .none
        },
        Field("from", "A's NIC used") { F.text($0.from) },
        Field("to", "B's address pinged") { F.text($0.to) },
    ])

    static let hop = RecordSchema<(Int, Hop, String?)>([
        Field("hop", "1, 2, …") { .int($0.0) },
        Field("device", "the VM, vSwitch, switch, controlling bridge or port extender") { .string($0.1.device) },
        Field("in", "the port it came in by, or none") { F.text($0.1.inPort) },
        Field("out", "the port it left by, or none") { F.text($0.1.outPort) },
        Field("vlan", "the 802.1Q VLAN ID on the outgoing wire, or none (untagged)") { F.int($0.1.vlan) },
        Field("etag", "the 802.1BR E-CID on the outgoing wire, or none") { F.int($0.1.etag) },
        Field("reason", "on the last hop of an unreachable trace: why it was dropped") { F.text($0.2) },
    ])

    static let frame = RecordSchema<Frame>([
        Field("time", "virtual time it passed") { F.seconds($0.time) },
        Field("src", "source MAC") { .string($0.src.description) },
        Field("dst", "destination MAC") { .string($0.dst.description) },
        Field("vlan", "802.1Q VLAN ID on this wire, or none") { F.int($0.vlan.map(Int.init)) },
        Field("etag", "802.1BR E-CID on this wire, or none") { F.int($0.etag.map(Int.init)) },
        Field("ethertype", "0x0806 ARP, 0x8035 RARP, 0x0800 IPv4") { .string(hex($0.ethertype)) },
        Field("length", "bytes on the wire without the FCS") { .int($0.length) },
        Field("summary", "what it says, as Wireshark puts it") { .string($0.summary) },
    ])

    private static func hex(_ value: UInt16) -> String {
        let digits = String(value, radix: 16)
        return "0x" + String(repeating: "0", count: 4 - digits.count) + digits
    }
}
