/// The locals of every active proc call, in one buffer that grows by doubling.
/// Reached by pointer: no uniqueness or bounds checks on every read and write of
/// a local, which an array of values cost (issue 16). Indexes stay valid when it
/// grows; pointers into it are never kept.
struct LocalStack: ~Copyable {
    private var slots: UnsafeMutablePointer<Value>
    private var capacity: Int
    /// Slots in use.
    private(set) var count = 0

    init(capacity: Int = 64) {
        self.capacity = capacity
        slots = .allocate(capacity: capacity)
    }

    deinit {
        slots.deinitialize(count: count)
        slots.deallocate()
    }

    @inline(__always)
    subscript(index: Int) -> Value {
        get { slots[index] }
        nonmutating set { slots[index] = newValue }
    }

    /// The whole number in a slot, read without copying the value; nil for any other kind.
    @inline(__always)
    func int(at index: Int) -> Int? {
        if case .int(let n) = slots[index] { return n }
        return nil
    }

    /// Adds a slot on top.
    @inline(__always)
    mutating func push(_ value: Value) {
        if count == capacity { grow() }
        (slots + count).initialize(to: value)
        count &+= 1
    }

    /// Drops the slots from `newCount` up.
    @inline(__always)
    mutating func pop(to newCount: Int) {
        (slots + newCount).deinitialize(count: count &- newCount)
        count = newCount
    }

    private mutating func grow() {
        let larger = UnsafeMutablePointer<Value>.allocate(capacity: capacity * 2)
        larger.moveInitialize(from: slots, count: count)
        slots.deallocate()
        slots = larger
        capacity *= 2
    }
}
