import Foundation
import Testing
@testable import VirtCore

/// The pcap file, read back by a reader written here from the libpcap format and
/// the Ethernet, 802.1Q, ARP, IPv4 and ICMP layouts — and by tshark when installed.
@Suite struct PCAPTests {
    struct Packet { var seconds: UInt32; var micros: UInt32; var bytes: [UInt8] }

    static func u16(_ b: [UInt8], _ i: Int) -> Int { Int(b[i]) << 8 | Int(b[i + 1]) }
    static func le32(_ b: [UInt8], _ i: Int) -> UInt32 { (0..<4).reduce(0) { $0 | UInt32(b[i + $1]) << (8 * UInt32($1)) } }

    static func read(_ file: [UInt8]) throws -> [Packet] {
        try #require(file.count >= 24)
        #expect(le32(file, 0) == 0xa1b2_c3d4)
        #expect(file[4] == 2 && file[6] == 4)
        #expect(le32(file, 20) == 1, "link type Ethernet")
        var packets: [Packet] = [], at = 24
        while at < file.count {
            let incl = Int(le32(file, at + 8))
            #expect(le32(file, at + 12) == UInt32(incl))
            packets.append(Packet(seconds: le32(file, at), micros: le32(file, at + 4), bytes: Array(file[(at + 16)..<(at + 16 + incl)])))
            at += 16 + incl
        }
        #expect(at == file.count)
        return packets
    }

    /// Sum of 16-bit words with carries folded: 0xffff over a header with its checksum.
    static func sums(_ b: ArraySlice<UInt8>) -> Bool {
        let bytes = Array(b)
        var sum = 0
        for i in stride(from: 0, to: bytes.count, by: 2) { sum += Int(bytes[i]) << 8 | (i + 1 < bytes.count ? Int(bytes[i + 1]) : 0) }
        while sum > 0xffff { sum = (sum & 0xffff) + (sum >> 16) }
        return sum == 0xffff
    }

    @Test func aPingCaptureReadsBack() throws {
        var w = try NetworkTests.twoHosts()
        try w.advance(by: 1.5)
        _ = try w.ping("web1", "web2")
        let frames = try w.captured(at: "sw1.1")
        let packets = try Self.read(PCAP.file(frames))
        #expect(packets.count == 4)
        for (packet, frame) in zip(packets, frames) {
            let b = packet.bytes
            #expect(Int(packet.seconds) * 1_000_000 + Int(packet.micros) == Int((frame.time * 1e6).rounded()))
            #expect(b.count >= 60)
            #expect(Array(b[6..<12]) == frame.src.bytes && Array(b[0..<6]) == frame.dst.bytes)
            #expect(Self.u16(b, 12) == 0x8100 && Self.u16(b, 14) & 0xfff == 10, "802.1Q tag of VLAN 10")
            let type = Self.u16(b, 16)
            #expect(type == Int(frame.ethertype))
            if type == 0x0806 {
                #expect(Self.u16(b, 18) == 1 && Self.u16(b, 20) == 0x0800 && b[22] == 6 && b[23] == 4)
                #expect([1, 2].contains(Self.u16(b, 24)))
            } else {
                #expect(b[18] == 0x45 && b[27] == 1, "IPv4 carrying ICMP")
                #expect(Self.sums(b[18..<38]), "IPv4 header checksum")
                #expect(Self.sums(b[38..<(18 + Self.u16(b, 20))]), "ICMP checksum")
                #expect([0, 8].contains(Int(b[38])))
                #expect(Array(b[30..<34]) == [10, 0, 0, b[38] == 8 ? 1 : 2], "the request comes from 10.0.0.1")
            }
        }
        #expect(packets.first?.seconds == 1 && packets.first?.micros ?? 0 >= 500_000)
    }

    @Test func tsharkDecodesIt() throws {
        var w = try NetworkTests.twoHosts()
        _ = try w.ping("web1", "web2")
        guard let rows = try Self.tshark(w.captured(at: "sw1.1"), fields: ["vlan.id", "arp.opcode", "icmp.type"]) else { return }
        #expect(rows == ["10,1,", "10,2,", "10,,8", "10,,0"])
    }

    static let tsharkPath = ["/usr/bin/tshark", "/usr/local/bin/tshark"].first(where: FileManager.default.isExecutableFile(atPath:))

