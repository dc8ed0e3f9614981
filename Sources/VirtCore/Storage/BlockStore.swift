import Foundation

/// The bytes of one device, sparse: only blocks holding a non-zero byte take memory,
/// so a 10 TB disk costs what has been written to it. Blocks are 4 KiB.
struct BlockStore: Equatable, Sendable {
    static let blockSize = 4096
    private(set) var blocks: [Int64: [UInt8]] = [:]

    /// The block's bytes (all zero if never written).
    subscript(index: Int64) -> [UInt8] {
        get { blocks[index] ?? BlockStore.zero }
        set { blocks[index] = newValue.allSatisfy { $0 == 0 } ? nil : newValue }
    }

    /// Blocks holding data, in order.
    var written: [Int64] { blocks.keys.sorted() }

    mutating func removeAll() { blocks = [:] }

    static let zero = [UInt8](repeating: 0, count: blockSize)
}

/// Saved as a sorted list of `[block, base64]` pairs, so the same world saves the same bytes.
extension BlockStore: Codable {
    private struct Entry: Codable { var block: Int64; var data: String }

    init(from decoder: Decoder) throws {
        for entry in try decoder.singleValueContainer().decode([Entry].self) {
            guard let data = Data(base64Encoded: entry.data), data.count == BlockStore.blockSize, entry.block >= 0 else {
                throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "unknown block data at block \(entry.block)"))
            }
            self[entry.block] = [UInt8](data)
        }
    }

    func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(written.map { Entry(block: $0, data: Data(blocks[$0]!).base64EncodedString()) })
    }
}
