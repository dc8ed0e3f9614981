/// The global variables: a name → slot map plus the values, in definition order.
public struct Globals {
    private var indexes: [String: Int] = [:]
    public private(set) var names: [String] = []
    private var values: [Value] = []

    public init() {}

    func index(of name: String) -> Int? { indexes[name] }

    /// The value in a slot when the slot still holds `name` (caches stay valid across session copies).
    @inline(__always)
    func value(at index: Int, named name: String) -> Value? {
        index < names.count && names[index] == name ? values[index] : nil
    }

    /// Defines or updates a global.
    public mutating func set(_ name: String, _ value: Value) {
        if let i = indexes[name] {
            values[i] = value
        } else {
            indexes[name] = values.count
            names.append(name)
            values.append(value)
        }
    }

    public subscript(name: String) -> Value? { indexes[name].map { values[$0] } }
}

/// The simulated world as the interpreter sees it: the bindings provide it.
/// Copying must be cheap (lessons evaluate goals on a copy).
public protocol WorldState: AnyObject {
    /// An independent copy: changes to it never reach this one.
    func copy() -> WorldState
    /// Names of existing objects, of these kinds or (nil or none listed) of all, for completion and did-you-mean.
    func objectNames(kinds: [ObjectKindName]?) -> [String]
}

/// What printing statements produce; the front end decides how it looks.
public enum Output {
    /// `print`'s words.
    case print([Value])
    /// Preformatted text from `show`, `help`, `apropos`.
    case text(String)

    /// How it reads on a terminal: one value as a table when it is a record or a
    /// list of records, several values joined by spaces.
    public var text: String {
        switch self {
        case .print(let values): return values.count == 1 ? TableFormat.render(values[0]) : values.map(\.text).joined(separator: " ")
        case .text(let text): return text
        }
    }
}
