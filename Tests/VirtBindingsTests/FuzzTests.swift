import Foundation
import Testing
import VirtBindings
import VirtLang

/// Mutates the golden scripts (insert, delete and duplicate spans and tokens)
/// with a fixed seed and runs every mutant under a step limit: nothing may
/// crash or hang; every failure must be a ScriptError.
@Suite struct FuzzTests {
    /// SplitMix64, fixed seed: the same mutants on every run.
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let caseCount = 2_400

    static func tokens(_ text: String) -> [String] {
        text.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)
            + ["{", "}", "(", ")", "[", "]", "\"", "'", "$", "${", "\\\n", ";", "\n", "..", "==", "=", "#", "%", "-"]
    }

    static func mutate(_ text: String, corpus: [String], _ g: inout Generator) -> String {
        var chars = Array(text)
        for _ in 0..<Int.random(in: 1...3, using: &g) {
            let at = chars.isEmpty ? 0 : Int.random(in: 0..<chars.count, using: &g)
            let length = chars.isEmpty ? 0 : Int.random(in: 0...min(12, chars.count - at), using: &g)
            switch Int.random(in: 0..<5, using: &g) {
            case 0: chars.insert(contentsOf: corpus.randomElement(using: &g)!, at: at)
            case 1: chars.removeSubrange(at..<at + length)
            case 2: chars.insert(contentsOf: chars[at..<at + length], at: at)
            case 3:
                let other = Array(corpus.randomElement(using: &g)!)
                chars.replaceSubrange(at..<at + length, with: other)
            default:
                let n = Int.random(in: 0...chars.count, using: &g)
                chars.insert(contentsOf: chars[at..<at + length], at: n)
            }
        }
        return String(chars)
    }

    @Test func mutantsNeverCrashOrHang() throws {
        let scripts = try GoldenScript.all.map { try String(contentsOfFile: $0.path, encoding: .utf8) }
        let corpus = scripts.flatMap(Self.tokens)
        let outcome = withLargeStack { () -> (ran: Int, errors: Int, slow: [Int]) in
            var g = Generator(state: 20_261_125)
            var errors = 0, slow: [Int] = []
            for n in 0..<Self.caseCount {
                let source = Self.mutate(scripts[n % scripts.count], corpus: corpus, &g)
                let interpreter = VirtLab.makeInterpreter()
                interpreter.maxSteps = 10_000
                let deadline = Date().addingTimeInterval(2)
                interpreter.interruptCheck = { Date() > deadline ? ScriptError(.limit, "fuzz case took too long") : nil }
                do {
                    try interpreter.execute(source, name: "fuzz-\(n).vlab")
                } catch let error as ScriptError {
                    errors += 1
                    _ = error.rendered()
                    if error.message == "fuzz case took too long" { slow.append(n) }
                } catch {
                    Issue.record("case \(n) threw a non-script error: \(error)\n\(source)")
                }
            }
            return (Self.caseCount, errors, slow)
        }
        #expect(outcome.ran >= 2_000)
        #expect(outcome.errors > 0, "mutants should mostly fail: the fuzzer is not mutating")
        #expect(outcome.slow.isEmpty, "cases \(outcome.slow) needed the wall-clock stop")
    }
}
