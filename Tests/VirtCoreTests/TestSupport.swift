import Testing
@testable import VirtCore

let GiB: Int64 = 1 << 30
let MiB: Int64 = 1 << 20

/// Expects `body` to throw a CoreError of `kind` and leave the world exactly unchanged.
@discardableResult
func expectRefused(_ world: inout World, _ kind: CoreError.Kind, containing text: String? = nil,
                   sourceLocation: SourceLocation = #_sourceLocation,
                   _ body: (inout World) throws(CoreError) -> Void) -> CoreError? {
    let before = world
    do {
        try body(&world)
        Issue.record("expected a \(kind) error", sourceLocation: sourceLocation)
        return nil
    } catch {
        #expect(error.kind == kind, "\(error.message)", sourceLocation: sourceLocation)
        if let text { #expect(error.message.contains(text) || (error.hint ?? "").contains(text), "\(error.message) / \(error.hint ?? "")", sourceLocation: sourceLocation) }
        #expect(world == before, "a failed operation changed the world", sourceLocation: sourceLocation)
        return error
    }
}

/// A world with one host running a hypervisor and one running VM.
func worldWithVM(kind: HypervisorKind = .full, paging: Paging = .shadow, os: GuestOS = .linux,
                 cpus: Int = 8, mem: Int64 = 32 * GiB) throws -> World {
    var w = World()
    try w.addHost("pm1", cpus: cpus, mem: mem)
    try w.installHypervisor(on: "pm1", kind: kind, paging: paging)
    try w.createVM("vm1", vcpus: 2, mem: 4 * GiB, os: os, host: "pm1")
    try w.startVM("vm1")
    return w
}
