import Testing
@testable import VirtCore

@Suite struct ExecutionTests {
    func run(_ kind: HypervisorKind, _ paging: Paging = .shadow, _ workload: Workload, ops: Int = 100) throws -> RunResult {
        var w = try worldWithVM(kind: kind, paging: paging, os: kind == .para ? .linuxPV : .linux)
        return try w.runWorkload(vm: "vm1", workload, ops: ops)
    }

    @Test func binaryTranslationBeatsShadowHardwareOnForkwait() throws {
        #expect(try run(.full, .shadow, .forkwait).cycles < run(.hardware, .shadow, .forkwait).cycles)
    }

    @Test func nestedPagingBeatsShadowPagingOnForkwait() throws {
        #expect(try run(.hardware, .nested, .forkwait).cycles < run(.hardware, .shadow, .forkwait).cycles)
    }

    @Test func hardwareBeatsBinaryTranslationOnSyscalls() throws {
        #expect(try run(.hardware, .shadow, .syscallHeavy).cycles < run(.full, .shadow, .syscallHeavy).cycles)
        #expect(try run(.hardware, .nested, .syscallHeavy).cycles < run(.full, .shadow, .syscallHeavy).cycles)
    }

    @Test(arguments: [(HypervisorKind.full, Paging.shadow), (.para, .shadow), (.hardware, .shadow), (.hardware, .nested)])
    func computeIsNearNative(kind: HypervisorKind, paging: Paging) throws {
        let result = try run(kind, paging, .compute)
        #expect(result.overhead < 1.10, "\(kind) \(paging): \(result.overhead)")
        #expect(result.overhead >= 1)
        #expect(result.violations == 0)
    }

    @Test func everyWorkloadRunsUnderEveryCorrectTechnique() throws {
        for (kind, paging) in [(HypervisorKind.full, Paging.shadow), (.para, .shadow), (.hardware, .shadow), (.hardware, .nested)] {
            for workload in Workload.allCases {
                let r = try run(kind, paging, workload, ops: 3)
                #expect(r.violations == 0)
                #expect(r.cycles >= r.nativeCycles)
            }
        }
    }

    @Test func trapAndEmulateViolatesOnSensitiveUnprivilegedInstructions() throws {
        var w = try worldWithVM(kind: .trap)
        let r = try w.runProgram(vm: "vm1", GuestProgram.parse("user 10; popf; pushf; sgdt; smsw; cli; sti"))
        #expect(r.violations == 4)
        #expect(r.traps == 2)
        let io = try w.runWorkload(vm: "vm1", .ioHeavy, ops: 10)
        #expect(io.violations == 20)
    }

    @Test func mechanismsCountTheirEvents() throws {
        let program = try GuestProgram.parse("user 100; syscall; cli; pte-write\npte-write; mov-cr3; page-fault")
        var full = try worldWithVM(kind: .full)
        let f = try full.runProgram(vm: "vm1", program)
        #expect(f.translations == 5)
        #expect(f.traps == 3)       // two traced page-table writes and a hidden fault; cli is inline
        #expect(f.exits == 0)
        var hw = try worldWithVM(kind: .hardware)
        let h = try hw.runProgram(vm: "vm1", program)
        #expect(h.exits == 4)       // shadow paging: two pte-writes, mov-cr3, page-fault; syscall and cli do not exit
        #expect(h.translations == 0)
        var nested = try worldWithVM(kind: .hardware, paging: .nested)
        #expect(try nested.runProgram(vm: "vm1", program).exits == 0)
        var para = try worldWithVM(kind: .para, os: .linuxPV)
        let p = try para.runProgram(vm: "vm1", program)
        #expect(p.hypercalls == 2)  // one batch of two pte-writes, mov-cr3; cli writes the shared-info page
        #expect(p.traps == 1)       // the page fault goes through Xen
    }

    /// What one operation costs under one technique: its counters, and whether it runs at native cost.
    struct OpCost: Equatable, CustomStringConvertible {
        var traps = 0, exits = 0, hypercalls = 0, violations = 0
        var native = true
        var description: String { "traps \(traps) exits \(exits) hypercalls \(hypercalls) violations \(violations) native \(native)" }
    }

