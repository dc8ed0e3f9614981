#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Carries the work and its result across the thread boundary.
private final class StackJob<T> {
    let body: () -> T
    var result: T?
    init(_ body: @escaping () -> T) { self.body = body }
}

/// Runs `body` on a thread with a 1 GiB stack and waits for it: deep enough that
/// a proc without a base case ends in the recursion-limit error, not a crash.
public func withLargeStack<T>(_ body: @escaping () -> T) -> T {
    let job = StackJob(body)
    var attributes = pthread_attr_t()
    pthread_attr_init(&attributes)
    defer { pthread_attr_destroy(&attributes) }
    pthread_attr_setstacksize(&attributes, 1 << 30)
    let context = Unmanaged.passRetained(job as AnyObject).toOpaque()
    #if canImport(Glibc)
    var thread = pthread_t()
    #else
    var thread: pthread_t?
    #endif
    let created = pthread_create(&thread, &attributes, { raw in
        let job = Unmanaged<AnyObject>.fromOpaque(raw!).takeRetainedValue()
        (job as! Runnable).runJob()
        return nil
    }, context)
    guard created == 0 else {
        Unmanaged<AnyObject>.fromOpaque(context).release()
        return body()
    }
    #if canImport(Glibc)
    pthread_join(thread, nil)
    #else
    pthread_join(thread!, nil)
    #endif
    return job.result!
}

private protocol Runnable { func runJob() }
extension StackJob: Runnable {
    func runJob() { result = body() }
}
