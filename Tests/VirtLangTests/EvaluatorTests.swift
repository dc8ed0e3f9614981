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

    @Test func procLocalsAreFreedWhenTheCallReturns() throws {
        let interpreter = session()
        try interpreter.execute("proc f n { let big = [range $n]; return [len $big] }\nf 1000\nf 10")
        #expect(interpreter.stack.count == 0)
        #expect(interpreter.callDepth == 0)
    }
}