    /// The table of issue 9 / CORE.md "Executing guest code", one operation at a time.
    static let perTechnique: [(HypervisorKind, Paging, [String: OpCost])] = {
        let inline = OpCost()
        let exit = OpCost(exits: 1, native: false)
        let slow = OpCost(native: false)
        let trap = OpCost(traps: 1, native: false)
        let violation = OpCost(violations: 1)
        let hypercall = OpCost(hypercalls: 1, native: false)
        return [
            (.hardware, .shadow, ["syscall": inline, "cli": inline, "sti": inline, "popf": inline, "pushf": inline,
                                  "smsw": inline, "sgdt": inline, "io": exit, "hlt": exit,
                                  "hypercall": OpCost(exits: 1, hypercalls: 1, native: false),
                                  "mov-cr3": exit, "pte-write": exit, "page-fault": exit]),
            (.hardware, .nested, ["syscall": inline, "cli": inline, "sti": inline, "popf": inline, "pushf": inline,
                                  "smsw": inline, "sgdt": inline, "io": exit, "hlt": exit,
                                  "hypercall": OpCost(exits: 1, hypercalls: 1, native: false),
                                  "mov-cr3": slow, "pte-write": inline, "page-fault": slow]),
            (.full, .shadow, ["syscall": slow, "cli": inline, "sti": inline, "popf": inline, "pushf": inline,
                              "smsw": inline, "sgdt": inline, "io": slow, "hlt": slow, "hypercall": hypercall,
                              "mov-cr3": slow, "pte-write": trap, "page-fault": trap]),
            (.para, .shadow, ["syscall": inline, "cli": inline, "sti": inline, "popf": inline, "pushf": inline,
                              "smsw": inline, "sgdt": inline, "io": hypercall, "hlt": hypercall, "hypercall": hypercall,
                              "mov-cr3": hypercall, "pte-write": hypercall, "page-fault": trap]),
            (.trap, .shadow, ["syscall": trap, "cli": trap, "sti": trap, "popf": violation, "pushf": violation,
                              "smsw": violation, "sgdt": violation, "io": trap, "hlt": trap,
                              "hypercall": OpCost(traps: 1, hypercalls: 1, native: false),
                              "mov-cr3": trap, "pte-write": trap, "page-fault": trap]),
        ]
    }()

    @Test func eachOperationCostsWhatItsTechniqueMakesIt() throws {
        for (kind, paging, table) in Self.perTechnique {
            #expect(Set(table.keys) == Set(GuestOp.keywords.dropFirst()), "\(kind): every operation is in the table")
            for (op, expected) in table.sorted(by: { $0.key < $1.key }) {
                var w = try worldWithVM(kind: kind, paging: paging, os: kind == .para ? .linuxPV : .linux)
                let r = try w.runProgram(vm: "vm1", GuestProgram.parse(op))
                // Binary translation translates each kernel block once; that cost is not the operation's.
                let translation = Double(r.translations) * CostKey.translation.defaultValue
                #expect(r.translations == (kind == .full ? 1 : 0), "\(kind) \(op)")
                let got = OpCost(traps: r.traps, exits: r.exits, hypercalls: r.hypercalls, violations: r.violations,
                                 native: r.cycles - translation == r.nativeCycles)
                #expect(got == expected, "\(kind)/\(paging) \(op)")
            }
        }
    }

    @Test func paraBatchesIORequestsBehindOneNotification() throws {
        var w = try worldWithVM(kind: .para, os: .linuxPV)
        #expect(try w.runProgram(vm: "vm1", GuestProgram.parse("io; io; io; io")).hypercalls == 1)
        #expect(try w.runProgram(vm: "vm1", GuestProgram.parse("io; user 10; io")).hypercalls == 2)
        #expect(try w.runProgram(vm: "vm1", GuestProgram.parse("io; pte-write; io; pte-write")).hypercalls == 4)
        try w.setHypervisorCosts("pm1", [("batch", 2)])
        #expect(try w.runProgram(vm: "vm1", GuestProgram.parse("io; io; io; io")).hypercalls == 2)
    }

