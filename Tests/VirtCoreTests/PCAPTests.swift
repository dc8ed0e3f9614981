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

    /// tshark's `-T fields` output for `frames` written as a pcap file; nil when tshark is not installed.
    static func tshark(_ frames: [Frame], fields: [String]) throws -> String? {
        guard let tshark = ["/usr/bin/tshark", "/usr/local/bin/tshark"].first(where: FileManager.default.isExecutableFile(atPath:)) else { return nil }
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
        return out
    }

    @Test func tsharkDecodesIt() throws {
        var w = try NetworkTests.twoHosts()
        _ = try w.ping("web1", "web2")
        guard let out = try Self.tshark(try w.captured(at: "sw1.1"), fields: ["vlan.id", "arp.opcode", "icmp.type", "_ws.expert"]) else { return }
        #expect(out.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false).prefix(3).joined(separator: ",") }
                == ["10,1,", "10,2,", "10,,8", "10,,0"])
    }
}
