/// An error raised by a core operation, as data: what kind of mistake, the
/// message, a hint, and which parameter (option) or object is at fault. The
/// language side puts it into words at the caret of that parameter, in one place.
/// A failed operation leaves the world unchanged.
public struct CoreError: Error, Equatable, Sendable {
    /// What kind of mistake this is; mirrors the language's error kinds.
    public enum Kind: String, Sendable, Codable {
        /// An unknown object name.
        case name
        /// A value out of range or malformed (a VLAN 4095, a negative size).
        case value
        /// A precondition of the simulated world (a host without VT-x, a full host).
        case state
        /// A file could not be read or written, or is not a saved world.
        case io
    }
    public var kind: Kind
    public var message: String
    public var hint: String?
    /// The parameter at fault, as the operation's caller named it (`cpus`, `to`, `name`).
    public var parameter: String?
    /// For an unknown name: what was asked for and the names that exist, so the
    /// language can suggest the nearest one ("did you mean 'pm1'?").
    public var unknownName: UnknownName?

    /// An unknown name and the existing names of its kind.
    public struct UnknownName: Equatable, Sendable {
        public var name: String
        public var candidates: [String]
        public init(name: String, candidates: [String]) {
            self.name = name
            self.candidates = candidates
        }
    }

    public init(_ kind: Kind, _ message: String, hint: String? = nil, at parameter: String? = nil) {
        self.kind = kind
        self.message = message
        self.hint = hint
        self.parameter = parameter
    }

    /// The same error, blamed on `parameter` unless it already names one.
    public func at(_ parameter: String) -> CoreError {
        var error = self
        error.parameter = error.parameter ?? parameter
        return error
    }
}
