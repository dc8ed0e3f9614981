/// GF(2^8) as RAID 6 uses it (H. P. Anvin, "The mathematics of RAID-6"; Linux
/// lib/raid6): polynomial x^8+x^4+x^3+x^2+1 (0x11d), generator g = {02}.
enum GF256 {
    /// g^i for i in 0..<510 (doubled, so a product needs no modulo).
    static let exp: [UInt8] = {
        var table = [UInt8](repeating: 0, count: 510)
        var x = 1
        for i in 0..<255 {
            table[i] = UInt8(x)
            table[i + 255] = UInt8(x)
            x <<= 1
            if x & 0x100 != 0 { x ^= 0x11d }
        }
        return table
    }()

    /// log_g(x) for x ≠ 0.
    static let log: [Int] = {
        var table = [Int](repeating: 0, count: 256)
        for i in 0..<255 { table[Int(exp[i])] = i }
        return table
    }()

    static func mul(_ a: UInt8, _ b: UInt8) -> UInt8 {
        a == 0 || b == 0 ? 0 : exp[log[Int(a)] + log[Int(b)]]
    }

    static func inverse(_ a: UInt8) -> UInt8 { exp[(255 - log[Int(a)]) % 255] }

    /// g^i for any integer i (negative exponents included).
    static func power(_ i: Int) -> UInt8 { exp[((i % 255) + 255) % 255] }

    /// Multiplies every byte of `block` by the constant `c`.
    static func scale(_ block: [UInt8], by c: UInt8) -> [UInt8] {
        guard c != 1 else { return block }
        let table = (0..<256).map { mul(UInt8($0), c) }
        return block.map { table[Int($0)] }
    }

    /// P = ⊕ D_i and Q = Σ g^i · D_i of equal-length chunks, by Horner's rule from the
    /// last chunk down (Q = ((D_{k-1}·g ⊕ D_{k-2})·g ⊕ …)·g ⊕ D_0), eight bytes at a
    /// time as lib/raid6's int64 code does: ×g of eight packed bytes is a shift and a
    /// conditional XOR of 0x1d.
    static func syndromes(_ chunks: [[UInt8]], length: Int) -> (p: [UInt8], q: [UInt8]) {
        var p = [UInt8](repeating: 0, count: length)
        var q = [UInt8](repeating: 0, count: length)
        let words = length / 8
        p.withUnsafeMutableBytes { pRaw in
            q.withUnsafeMutableBytes { qRaw in
                let pw = pRaw.bindMemory(to: UInt64.self), qw = qRaw.bindMemory(to: UInt64.self)
                for chunk in chunks.reversed() {
                    chunk.withUnsafeBytes { dRaw in
                        let dw = dRaw.bindMemory(to: UInt64.self)
                        for w in 0..<words {
                            let d = dw[w], qv = qw[w]
                            let high = qv & 0x8080_8080_8080_8080
                            let doubled = ((qv << 1) & 0xfefe_fefe_fefe_fefe) ^ ((high >> 7) &* 0x1d)
                            qw[w] = doubled ^ d
                            pw[w] ^= d
                        }
                    }
                }
            }
        }
        for b in (words * 8)..<length {
            var pb: UInt8 = 0, qb: UInt8 = 0
            for chunk in chunks.reversed() { pb ^= chunk[b]; qb = mul(qb, 2) ^ chunk[b] }
            p[b] = pb; q[b] = qb
        }
        return (p, q)
    }
}

/// XOR of equal-length byte blocks.
func xorBlocks(_ blocks: [[UInt8]], length: Int) -> [UInt8] {
    var out = [UInt8](repeating: 0, count: length)
    for block in blocks { for i in 0..<length { out[i] ^= block[i] } }
    return out
}

/// RAID 6's parity computation as a public entry point, for the benchmark (`bench/raid.sh`).
public enum Raid6Parity {
    /// P and Q of equal-length data chunks (chunk i weighted g^i in Q).
    public static func syndromes(_ chunks: [[UInt8]]) -> (p: [UInt8], q: [UInt8]) {
        GF256.syndromes(chunks, length: chunks.first?.count ?? 0)
    }
}
