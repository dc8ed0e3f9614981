import Foundation
import Testing
@testable import VirtBindings
import VirtCore
import VirtLang

/// Issue 10's fuzzer, driven by the command registry: boundary values in random
/// sequences on a populated world, a saved-world mutator, and recursion mixed
/// with nesting at the limits. Fixed seeds and budgets; every failure names its
/// seed. (The single-command sweep over every parameter and boundary value is
/// `MutatesTests`.) Set VIRTLAB_FUZZ_TRACE=1 to print each case to stderr before
/// it runs, to find the case of a crash.
@Suite struct ExtremesFuzzTests {
    static let seeds: [UInt64] = Array(1...6)
    static let sequenceLength = 60

    static func trace(_ text: @autoclosure () -> String) {
        if ProcessInfo.processInfo.environment["VIRTLAB_FUZZ_TRACE"] != nil {
            FileHandle.standardError.write(Data((text() + "\n").utf8))
        }
    }

    /// A session with a step limit and a 5 s deadline: a hang is a limit error, reported.
    static func limited(_ session: Interpreter) -> Interpreter {
        session.maxSteps = session.steps + 200_000
        let deadline = Date().addingTimeInterval(5)
        session.interruptCheck = { Date() > deadline ? ScriptError(.limit, "took longer than 5 s") : nil }
        return session
    }

    /// Every command's invocations with boundary values, in one pool.
    static let pool: [String] = VirtLab.registry.commands.flatMap { MutatesTests.invocations(of: $0).map(\.line) }

    @Test(arguments: seeds)
    func boundarySequencesNeverCrashHangOrChangeTheWorldOnFailure(_ seed: UInt64) throws {
        let base = try MutatesTests.base()
        let problems = withLargeStack { () -> [String] in
            var g = FuzzTests.Generator(state: seed)
            let session = Self.limited(base.copy())
            var problems: [String] = []
            for k in 0..<Self.sequenceLength {
                let line = Self.pool.randomElement(using: &g)!
                Self.trace("seed \(seed) step \(k): \(line.prefix(200))")
                let before = (session.world as! WorldBox).world
                do { try session.execute(line, name: "fuzz") } catch let error as ScriptError {
                    if error.message.contains("took longer") { problems.append("seed \(seed) step \(k): '\(line.prefix(200))' hung") }
                    if (session.world as! WorldBox).world != before {
                        problems.append("seed \(seed) step \(k): '\(line.prefix(200))' failed and changed the world")
                    }
                } catch {
                    problems.append("seed \(seed) step \(k): '\(line.prefix(200))' threw \(error), not a ScriptError")
                }
            }
            return problems
        }
        #expect(problems.isEmpty, "\(problems)")
    }

    /// Leaves of a JSON tree with their paths.
    static func leaves(_ value: Any, _ path: [Any] = []) -> [[Any]] {
        if let object = value as? [String: Any] {
            return [path] + object.keys.sorted().flatMap { leaves(object[$0]!, path + [$0]) }
        }
        if let array = value as? [Any] {
            return [path] + array.indices.flatMap { leaves(array[$0], path + [$0]) }
        }
        return [path]
    }

    enum Mutation { case change(Any), drop, duplicate }

    nonisolated(unsafe) static let replacements: [Any] = [-1, 0, 1e308, Int.max, Int.min, "", "a\u{0}b", "pm1", "nosuch", NSNull(), true, [Any](), [String: Any]()]

    /// Applies one mutation at `path` (changing, dropping, or duplicating the node).
    static func apply(_ mutation: Mutation, at path: ArraySlice<Any>, to value: Any) -> Any {
        guard let key = path.first else {
            if case .change(let new) = mutation { return new }
            return value
        }
        let rest = path.dropFirst()
        if var object = value as? [String: Any], let key = key as? String {
            if rest.isEmpty, case .drop = mutation { object[key] = nil; return object }
            object[key] = apply(mutation, at: rest, to: object[key]!)
            return object
        }
        if var array = value as? [Any], let index = key as? Int {
            if rest.isEmpty, case .drop = mutation { array.remove(at: index); return array }
            if rest.isEmpty, case .duplicate = mutation { array.insert(array[index], at: index); return array }
            array[index] = apply(mutation, at: rest, to: array[index])
            return array
        }
        return value
    }

