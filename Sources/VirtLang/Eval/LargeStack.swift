#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Work the large-stack thread runs; a class, so the thread reaches it without a dynamic cast.
private class StackWork {
    func run() {}
}

/// Carries the work and its result across the thread boundary.
private final class StackJob<T>: StackWork {
    let body: () -> T
    var result: T?
    init(_ body: @escaping () -> T) { self.body = body }
    override func run() { result = body() }
}

/// Runs `body` on a thread with a 1 GiB stack and waits for it: deep enough that
/// a proc without a base case ends in the recursion-limit error, not a crash.
public func withLargeStack<T>(_ body: @escaping () -> T) -> T {
    let job = StackJob(body)
    var attributes = pthread_attr_t()
    pthread_attr_init(&attributes)
    defer { pthread_attr_destroy(&attributes) }
    pthread_attr_setstacksize(&attributes, 1 << 30)
    let context = Unmanaged.passRetained(job as StackWork).toOpaque()
    #if canImport(Glibc)
    var thread = pthread_t()
    #else
    var thread: pthread_t?
    #endif
    let created = pthread_create(&thread, &attributes, { raw in
        Unmanaged<StackWork>.fromOpaque(raw!).takeRetainedValue().run()
        return nil
    }, context)
    guard created == 0 else {
        Unmanaged<StackWork>.fromOpaque(context).release()
        return body()
    }
    #if canImport(Glibc)
    pthread_join(thread, nil)
    #else
    pthread_join(thread!, nil)
    #endif
    return job.result!
}


/// How much of its thread's stack the evaluator may use: whatever the mix of
/// recursion and nesting, running out is a limit error, never a crash.
/// Checked at every proc call and `source`, the only ways the evaluator recurses
/// without bound: between two checks the stack grows by one proc body, whose
/// nesting the parser bounds (`Parser.maxDepth`), far less than `reserve`.
/// (Checking at every compound statement checked on every iteration of a loop around an `if`.)
struct StackBudget {
    /// Kept free below the deepest point the evaluator reaches (a builtin or the parser may recurse further).
    static let reserve: UInt = 8 << 20
    private var thread: pthread_t?
    private var floor: UInt = 0
    private var ceiling: UInt = 0

    /// Throws a limit error when the stack is nearly used up. The fast path is two
    /// comparisons; the thread's bounds are measured again only when the evaluator
    /// runs outside the ones it knows (another thread).
    @inline(__always)
    mutating func check(callDepth: Int, at span: SourceSpan?) throws {
        var marker: UInt8 = 0
        let here = withUnsafeMutablePointer(to: &marker) { UInt(bitPattern: $0) }
        if here >= floor && here <= ceiling { return }
        let sameStack = thread.map { pthread_equal($0, pthread_self()) != 0 } ?? false
        if !sameStack || here > ceiling || here + StackBudget.reserve < floor { measure() }
        if here < floor {
            throw ScriptError(.limit, "recursion and nesting together use up the stack (\(callDepth) calls deep)",
                              hint: "recurse less deeply, or nest fewer blocks in the recursive proc", at: span)
        }
    }

    /// glibc's `pthread_getattr_np`, which Swift's Glibc module does not export.
    private static let getattr: (@convention(c) (pthread_t, UnsafeMutablePointer<pthread_attr_t>) -> Int32)? = {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "pthread_getattr_np") else { return nil }
        return unsafeBitCast(symbol, to: (@convention(c) (pthread_t, UnsafeMutablePointer<pthread_attr_t>) -> Int32).self)
    }()

    /// Finds the current thread's stack bounds.
    private mutating func measure() {
        thread = pthread_self()
        var attributes = pthread_attr_t()
        var low: UnsafeMutableRawPointer?
        var size = 0
        (floor, ceiling) = (0, UInt.max)
        guard let getattr = StackBudget.getattr, getattr(pthread_self(), &attributes) == 0 else { return }
        defer { pthread_attr_destroy(&attributes) }
        guard pthread_attr_getstack(&attributes, &low, &size) == 0, let low else { return }
        floor = UInt(bitPattern: low) + min(StackBudget.reserve, UInt(size) / 4)
        ceiling = UInt(bitPattern: low) + UInt(size)
    }
}
