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

    /// `f`'s first body runs on after `g`'s call site has moved to the second `f`,
    /// and nothing else holds it: its line was parsed and run on its own, as at the REPL.
    @Test func aProcRedefinedWhileItRunsFinishesItsBody() throws {
        let interpreter = session()
        try interpreter.execute("proc f n { proc f n { return 10 }; return ([g $n] + 1) }")
        try interpreter.execute("proc g n { if $n == 0 { return 0 }; return [f ($n - 1)] }")
        #expect(try interpreter.execute("g 2") == .int(11))
        #expect(try interpreter.execute("g 2") == .int(10))
    }

    /// The `list` statement is run again inside its own argument, after a proc was
    /// defined, and resolved again there: the outer run still binds its arguments.
    @Test func aCommandRunAgainInsideItsOwnArgument() throws {
        let interpreter = session()
        try interpreter.execute("proc g n { if $n == 0 { return [list] }; proc h { }; return [list [g ($n - 1)]] }")
        #expect(try interpreter.execute("len [g 3]") == .int(1))
    }

    @Test func procLocalsAreFreedWhenTheCallReturns() throws {
        let interpreter = session()
        try interpreter.execute("proc f n { let big = [range $n]; return [len $big] }\nf 1000\nf 10")
        #expect(interpreter.stack.count == 0)
        #expect(interpreter.callDepth == 0)
    }
}
