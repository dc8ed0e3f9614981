/// A max-tree over hosts in creation order holding each host's free CPU and
/// free memory, so first-fit finds the first host with room in about
/// O(log n) instead of scanning every host.
struct FreeCapacityTree {
    private var size = 1
    private var maxCPU: [Double]
    private var maxMem: [Double]

    init(cpu: [Double], mem: [Double]) {
        while size < cpu.count { size *= 2 }
        maxCPU = Array(repeating: -.infinity, count: 2 * size)
        maxMem = Array(repeating: -.infinity, count: 2 * size)
        for i in cpu.indices {
            maxCPU[size + i] = cpu[i]
            maxMem[size + i] = mem[i]
        }
        for node in stride(from: size - 1, through: 1, by: -1) { pull(node) }
    }

    /// Sets leaf `index` and updates its ancestors.
    mutating func update(_ index: Int, cpu: Double, mem: Double) {
        var node = size + index
        maxCPU[node] = cpu
        maxMem[node] = mem
        node /= 2
        while node >= 1 { pull(node); node /= 2 }
    }

    /// The first leaf (in order) that may have `cpu` and `mem` free and that `accept` takes.
    /// Subtrees whose maxima are below the demand are skipped; a small tolerance keeps
    /// rounding from hiding a host that fits exactly (`accept` makes the exact check).
    /// Iterative, so `accept` (and what it captures) is reached only at leaves.
    func first(cpu: Double, mem: Double, where accept: (Int) -> Bool) -> Int? {
        let cpu = cpu - 1e-9, mem = mem - 0.5
        var node = 1
        while true {
            if maxCPU[node] >= cpu, maxMem[node] >= mem {
                if node < size {
                    node *= 2
                    continue
                }
                if accept(node - size) { return node - size }
            }
            // On to the next subtree in order: up while this is a right child, then right.
            while node & 1 == 1 { node >>= 1 }
            if node == 0 { return nil }
            node += 1
        }
    }

    private mutating func pull(_ node: Int) {
        maxCPU[node] = max(maxCPU[2 * node], maxCPU[2 * node + 1])
        maxMem[node] = max(maxMem[2 * node], maxMem[2 * node + 1])
    }
}
