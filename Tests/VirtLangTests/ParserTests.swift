import Testing
@testable import VirtLang

@Suite struct ParserTests {
    func parseError(_ text: String) -> ScriptError? {
        do {
            _ = try Parser.parse(SourceFile(name: "t.vlab", text: text))
            return nil
        } catch let e as ScriptError { return e } catch { return nil }
    }

    @Test(arguments: ["proc f {", "print (1 +", "print [list a", "print \"open", "if true {\n  print 1", "print \"\"\"a\nb", "let q = 1 \\",
                      "let x = ${", "try { print 1 }", "for i in 1..3 {", "print $xs[0"])
    func incompleteInputContinues(_ text: String) {
        #expect(Parser.isIncomplete(text))
    }

    @Test(arguments: ["print 1", "print )", "let = 3", "proc f { }", "print 4Gb", "}", "else { }", "print (1 2)"])
    func completeOrWrongInputDoesNot(_ text: String) {
        #expect(!Parser.isIncomplete(text))
    }

    @Test func stringsMaySpanLines() throws {
        let value = try Interpreter(registry: Builtins.registry()).execute("\"a\nb\" + 'c\nd'")
        #expect(value == .string("a\nbc\nd"))
    }

    @Test func missingOperandAtTheEndOfTheLineSaysSo() {
        #expect(parseError("let y = 1 +\nfoo bar")?.message == "expected a value before the end of the statement")
    }

    @Test func errorsCarryLineAndColumn() throws {
        let e = try #require(parseError("print ok\nlet x = (1 + )\n"))
        #expect(e.kind == .syntax)
        #expect(e.line == 2)
        #expect(e.column == 14)
    }

    @Test func unknownUnitIsAUnitErrorWithHint() throws {
        let e = try #require(parseError("host add pm1 mem=4GB"))
        #expect(e.kind == .unit)
        #expect(e.message == "unknown unit 'GB' in '4GB'")
        #expect(e.hint == "sizes are binary in VirtLab: use G or GiB")
    }

    @Test func breakOutsideLoopAndReturnOutsideProcAreSyntaxErrors() {
        #expect(parseError("break")?.message == "'break' outside a loop")
        #expect(parseError("return 1")?.message == "'return' outside a proc")
        #expect(parseError("proc f { return 1 }") == nil)
    }

    @Test func elseIfSuggestsElif() {
        #expect(parseError("if true { } else if false { }")?.message == "write 'elif', not 'else if'")
    }

    @Test func singleEqualsInAComparisonIsExplained() {
        #expect(parseError("if $x = 1 { }")?.hint == "use '==' to compare")
    }

    @Test func deepNestingIsAnErrorNotACrash() {
        let text = "print " + String(repeating: "(", count: 5000) + "1" + String(repeating: ")", count: 5000)
        #expect(parseError(text)?.message.contains("nested more than") == true)
    }

    @Test func procLocalsGetSlots() throws {
        let program = try Parser.parse(SourceFile(name: "t", text: "proc f a { let b = $a; return $b }"))
        let proc = try #require(program.first as? ProcStmt)
        #expect(proc.proc.localNames == ["a", "b"])
    }
}
