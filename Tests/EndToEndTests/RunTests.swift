import Foundation
import Testing

/// `virtlab run` and `virtlab check` as a user runs them: stdout, stderr, exit status.
@Suite struct RunTests {
    @Test func printsToStdoutAndExitsZero() throws {
        let file = try Binary.script("let x = 20\nprint ($x + 22)\nprint [now]\n")
        let r = try Binary.run(["run", file])
        #expect(r.status == 0)
        #expect(r.stdout == "42\n0s\n")
        #expect(r.stderr == "")
    }

    @Test func errorGoesToStderrWithCaretAndExitsOne() throws {
        let file = try Binary.script("print before\nvm strat web1\nprint after\n", name: "lab.vlab")
        let r = try Binary.run(["run", file], environment: ["NO_COLOR": "1"])
        #expect(r.status == 1)
        #expect(r.stdout == "before\n")
        #expect(r.stderr.contains("lab.vlab:2:1: error: unknown command 'vm"))
        #expect(r.stderr.contains("    2 | vm strat web1\n      | ^"))
        #expect(!r.stderr.contains("\u{1B}["), "no colour when stderr is not a terminal")
    }

    @Test func severalFilesShareOneSession() throws {
        let a = try Binary.script("let shared = 41\nproc inc n { return ($n + 1) }\n")
        let b = try Binary.script("print [inc $shared]\n")
        let r = try Binary.run(["run", a, b])
        #expect(r.stdout == "42\n")
        #expect(r.status == 0)
    }

    /// `run FILE…` without options skips the argument parser (issue 16, start-up);
    /// `run -- FILE…` goes through it. Both must behave the same.
    @Test func thePlainRunAndTheParsedRunAgree() throws {
        let good = try Binary.script("print ok\n")
        let bad = try Binary.script("print before\nvm strat web1\n", name: "bad.vlab")
        for files in [[good], [good, bad], [bad, good], ["/nonexistent/x.vlab"]] {
            let plain = try Binary.run(["run"] + files, environment: ["NO_COLOR": "1"])
            let parsed = try Binary.run(["run", "--"] + files, environment: ["NO_COLOR": "1"])
            #expect(plain.stdout == parsed.stdout && plain.stderr == parsed.stderr && plain.status == parsed.status, "\(files)")
        }
        #expect(try Binary.run(["run", good, bad]).status == 1)
    }

    @Test func jsonPrintsOneLinePerValue() throws {
        let file = try Binary.script("print 42\nprint hello 4G\nprint [list 1 x]\n")
        let r = try Binary.run(["run", "--json", file])
        #expect(r.stdout == "42\n\"hello 4G\"\n[1,\"x\"]\n")
    }

    @Test func maxStepsStopsAnEndlessLoop() throws {
        let file = try Binary.script("while true { }\n")
        let r = try Binary.run(["run", "--max-steps", "1000", file])
        #expect(r.status == 1)
        #expect(r.stderr.contains("stopped after 1,000 steps"))
    }

    @Test func timeoutStopsAnEndlessLoop() throws {
        let file = try Binary.script("let n = 0\nwhile true { let n = ($n + 1) }\n")
        let r = try Binary.run(["run", "--timeout", "0.3", file])
        #expect(r.status == 1)
        #expect(r.stderr.contains("timeout"))
    }

    @Test func recursionLimitIsAnErrorNotACrash() throws {
        let file = try Binary.script("proc down n { return [down ($n + 1)] }\ndown 0\n")
        let r = try Binary.run(["run", file])
        #expect(r.status == 1)
        #expect(r.stderr.contains("recursion deeper than 10000 calls"))
    }

    @Test func stateWritesTheWorldAndLoadReadsIt() throws {
        let file = try Binary.script("advance 3s\n")
        let state = file + ".json"
        #expect(try Binary.run(["run", "--state", state, file]).status == 0)
        let reader = try Binary.script("load \"\(state)\"\nprint [now]\n")
        #expect(try Binary.run(["run", reader]).stdout == "3s\n")
    }

    /// Two processes (two hash seeds) print the same bytes and save the same world.
    @Test func sameScriptSameBytes() throws {
        let golden = Binary.root.appendingPathComponent("Tests/VirtBindingsTests/Golden/server").path
        let files = FileManager.default.enumerator(atPath: golden)?.compactMap { $0 as? String } ?? []
        let scripts = files.filter { $0.hasSuffix(".vlab") }.sorted()
        #expect(!scripts.isEmpty)
        let paths = scripts.map { golden + "/" + $0 }
        let state1 = try Binary.script("", name: "s1.json"), state2 = try Binary.script("", name: "s2.json")
        let first = try Binary.run(["run", "--state", state1] + paths)
        let second = try Binary.run(["run", "--state", state2] + paths)
        #expect(first.stdout == second.stdout)
        #expect(first.stderr == second.stderr)
        #expect(try String(contentsOfFile: state1, encoding: .utf8) == String(contentsOfFile: state2, encoding: .utf8))
    }

    @Test func corruptSaveFileIsAClearError() throws {
        let bad = try Binary.script("{not a world", name: "bad.json")
        let file = try Binary.script("load \"\(bad)\"\n")
        let r = try Binary.run(["run", file])
        #expect(r.status == 1)
        #expect(r.stderr.contains("error:"))
    }

    @Test func checkParsesWithoutRunning() throws {
        let good = try Binary.script("print never\n")
        let r = try Binary.run(["check", good])
        #expect(r.status == 0)
        #expect(r.stdout == "")
        let bad = try Binary.script("let x = (1 +\n", name: "bad.vlab")
        let r2 = try Binary.run(["check", bad])
        #expect(r2.status == 1)
        #expect(r2.stderr.contains("bad.vlab:1:"))
    }

    @Test func missingFileIsAnIOError() throws {
        let r = try Binary.run(["run", "/nonexistent/x.vlab"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("cannot read '/nonexistent/x.vlab'"))
    }

    @Test func aPcapPathThatCannotBeWrittenIsBlamedOnFile() throws {
        let script = try Binary.script("switch add sw1 ports=2\ncapture sw1.1 file=/nonexistent/dir/x.pcap\n", name: "pcap.vlab")
        let r = try Binary.run(["run", script])
        #expect(r.status == 1)
        #expect(r.stderr.contains("pcap.vlab:2:20: error: cannot write '/nonexistent/dir/x.pcap'"), "the caret on file=, column 20")
    }

    @Test func pipedStatementsPrintValues() throws {
        let r = try Binary.run([], stdin: "let x = 20\nprint ($x + 22)\n(1 + 1)\nproc p {\n  return 5\n}\np\nbogus\nprint still-here\n")
        #expect(r.stdout == "42\n2\n5\nstill-here\n")
        #expect(r.stderr.contains("unknown command 'bogus'"))
    }
}
