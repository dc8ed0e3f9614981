import VirtLang

/// A `question TEXT [tolerance=5%] [choices=a,b,c]` block: one expression that
/// computes the right answer on a copy of the learner's session; the learner
/// replies with `answer VALUE`.
public struct Question: Sendable {
    /// What the student sees.
    public var text: String
    /// How far a number or quantity may be from the model's value, as a fraction of it.
    public var tolerance: Double
    /// The answers offered, when the question is a choice (empty otherwise).
    public var choices: [String]
    public var script: ScriptBlock

    /// The tolerance when the block names none: 1 %, so a value read off a
    /// printed result (four significant digits) is right.
    public static let defaultTolerance = 0.01

    /// How the question reads at the prompt, with how to answer it.
    public var prompt: String {
        "Question: \(text)" + (choices.isEmpty ? " (answer VALUE)" : " (answer one of: \(choices.joined(separator: ", ")))")
    }
}

/// What an answer earned.
public enum Verdict: Sendable {
    case right
    /// Not the model's value; the text says how it was compared, never what is right.
    case wrong(String)
    /// Not an answer to this question at all (a missing unit, not one of the choices): it costs nothing.
    case unusable(String)
    /// The question itself could not be evaluated: an error of the lesson file.
    case broken(ScriptError)

    public var isRight: Bool { if case .right = self { true } else { false } }
    public var isWrong: Bool { if case .wrong = self { true } else { false } }
}

extension Question {
    /// The model's value: the block's expression, evaluated on a copy of `session`.
    public func value(on session: Interpreter, path: String) throws -> Value {
        let copy = session.scratchCopy()
        return try copy.execute(script.source(in: path))
    }

    /// Judges `answer` (the text after `answer`) against the model's value on a copy of `session`.
    public func judge(_ answer: String, on session: Interpreter, path: String) -> Verdict {
        let expected: Value
        do {
            expected = try value(on: session, path: path)
        } catch let error as ScriptError {
            return .broken(error)
        } catch {
            return .broken(ScriptError(.io, "\(error)"))
        }
        let given = answer.trimmed
        guard !given.isEmpty else { return .unusable(choices.isEmpty ? "write the value after 'answer', e.g. answer 42" : "answer one of: \(choices.joined(separator: ", "))") }
        if !choices.isEmpty {
            guard let choice = choices.first(where: { $0.lowercased() == given.lowercased() }) else {
                return .unusable("'\(given)' is not one of the choices: \(choices.joined(separator: ", "))")
            }
            return choice.lowercased() == expected.text.lowercased() ? .right : .wrong("'\(choice)' is not it")
        }
        switch expected {
        case .int, .double, .quantity:
            return judgeMeasure(given, expected: expected, on: session)
        default:
            return given.lowercased() == expected.text.lowercased() ? .right : .wrong("'\(given)' is not it")
        }
    }

    /// A number or quantity answer: it must have the expected dimension and lie within the tolerance.
    private func judgeMeasure(_ given: String, expected: Value, on session: Interpreter) -> Verdict {
        let copy = session.scratchCopy()
        let value: Value
        do {
            value = try copy.execute("(\(given))", name: "<answer>")
        } catch {
            return .unusable("'\(given)' is not a number" + (expected.quantity.map { " with a unit, like 12\(Self.unit(of: $0))" } ?? ""))
        }
        switch (expected.quantity, value.quantity) {
        case (let e?, let g?) where e.dimension == g.dimension:
            return within(g.value, of: e.value)
        case (let e?, nil) where value.number != nil:
            return .unusable("the answer is a \(e.dimension.name): give its unit too, e.g. '\(given)\(Self.unit(of: e))'")
        case (let e?, _):
            return .unusable("the answer is a \(e.dimension.name), and '\(given)' is a \(value.kindName)")
        case (nil, _):
            guard let g = value.number, let e = expected.number else {
                return .unusable("the answer is a number, and '\(given)' is a \(value.kindName)")
            }
            return within(g, of: e)
        }
    }

    private func within(_ given: Double, of expected: Double) -> Verdict {
        let allowed = max(tolerance * abs(expected), 1e-12 * abs(expected), 1e-12)
        if given.isFinite, abs(given - expected) <= allowed { return .right }
        if allowed < 0.5, expected == expected.rounded() { return .wrong("that is not the model's value") }
        return .wrong("that is not within \(NumberFormat.format(tolerance * 100))% of the model's value")
    }

    /// The unit a quantity is printed in ("ms" for 210ms).
    private static func unit(of quantity: Quantity) -> String {
        String(quantity.description.drop { "0123456789.-+ ".contains($0) })
    }
}

extension Value {
    /// The value as a quantity, when it has a dimension.
    var quantity: Quantity? { if case .quantity(let q) = self { q } else { nil } }
}
