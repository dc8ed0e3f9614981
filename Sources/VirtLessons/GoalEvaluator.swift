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

extension Goal {
    /// The most steps a goal may take, so a learner's endless proc cannot hang a check.
    static let stepAllowance = 1_000_000

    /// Evaluates the goal on a copy of `session`, which it never changes. It holds
    /// when it evaluates to `true` or, as a script of statements, runs to its end.
    public func evaluate(on session: Interpreter, path: String) -> GoalOutcome {
        let copy = session.copy()
        copy.output = { _ in }
        copy.maxSteps = min(copy.maxSteps, copy.steps + Self.stepAllowance)
        do {
            switch try copy.execute(script.source(in: path)) {
            case .bool(true), .none: return .holds
            case .bool(false): return .fails(nil)
            case let value:
                return .error(ScriptError(.type, "a goal must give true or false, or run to its end; this one gave a \(value.kindName) ('\(value.text)')",
                                          at: script.firstLineSpan(in: path)))
            }
        } catch let error as ScriptError where error.kind == .expectation {
            return .fails(([error.message] + error.notes.map { $0.trimmed }).joined(separator: "; "))
        } catch let error as ScriptError {
            return .error(error)
        } catch {
            return .error(ScriptError(.io, "\(error)"))
        }
    }
}
