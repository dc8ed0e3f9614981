/// A 48-bit Ethernet address.
public struct MAC: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    public var value: UInt64
    public init(_ value: UInt64) { self.value = value & 0xffff_ffff_ffff }

    /// ff:ff:ff:ff:ff:ff.
    public static let broadcast = MAC(0xffff_ffff_ffff)
    /// The prefix of the MACs `nic attach` gives (QEMU/KVM's locally administered 52:54:00).
    static let kvmPrefix: UInt64 = 0x5254_0000_0000

    public var description: String {
        (0..<6).map { i in
            let byte = (value >> UInt64(8 * (5 - i))) & 0xff
            return (byte < 16 ? "0" : "") + String(byte, radix: 16)
        }.joined(separator: ":")
    }

    /// Reads `52:54:00:12:34:56` (colons or dashes); nil for anything else.
    public init?(parsing text: String) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false).count == 6
            ? text.split(separator: ":", omittingEmptySubsequences: false)
            : text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 6 else { return nil }
        var value: UInt64 = 0
        for part in parts {
            guard part.count == 2, let byte = UInt64(part, radix: 16) else { return nil }
            value = value << 8 | byte
        }
        self.init(value)
    }

    /// The group bit (broadcast and multicast).
    var isMulticast: Bool { value >> 40 & 1 == 1 }
    var bytes: [UInt8] { (0..<6).map { UInt8(truncatingIfNeeded: value >> UInt64(8 * (5 - $0))) } }
    public static func < (a: MAC, b: MAC) -> Bool { a.value < b.value }
}

/// An IPv4 address as a 32-bit number.
public struct IPv4: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    public var value: UInt32
    public init(_ value: UInt32) { self.value = value }

    /// Reads dotted-quad text; nil for anything else.
    public init?(parsing text: String) {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        var value: UInt32 = 0
        for part in parts {
            guard !part.isEmpty, part.count <= 3, part.allSatisfy(\.isASCII), let byte = UInt32(part), byte <= 255 else { return nil }
            value = value << 8 | byte
        }
        self.value = value
    }

    public var description: String { (0..<4).map { String((value >> UInt32(8 * (3 - $0))) & 0xff) }.joined(separator: ".") }
    var bytes: [UInt8] { (0..<4).map { UInt8(truncatingIfNeeded: value >> UInt32(8 * (3 - $0))) } }
    public static func < (a: IPv4, b: IPv4) -> Bool { a.value < b.value }

    /// True when both addresses lie in the same /prefix network.
    func sameNetwork(as other: IPv4, prefix: Int) -> Bool {
        let mask: UInt32 = prefix == 0 ? 0 : ~UInt32(0) << UInt32(32 - prefix)
        return value & mask == other.value & mask
    }
}

/// What a frame carries: the few protocols `ping` needs.
public enum Payload: Codable, Equatable, Sendable {
    /// ARP (RFC 826): operation 1 request, 2 reply.
    case arp(op: UInt16, senderMAC: MAC, senderIP: IPv4, targetMAC: MAC, targetIP: IPv4)
    /// RARP (RFC 903) announcement a VM sends after a live migration, so switches relearn its MAC.
    case rarp(mac: MAC)
    /// ICMP echo (RFC 792) in IPv4: type 8 request, 0 reply.
    case icmp(type: UInt8, id: UInt16, seq: UInt16, src: IPv4, dst: IPv4)
    /// A VXLAN packet (RFC 7348): outer IPv4 and UDP to port 4789 between two VTEPs, the
    /// 24-bit VNI, and the tenant's whole Ethernet frame inside.
    indirect case vxlan(src: IPv4, dst: IPv4, vni: UInt32, inner: Frame)
    /// An IPsec ESP packet in tunnel mode (RFC 4301, 4303) between two gateways: an outer IPv4
    /// header, the SPI and sequence number, and `bytes` of ciphertext nobody on the path can read.
    case esp(src: IPv4, dst: IPv4, spi: UInt32, seq: UInt32, bytes: Int)
}

/// A simulated Ethernet frame, as seen at one point: its addresses, the 802.1Q
/// tag it carries on that wire (if any), and its payload.
public struct Frame: Codable, Equatable, Sendable {
    /// Virtual time it passed the point, in seconds.
    public var time: Double
    public var src: MAC
    public var dst: MAC
    /// The VLAN ID of its 802.1Q tag on this wire; nil when untagged.
    public var vlan: UInt16?
    /// The E-CID of its 802.1BR E-tag on this wire; nil without one.
    public var etag: UInt32?
    public var payload: Payload
    /// Bytes of data in an ICMP echo (`ping size=`); nil: 56, as Linux `ping` sends.
    public var data: Int?

    /// The EtherType of the payload (after any tags).
    public var ethertype: UInt16 {
        switch payload {
        case .arp: 0x0806
        case .rarp: 0x8035
        case .icmp, .vxlan, .esp: 0x0800
        }
    }

    /// Bytes on the wire without the FCS: at least 60.
    public var length: Int { max(60, 14 + (vlan == nil ? 0 : 4) + (etag == nil ? 0 : 8) + payloadLength) }

    private var payloadLength: Int {
        switch payload {
        case .arp, .rarp: 28
        case .icmp: 20 + 8 + (data ?? Frame.pingData)
        case let .vxlan(_, _, _, inner): 20 + 8 + 8 + inner.length
        case let .esp(_, _, _, _, bytes): 20 + 8 + bytes
        }
    }

    /// Bytes of data in an echo request, as Linux `ping` sends by default.
    static let pingData = 56

    /// One line, in the words Wireshark uses.
    public var summary: String {
        switch payload {
        case let .arp(op, senderMAC, senderIP, _, targetIP):
            op == 1 ? "Who has \(targetIP)? Tell \(senderIP)" : "\(senderIP) is at \(senderMAC)"
        case let .rarp(mac): "Who is \(mac)? Tell \(mac)"
        case let .icmp(type, id, seq, src, dst):
            "\(src) → \(dst) Echo (ping) \(type == 8 ? "request" : "reply") id=\(id), seq=\(seq)"
        case let .vxlan(src, dst, vni, inner): "\(src) → \(dst) VXLAN VNI \(vni): \(inner.summary)"
        case let .esp(src, dst, spi, seq, _): "\(src) → \(dst) ESP (SPI=0x\(String(spi, radix: 16))) seq=\(seq)"
        }
    }
}
