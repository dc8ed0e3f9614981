import Testing
@testable import VirtLang

/// The evaluator's bookkeeping that scripts cannot print: steps, and cached command targets.
@Suite struct EvaluatorTests {
    func session() -> Interpreter { Interpreter(registry: Builtins.registry()) }

    @Test func anIfChainCountsOneStepWhicheverBranchRuns() throws {
        for (source, branchSteps) in [("if true { let x = 1 }", 1),
                                      ("if false { } elif false { } elif true { let x = 1 }", 1),
                                      ("if false { } elif false { } else { let x = 1; let y = 2 }", 2),
                                      ("if false { } elif false { }", 0)] {
            let interpreter = session()
            try interpreter.execute(source)
            #expect(interpreter.steps == 1 + branchSteps, "\(source)")
        }
    }

    @Test func aCallSiteFollowsEveryRedefinition() throws {
        let interpreter = session()
        let value = try interpreter.execute("""
            let total = 0
            for k in 1..500 {
              proc f { return $k }
              let total = ($total + [f])
            }
            $total
            """)
        #expect(value == .int(125_250))
    }

    /// The call statement inside `down` is resolved again at every level (each level
    /// defines a proc), releasing the target the levels above are still running.
    @Test func aRecursiveCallSiteResolvedAgainWhileItsCallersRun() throws {
        let interpreter = session()
        let value = try interpreter.execute("""
            proc down n {
              proc marker { return 1 }
              if $n == 0 { return 0 }
              let below = [down ($n - 1)]
              return ($below + [marker] + 1)
            }
            down 200
            """)
        #expect(value == .int(400))
    }

    @Test func procLocalsAreFreedWhenTheCallReturns() throws {
        let interpreter = session()
        try interpreter.execute("proc f n { let big = [range $n]; return [len $big] }\nf 1000\nf 10")
        #expect(interpreter.stack.count == 0)
        #expect(interpreter.callDepth == 0)
    }
}
