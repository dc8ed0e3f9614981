/// Dynamo's consistent hashing: every node owns `vnodes` tokens on a 64-bit ring; a
/// key belongs to the first token clockwise from its own position, and its
/// preference list is the distinct nodes met walking on from there (DeCandia et
/// al., SOSP 2007, sections 4.2–4.3). Positions are a fixed hash of the bytes, so
/// the ring is the same on every run and machine.
enum Ring {
    /// The position of a key or token name: FNV-1a (64-bit) mixed by MurmurHash3's finalizer.
    static func position(_ text: String) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 { h = (h ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        h ^= h >> 33
        h = h &* 0xff51_afd7_ed55_8ccd
        h ^= h >> 33
        h = h &* 0xc4ce_b9fe_1a85_ec53
        return h ^ (h >> 33)
    }

    /// Every node in the order met walking clockwise from `key`'s position.
    static func walk(_ key: String, nodes: [String], vnodes: Int) -> [String] {
        let tokens = nodes.flatMap { node in (0..<vnodes).map { (position: position("\(node)#\($0)"), node: node) } }
            .sorted { ($0.position, $0.node) < ($1.position, $1.node) }
        guard !tokens.isEmpty else { return [] }
        let here = position(key)
        let start = tokens.firstIndex { $0.position >= here } ?? 0
        var order: [String] = []
        for i in 0..<tokens.count {
            let node = tokens[(start + i) % tokens.count].node
            if !order.contains(node) { order.append(node) }
        }
        return order
    }
}
