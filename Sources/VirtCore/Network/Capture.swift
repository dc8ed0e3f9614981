/// The frames one port or NIC saw, oldest first: the most recent `capacity`,
/// kept in a ring so a long run costs no more memory.
public struct CaptureBuffer: Codable, Equatable, Sendable {
    /// How many frames each port or NIC keeps.
    public static let capacity = 10_000
    private var ring: [Frame] = []
    private var start = 0

    mutating func append(_ frame: Frame) {
        if ring.count < CaptureBuffer.capacity {
            ring.append(frame)
        } else {
            ring[start] = frame
            start = (start + 1) % CaptureBuffer.capacity
        }
    }

    var isEmpty: Bool { ring.isEmpty }

    /// The frames in the order they were seen.
    public var frames: [Frame] { Array(ring[start...] + ring[..<start]) }
}

/// Frames as bytes: the wire format and the libpcap file format.
public enum PCAP {
    /// A libpcap file (microsecond timestamps, little-endian, link type 1 = Ethernet)
    /// holding `frames` with their virtual times.
    public static func file(_ frames: [Frame]) -> [UInt8] {
        var out: [UInt8] = []
        out += le32(0xa1b2_c3d4) + le16(2) + le16(4) + le32(0) + le32(0) + le32(65535) + le32(1)
        for frame in frames {
            let bytes = wire(frame)
            let micros = (frame.time * 1e6).rounded()
            let seconds = UInt32(clamping: Int64(micros / 1e6)), fraction = UInt32(clamping: Int64(micros) % 1_000_000)
            out += le32(seconds) + le32(fraction) + le32(UInt32(bytes.count)) + le32(UInt32(bytes.count))
            out += bytes
        }
        return out
    }

    /// The frame's bytes on the wire, without the FCS, padded to 60.
    public static func wire(_ frame: Frame) -> [UInt8] {
        var out = frame.dst.bytes + frame.src.bytes
        if let ecid = frame.etag {
            // 802.1BR E-TAG: TPID 0x893F; E-PCP, E-DEI, Ingress_E-CID_base (12 bits); reserved, GRP (0: one port),
            // E-CID_base (12 bits); Ingress_E-CID_ext, E-CID_ext (8 bits each). The E-CID is ext << 12 | base.
            out += be16(0x893F) + be16(0) + be16(UInt16(ecid & 0xfff)) + [0, UInt8(truncatingIfNeeded: ecid >> 12)]
        }
        if let vid = frame.vlan { out += be16(0x8100) + be16(vid & 0x0fff) }
        out += be16(frame.ethertype)
        switch frame.payload {
        case let .arp(op, senderMAC, senderIP, targetMAC, targetIP):
            out += arp(op: op, senderMAC, senderIP, targetMAC, targetIP)
        case let .rarp(mac):
            out += arp(op: 3, mac, IPv4(0), mac, IPv4(0))
        case let .icmp(type, id, seq, src, dst):
            var icmp: [UInt8] = [type, 0, 0, 0] + be16(id) + be16(seq)
            icmp += (0..<Frame.pingData).map { UInt8(truncatingIfNeeded: $0 + 0x10) }
            let icmpSum = checksum(icmp)
            icmp[2] = UInt8(icmpSum >> 8); icmp[3] = UInt8(icmpSum & 0xff)
            var ip: [UInt8] = [0x45, 0] + be16(UInt16(20 + icmp.count)) + be16(seq) + [0x40, 0, 64, 1, 0, 0]
            ip += src.bytes + dst.bytes
            let ipSum = checksum(ip)
            ip[10] = UInt8(ipSum >> 8); ip[11] = UInt8(ipSum & 0xff)
            out += ip + icmp
        }
        if out.count < 60 { out += [UInt8](repeating: 0, count: 60 - out.count) }
        return out
    }

    private static func arp(op: UInt16, _ sha: MAC, _ spa: IPv4, _ tha: MAC, _ tpa: IPv4) -> [UInt8] {
        be16(1) + be16(0x0800) + [6, 4] + be16(op) + sha.bytes + spa.bytes + (tha == .broadcast ? MAC(0).bytes : tha.bytes) + tpa.bytes
    }

    /// The Internet checksum (RFC 1071).
    static func checksum(_ bytes: [UInt8]) -> UInt16 {
        var sum: UInt32 = 0
        var i = 0
        while i < bytes.count {
            sum += UInt32(bytes[i]) << 8 | (i + 1 < bytes.count ? UInt32(bytes[i + 1]) : 0)
            i += 2
        }
        while sum >> 16 != 0 { sum = (sum & 0xffff) + (sum >> 16) }
        return ~UInt16(sum)
    }

    private static func be16(_ v: UInt16) -> [UInt8] { [UInt8(v >> 8), UInt8(v & 0xff)] }
    private static func le16(_ v: UInt16) -> [UInt8] { [UInt8(v & 0xff), UInt8(v >> 8)] }
    private static func le32(_ v: UInt32) -> [UInt8] { (0..<4).map { UInt8(truncatingIfNeeded: v >> UInt32(8 * $0)) } }
}
