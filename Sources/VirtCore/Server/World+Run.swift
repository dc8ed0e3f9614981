/// `vm run`: executing guest code under the VM's hypervisor.
extension World {
    /// Runs a built-in workload `ops` times (default 100) in a running VM.
    /// The translation cache starts cold unless `warm` is true.
    public mutating func runWorkload(vm name: String, _ workload: Workload, ops: Int = Workload.defaultOps,
                                     warm: Bool = false) throws(CoreError) -> RunResult {
        try runProgram(vm: name, workload.program, repeat: ops, warm: warm)
    }

    /// Runs a guest program (`program="user 1000; syscall"`) `repeat` times in a running VM.
    public mutating func runProgram(vm name: String, _ program: GuestProgram, repeat count: Int = 1,
                                    warm: Bool = false) throws(CoreError) -> RunResult {
        let vm = try existingVM(name)
        guard vm.state == .running else {
            throw .state("VM '\(name)' is \(vm.state.rawValue); guest code runs only in a running VM",
                         hint: vm.state == .stopped ? "vm start \(name)" : nil)
        }
        let host = hosts[vm.host!]!
        let hv = host.hypervisor!
        let mode = ExecutionMode(hv)
        let result = try World.execute(program, mode: mode, costs: hv.costs, ghz: host.ghz, repeat: count,
                                       translated: warm ? Set(vm.translated) : [])
        vms[name]!.translated = result.translated.sorted()
        return result.result
    }

    /// Runs `program` `count` times: the first pass (cold or warm cache) and a
    /// steady-state pass are simulated, the rest repeat the steady state.
    static func execute(_ program: GuestProgram, mode: ExecutionMode, costs: CostTable, ghz: Double,
                        repeat count: Int, translated: Set<String> = []) throws(CoreError) -> (result: RunResult, translated: Set<String>) {
        guard count >= 1, count <= 1_000_000_000 else {
            throw .value("ops must be between 1 and 1,000,000,000, not \(count)")
        }
        var first = ExecutionEngine(mode: mode, costs: costs, translated: translated)
        first.run(program)
        var steady = ExecutionEngine(mode: mode, costs: costs, translated: first.translated)
        steady.run(program)
        let rest = Double(count - 1), restN = count - 1
        let cycles = first.cycles + rest * steady.cycles
        let native = first.nativeCycles + rest * steady.nativeCycles
        let result = RunResult(
            cycles: cycles, nativeCycles: native, overhead: native > 0 ? cycles / native : 1,
            traps: first.traps + restN * steady.traps, exits: first.exits + restN * steady.exits,
            translations: first.translations + restN * steady.translations,
            hypercalls: first.hypercalls + restN * steady.hypercalls,
            violations: first.violations + restN * steady.violations,
            seconds: cycles / (ghz * 1e9), mode: mode.name)
        return (result, first.translated)
    }
}