    /// tshark's reading of `frames` as a pcap file: one line per packet, the fields joined
    /// by commas; nil when tshark is not installed.
    static func tshark(_ frames: [Frame], fields: [String]) throws -> [String]? {
        guard let tshark = tsharkPath else { return nil }
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("virtlab-\(UUID().uuidString).pcap")
        try Data(PCAP.file(frames)).write(to: path)
        defer { try? FileManager.default.removeItem(at: path) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tshark)
        process.arguments = ["-r", path.path, "-T", "fields"] + fields.flatMap { ["-e", $0] }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = Pipe()
        try process.run()
        let out = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return out.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false).joined(separator: ",") }
    }
}

/// VXLAN and ESP in pcap files: the outer headers read back by the reader above, and by tshark.
@Suite struct TunnelPCAPTests {
    static func vxlanCapture() throws -> [Frame] {
        var w = try CloudNetworkTests.overlays()
        _ = try w.ping("red1", "red2")
        return try w.captured(at: "sw1.1")
    }

    @Test func vxlanPacketsReadBack() throws {
        let frames = try Self.vxlanCapture()
        let packets = try PCAPTests.read(PCAP.file(frames))
        #expect(packets.count == 4)
        for (packet, frame) in zip(packets, frames) {
            let b = packet.bytes
            guard case let .vxlan(_, _, vni, inner) = frame.payload else { Issue.record("not VXLAN"); continue }
            #expect(PCAPTests.u16(b, 12) == 0x0800 && b[14] == 0x45 && b[23] == 17, "outer IPv4 carrying UDP")
            #expect(PCAPTests.sums(b[14..<34]), "outer IPv4 header checksum")
            #expect(Array(b[26..<30]) == [172, 16, 0, frame.src == MAC(0x0600_ac10_0001) ? 1 : 2], "from a VTEP's underlay address")
            #expect(PCAPTests.u16(b, 36) == 4789, "UDP destination port 4789")
            #expect(PCAPTests.u16(b, 38) == b.count - 34, "UDP length covers VXLAN and the inner frame")
            #expect(b[42] == 0x08, "VXLAN flags: VNI valid")
            #expect(Int(b[46]) << 16 | Int(b[47]) << 8 | Int(b[48]) == Int(vni) && vni == 5000)
            let innerBytes = Array(b[50...])
            #expect(innerBytes == PCAP.wire(inner), "the whole inner frame follows the 50 bytes")
            #expect(Array(innerBytes[6..<12]) == inner.src.bytes && Array(innerBytes[0..<6]) == inner.dst.bytes)
            #expect(b.count == innerBytes.count + CloudDefaults.vxlanOverhead)
        }
    }

    @Test func tsharkDecodesVXLANAndESP() throws {
        let fields = { (frames: [Frame], names: [String]) throws -> [String] in try PCAPTests.tshark(frames, fields: names) ?? [] }
        guard PCAPTests.tsharkPath != nil else { return }
        #expect(try fields(Self.vxlanCapture(), ["udp.dstport", "vxlan.vni", "arp.opcode", "icmp.type"])
                == ["4789,5000,1,", "4789,5000,2,", "4789,5000,,8", "4789,5000,,0"])
        var w = World()
        try w.addSwitch("sw1", ports: 8)
        try addNetworkedHost(&w, "pm1", port: "sw1.1")
        try addNetworkedVM(&w, "srv", on: "pm1", vlan: nil, ip: "10.1.0.10/24")
        try addNetworkedVM(&w, "laptop", on: "pm1", vlan: nil, ip: "198.51.100.10/24")
        try w.addVPNGateway("gw1", network: "10.1.0.0/24", ip: nil, vlan: nil, publicIP: nil)
        try w.link("gw1.1", "sw1.3")
        try w.addVPNUser("alice", secret: "pw", allow: [])
        try w.connectVPN(client: "laptop", gateway: "gw1", user: "alice", secret: "pw")
        #expect(try w.ping("laptop", "srv").reachable)
        #expect(try fields(w.captured(at: "gw1.2"), ["ip.src", "ip.dst", "ip.proto", "icmp.type"])
                == ["198.51.100.10,203.0.113.1,50,", "203.0.113.1,198.51.100.10,50,"], "only the outer header: no ICMP inside is readable")
    }
}