    @Test func hardwareAssistanceRunsTheSensitiveInstructionsOfStep4WithoutExits() throws {
        var w = try worldWithVM(kind: .hardware)
        let r = try w.runProgram(vm: "vm1", GuestProgram.parse("cli; sti; popf; pushf; smsw; sgdt"))
        #expect(r.exits == 0)
        #expect(r.violations == 0)
        #expect(r.overhead == 1)
    }

    @Test func translationCacheIsColdUnlessWarm() throws {
        var w = try worldWithVM(kind: .full)
        let cold = try w.runWorkload(vm: "vm1", .forkwait, ops: 1)
        let again = try w.runWorkload(vm: "vm1", .forkwait, ops: 1)
        let warm = try w.runWorkload(vm: "vm1", .forkwait, ops: 1, warm: true)
        #expect(cold.translations == 4)
        #expect(again == cold)
        #expect(warm.translations == 0)
        #expect(warm.cycles < cold.cycles)
    }

    @Test func opsScalesLinearlyAfterTheFirstPass() throws {
        var w = try worldWithVM(kind: .full)
        let one = try w.runWorkload(vm: "vm1", .web, ops: 1)
        let two = try w.runWorkload(vm: "vm1", .web, ops: 2)
        let ten = try w.runWorkload(vm: "vm1", .web, ops: 10)
        let step = two.cycles - one.cycles
        #expect(abs(ten.cycles - (one.cycles + 9 * step)) < 1e-6)
        #expect(ten.nativeCycles == 10 * one.nativeCycles)
    }

    @Test func parserErrorsNameTheOperation() {
        for (text, fragment) in [("user 10; frobnicate", "unknown guest operation 'frobnicate'"), ("user", "'user' takes a count"),
                                 ("syscall 3", "takes no argument"), ("  ; \n", "empty")] {
            do {
                _ = try GuestProgram.parse(text)
                Issue.record("parsed \(text)")
            } catch {
                #expect(error.message.contains(fragment), "\(error.message)")
            }
        }
        do { _ = try GuestProgram.parse("bogus") } catch { #expect(error.hint?.contains("pte-write") == true) }
    }

    @Test func runNeedsARunningVM() throws {
        var w = try worldWithVM()
        try w.stopVM("vm1")
        expectRefused(&w, .state, containing: "running") { w throws(CoreError) in _ = try w.runWorkload(vm: "vm1", .compute) }
        try w.startVM("vm1")
        expectRefused(&w, .value) { w throws(CoreError) in _ = try w.runWorkload(vm: "vm1", .compute, ops: 0) }
    }

    @Test func costsAreSettableAndCiteSources() throws {
        var w = try worldWithVM(kind: .hardware)
        let costs = try w.hypervisorCosts("pm1")
        #expect(costs.count == CostKey.allCases.count)
        #expect(costs.allSatisfy { !$0.source.isEmpty })
        #expect(costs.first { $0.key == "vm-exit" }?.source.contains("Prescott") == true)
        #expect(!costs.contains { $0.source.contains("FACTS.md") })
        let before = try w.runWorkload(vm: "vm1", .forkwait)
        try w.setHypervisorCosts("pm1", [("vm-exit", 500)])
        let after = try w.runWorkload(vm: "vm1", .forkwait)
        #expect(after.cycles < before.cycles)
        expectRefused(&w, .name, containing: "not a cost-table key") { w throws(CoreError) in
            try w.setHypervisorCosts("pm1", [("trap", 5), ("nope", 1)])
        }
        expectRefused(&w, .value) { w throws(CoreError) in try w.setHypervisorCosts("pm1", [("trap", -5)]) }
    }
}

@Test func workloadMixesRenderAsText() {
    #expect(Workload.forkwait.program.text == "user 500; syscall; pte-write ×40; mov-cr3; page-fault ×10; syscall ×2; mov-cr3")
    #expect(Workload.allCases.allSatisfy { !$0.summary.isEmpty })
}