    /// Change, drop or duplicate one field of a real saved world, load it, then run
    /// show, wait, place and consolidate: a load error or a clean run, never a crash or a hang.
    @Test(arguments: seeds)
    func mutatedSavedWorldsLoadCleanlyOrAreRefused(_ seed: UInt64) throws {
        let base = try MutatesTests.base()
        let saved = (base.world as! WorldBox).world.savedJSON()
        let tree = try JSONSerialization.jsonObject(with: Data(saved.utf8))
        let paths = Self.leaves(tree).filter { !$0.isEmpty }
        var g = FuzzTests.Generator(state: seed)
        var problems: [String] = [], loaded = 0
        for k in 0..<40 {
            let path = paths.randomElement(using: &g)!
            let mutation: Mutation = switch Int.random(in: 0..<4, using: &g) {
            case 0: .drop
            case 1: .duplicate
            default: .change(Self.replacements.randomElement(using: &g)!)
            }
            let what = "seed \(seed) case \(k): \(mutation) at \(path.map { "\($0)" }.joined(separator: "."))"
            Self.trace(what)
            let mutated = Self.apply(mutation, at: path[...], to: tree)
            guard let data = try? JSONSerialization.data(withJSONObject: mutated) else { continue }
            guard let world = try? World.load(json: String(decoding: data, as: UTF8.self)) else { continue }
            loaded += 1
            let outcome = withLargeStack { () -> String? in
                let session = Self.limited(VirtLab.makeInterpreter())
                session.output = { _ in }
                session.world = WorldBox(world)
                for line in ["show", "host list", "vm list", "report energy", "wait", "place", "consolidate", "show"] {
                    do { try session.execute(line, name: "fuzz") } catch let error as ScriptError {
                        if error.message.contains("took longer") { return "\(what): '\(line)' hung" }
                    } catch { return "\(what): '\(line)' threw \(error)" }
                }
                return nil
            }
            if let outcome { problems.append(outcome) }
        }
        #expect(problems.isEmpty, "\(problems)")
        #expect(loaded > 0, "seed \(seed): no mutant loaded, so none ran")
    }

    /// Recursion to the call limit with each frame nested up to the nesting limit, in
    /// every kind of block: a result or a limit error, never a stack overflow.
    @Test(arguments: [("for i in 1..1 {", "}"), ("try {", "} catch e { }"), ("if true {", "}"), ("while true {", "break }")])
    func recursionMixedWithNestingEndsInALimitError(_ block: (open: String, close: String)) throws {
        for depth in [1, 120, 190] {
            let body = String(repeating: block.open + " ", count: depth) + "return [f ($n + 1)]"
                + String(repeating: " " + block.close, count: depth)
            let script = "proc f n {\nif ($n > 9990) { return 0 }\n\(body)\n}\nprint [f 0]"
            let outcome = withLargeStack { () -> Result<Void, Error> in
                let session = VirtLab.makeInterpreter()
                session.output = { _ in }
                return Result { try session.execute(script, name: "deep") }
            }
            if case .failure(let error) = outcome {
                let kind = (error as? ScriptError)?.kind
                #expect(kind == .limit || kind == .syntax, "depth \(depth) \(block.open): \(error)")
            }
        }
        // The issue's own mix of list nesting and recursion.
        let lists = "proc f n { if ($n > 9990) { return 0 }\n return " + String(repeating: "[list ", count: 150)
            + "[f ($n + 1)]" + String(repeating: "]", count: 150) + " }\nprint [f 0]"
        let outcome = withLargeStack { Result { try VirtLab.makeInterpreter().execute(lists, name: "lists") } }
        if case .failure(let error) = outcome { #expect((error as? ScriptError)?.kind == .limit, "\(error)") }
    }
}
