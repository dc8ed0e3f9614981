import Foundation
import Testing
@testable import VirtLang

/// Issue 10 in the language: extremes are errors of the documented kind, never traps.
@Suite struct LanguageHardeningTests {
    func run(_ text: String) throws -> Value {
        let interpreter = Interpreter(registry: Builtins.registry())
        return try interpreter.execute(text)
    }

    func error(_ text: String) -> ScriptError? {
        do { _ = try run(text); return nil } catch { return error as? ScriptError }
    }

    @Test(arguments: [("(-5..9223372036854775807)", ErrorKind.limit), ("[range -2 9223372036854775807]", .limit),
                      ("[range -9223372036854775808 9223372036854775807]", .limit),
                      ("(-9223372036854775808..9223372036854775807)", .limit),
                      ("1e999", .value), ("(1e308 * 10)", .value), ("(-1e308 - 1e308)", .value), ("(1e308 / 1e-308)", .value),
                      ("(-9223372036854775808 / -1)", .value), ("99999999999999999999999999", .value), ("1e308T", .value)])
    func extremesAreErrors(_ source: String, _ kind: ErrorKind) {
        #expect(error(source)?.kind == kind, "\(source)")
    }

    @Test func rangesNearTheExtremesStillWork() throws {
        #expect(try run("(9223372036854775806..9223372036854775807)") == .list([.int(Int.max - 1), .int(Int.max)]))
        #expect(try run("[range 9223372036854775806 9223372036854775807]") == .list([.int(Int.max - 1)]))
        #expect(try run("(-9223372036854775807 / -1)") == .int(Int.max))
    }

    @Test func messagesSayWhatIsWrong() {
        #expect(error("proc f a { return 1 }; [f]")?.message == "proc 'f' needs a value for its parameter 'a'")
        #expect(error("proc f a { return 1 }; [f]")?.hint == "usage: f A")
        #expect(error("(1.5..2)")?.message == "a range needs whole numbers, got 1.5 and 2")
    }

    @Test func aByteOrderMarkIsSkipped() throws {
        #expect(try run("\u{FEFF}(1 + 1)") == .int(2))
    }

    @Test func longLinesAndMessagesAreClipped() {
        let long = String(repeating: "x", count: 1_000_000)
        let text = error("print \(long) $nosuch")!.rendered()
        #expect(text.utf8.count < 5_000)
        #expect(text.contains("…") && text.contains("^~~~~~~"))
        let message = ScriptError(.value, String(repeating: "m", count: 100_000)).rendered()
        #expect(message.utf8.count < 3_000)
    }

    /// The worst mix of recursion and nesting the limits allow ends in a limit error.
    @Test func recursionAndNestingEndInALimitError() {
        let body = String(repeating: "for i in 1..1 { ", count: 140) + "return [f ($n + 1)]" + String(repeating: " }", count: 140)
        let script = "proc f n {\nif ($n > 9990) { return 0 }\n\(body)\n}\n[f 0]"
        let outcome = withLargeStack { Result { try Interpreter(registry: Builtins.registry()).execute(script) } }
        if case .failure(let error) = outcome {
            #expect((error as? ScriptError)?.kind == .limit, "\(error)")
        }
    }

    /// A long builtin over big text sees the interrupt check long before 1,024 steps.
    @Test func bigWorkPollsTheInterruptBetweenSteps() {
        let interpreter = Interpreter(registry: Builtins.registry())
        var polls = 0
        interpreter.interruptCheck = {
            polls += 1
            return polls > 1 ? ScriptError(.limit, "stop") : nil
        }
        let script = "let s = \"a\"\nfor i in 1..22 { let s = $s + $s }\nwhile true { let x = [contains $s \"b\"] }"
        #expect(throws: ScriptError.self) { try interpreter.execute(script) }
        #expect(interpreter.steps < 100, "\(interpreter.steps) steps before the interrupt was seen")
    }

}
