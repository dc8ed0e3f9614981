import VirtLang

/// Whether a goal holds on a session.
public enum GoalOutcome: Sendable {
    case holds
    /// It does not hold; why, when an expectation said so (its message and both sides).
    case fails(String?)
    /// The goal itself went wrong: an error of the lesson file.
    case error(ScriptError)

    public var holds: Bool { if case .holds = self { true } else { false } }
}

/// How a goal's or a check's script ended on a copy of a session.
public enum Judgement: Sendable {
    case holds
    /// It does not hold: the failed expectation (message and both sides), when one said so.
    case fails(ScriptError?)
    /// Any other error.
    case error(ScriptError)
}

extension ScriptBlock {
    /// The most steps a goal or check may take, so a learner's endless proc cannot hang it.
    public static let stepAllowance = 1_000_000

    /// Runs the block on a copy of `session`, which it never changes. It holds
    /// when it evaluates to `true` or, as a script of statements, runs to its end.
    public func judge(on session: Interpreter, path: String) -> Judgement {
        let copy = session.scratchCopy()
        do {
            switch try copy.execute(source(in: path)) {
            case .bool(true), .none: return .holds
            case .bool(false): return .fails(nil)
            case let value:
                return .error(ScriptError(.type, "a goal must give true or false, or run to its end; this one gave a \(value.kindName) ('\(value.text)')",
                                          at: firstLineSpan(in: path)))
            }
        } catch let error as ScriptError where error.kind == .expectation {
            return .fails(error)
        } catch let error as ScriptError {
            return .error(error)
        } catch {
            return .error(ScriptError(.io, "\(error)"))
        }
    }
}

extension Goal {
    /// Evaluates the goal on a copy of `session`, which it never changes.
    public func evaluate(on session: Interpreter, path: String) -> GoalOutcome {
        switch script.judge(on: session, path: path) {
        case .holds: return .holds
        case .fails(let error): return .fails(error.map { ([$0.message] + $0.notes.map { $0.trimmed }).joined(separator: "; ") })
        case .error(let error): return .error(error)
        }
    }
}

extension Interpreter {
    /// A copy of the session for a goal, check or question: it prints nothing, may take
    /// `ScriptBlock.stepAllowance` more steps, and nothing it does reaches this session.
    func scratchCopy() -> Interpreter {
        let copy = copy()
        copy.output = { _ in }
        copy.maxSteps = min(copy.maxSteps, copy.steps + ScriptBlock.stepAllowance)
        return copy
    }
}
