/// Child nodes held in order. The array owns them; the evaluator visits them
/// through a parallel array of unmanaged references, so a visit costs no
/// retain and release. A syntax tree outlives every evaluation of its nodes.
/// (ARC traffic on arrays of nodes was a third of bench/fib's time.)
struct Nodes<Node: AnyObject> {
    /// Keeps the nodes alive; never read.
    private let owned: [Node]
    private let unretained: [Unmanaged<Node>]

    init(_ nodes: [Node]) {
        owned = nodes
        unretained = nodes.map { Unmanaged.passUnretained($0) }
    }

    var count: Int { unretained.count }

    /// Calls `body` with node `k`, without retaining it.
    @inline(__always)
    func with<T>(_ k: Int, _ body: (Node) throws -> T) rethrows -> T {
        try unretained[k]._withUnsafeGuaranteedRef(body)
    }
}

/// A block's statements, run in the current scope.
typealias Block = Nodes<Stmt>

extension Nodes where Node == Stmt {
    /// Runs the statements, counting a step for each unless `countsSteps` is
    /// false; stops at `break`, `continue` or `return`. Its value is the last statement's.
    @inline(__always)
    func exec(_ i: Interpreter, countsSteps: Bool = true) throws -> Value {
        var v = Value.none
        var k = 0
        while k < count {
            v = try with(k) { s in
                if countsSteps { try i.step(s) }
                return try s.exec(i)
            }
            if i.flow != .normal { break }
            k &+= 1
        }
        return v
    }
}
