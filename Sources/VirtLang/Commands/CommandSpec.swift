/// The type of a command parameter: argument checking, usage text and
/// completion all come from it.
public indirect enum ParamType: Sendable {
    /// Any word, taken as text.
    case text
    /// The name of an existing object of one of these kinds (of any kind when the list
    /// is empty): completed from the world.
    case object([ObjectKindName])
    /// A whole number.
    case integer
    /// Any plain number.
    case number
    /// `yes/no`, `on/off`, `true/false`.
    case bool
    /// A quantity of a dimension; a bare number is refused with an example.
    case quantity(Dimension)
    /// A plain number or a percentage (`75%` is 0.75).
    case fraction
    /// One of fixed words.
    case choice([String])
    /// A comma list in a bare word (`10,20`) or a list value.
    case list(ParamType)
    /// Any value, unconverted.
    case any

    /// How the type reads in usage text.
    public var usage: String {
        switch self {
        case .text: return "WORD"
        case .object(let kinds): return kinds.isEmpty ? "NAME" : kinds.map { $0.name.uppercased() }.joined(separator: ",")
        case .integer: return "N"
        case .number: return "X"
        case .bool: return "yes|no"
        case .quantity(let d): return Operators.example(d)
        case .fraction: return "P%"
        case .choice(let words): return words.joined(separator: "|")
        case .list(let t): return "\(t.usage),…"
        case .any: return "VALUE"
        }
    }
}

/// A kind of object as the language sees it: the word the world uses for it
/// (`host`, `vm`, `nic`). The bindings make these from the core's kinds.
public struct ObjectKindName: Hashable, Sendable {
    public let name: String
    public init(_ name: String) { self.name = name }
}

/// One parameter of a command: positional or `name=value`.
public struct Param: Sendable {
    public var name: String
    public var type: ParamType
    public var positional: Bool
    public var required: Bool
    /// Takes every remaining positional word (as a list).
    public var variadic: Bool
    public var defaultValue: Value?
    public var summary: String

    /// A positional parameter (`vm create NAME`).
    public static func positional(_ name: String, _ type: ParamType, _ summary: String,
                                  required: Bool = true, variadic: Bool = false) -> Param {
        Param(name: name, type: type, positional: true, required: required, variadic: variadic,
              defaultValue: nil, summary: summary)
    }

    /// A named option (`mem=4G`).
    public static func option(_ name: String, _ type: ParamType, _ summary: String,
                              required: Bool = false, default defaultValue: Value? = nil) -> Param {
        Param(name: name, type: type, positional: false, required: required, variadic: false,
              defaultValue: defaultValue, summary: summary)
    }

    /// How the parameter reads in usage text: `NAME`, `mem=4G`, `[vt=yes|no]`.
    public var usage: String {
        let core = positional ? name.uppercased() + (variadic ? "..." : "") : "\(name)=\(type.usage)"
        return required ? core : "[\(core)]"
    }
}

/// What a command handler receives: the typed arguments and the session.
/// Arguments are kept by parameter position, found by name with a scan of a
/// few names: no hashing per call (two dictionaries were a fifth of creating a VM).
public struct CommandCall {
    public let interpreter: Interpreter
    public let span: SourceSpan
    /// Whether the command was declared to change the world (`CommandSpec.mutates`).
    public let mutates: Bool
    /// Whether the command declared `touchesFiles`: only then may it have files.
    let touchesFiles: Bool
    /// The command's parameter names, and the value and word span of each (nil when not given and no default).
    let names: [String]
    let values: [Value?]
    let spans: [SourceSpan?]

    /// The arguments given or defaulted, by name.
    public var arguments: [String: Value] {
        var all: [String: Value] = [:]
        for (name, value) in zip(names, values) { all[name] = value }
        return all
    }

    public subscript(name: String) -> Value? { CommandCall.index(of: name, in: names).flatMap { values[$0] } }

    /// Where `name` is among `names`: lengths are compared first, which most
    /// names fail, before the characters.
    static func index(of name: String, in names: [String]) -> Int? {
        let length = name.utf8.count
        var k = 0
        while k < names.count {
            if names[k].utf8.count == length && names[k] == name { return k }
            k &+= 1
        }
        return nil
    }

    /// The text of an argument (names, words).
    public func text(_ name: String) -> String? { self[name]?.text }

    /// A whole-number argument.
    public func int(_ name: String) -> Int? {
        if case .int(let n)? = self[name] { return n }
        return nil
    }

    /// A plain-number argument (integers included).
    public func number(_ name: String) -> Double? { self[name]?.number }

    public func bool(_ name: String) -> Bool? {
        if case .bool(let b)? = self[name] { return b }
        return nil
    }

    /// A quantity argument in base units (bits, seconds, joules, …).
    public func quantity(_ name: String) -> Double? {
        if case .quantity(let q)? = self[name] { return q.value }
        return nil
    }

    /// A list argument's items.
    public func list(_ name: String) -> [Value]? {
        if case .list(let xs)? = self[name] { return xs }
        return nil
    }

    /// Where the argument `name` was written (the command when it was not given).
    public func span(of name: String) -> SourceSpan { CommandCall.index(of: name, in: names).flatMap { spans[$0] } ?? span }

    /// The files the front end lends; only a command declared with `touchesFiles`
    /// gets them (the interpreter refuses such a command in the sandbox before
    /// its handler runs), so no command can reach files another way.
    public func files() throws -> FileAccess {
        guard touchesFiles else {
            throw ScriptError(.sandbox, "a command that is not declared to touch files asked for them",
                              hint: "declare it with touchesFiles: true", at: span)
        }
        guard let files = interpreter.fileAccess else {
            throw ScriptError(.sandbox, "files are not available here", at: span)
        }
        return files
    }

    /// An error that points at the word that gave `name` (or the command).
    public func error(_ kind: ErrorKind, _ message: String, hint: String? = nil, at name: String? = nil) -> ScriptError {
        ScriptError(kind, message, hint: hint, at: name.map(span(of:)) ?? span)
    }
}

/// One declaration per command: path, parameters, summary, example, whether it
/// changes the world, and the handler. Help, usage errors, did-you-mean and
/// completion are derived from it.
public struct CommandSpec: Sendable {
    public let path: [String]
    /// The path as one string (`vm create`).
    public let name: String
    public var summary: String
    public var example: String
    public let params: [Param]
    /// The parameters' names, in order (binding scans them without copying each `Param`).
    let paramNames: [String]
    public var mutates: Bool
    /// Reads or writes files or runs programs (`save`, `load`, `export …`): refused
    /// in the grading sandbox, and the only commands `CommandCall.files()` serves.
    public var touchesFiles: Bool
    /// Longer help text: tables, sources of defaults. Written when help asks
    /// for it, not at start-up (some tables format many figures).
    public var details: String { makeDetails() }
    private let makeDetails: @Sendable () -> String
    public var handler: @Sendable (CommandCall) throws -> Value

    public init(_ path: String, summary: String, example: String, params: [Param] = [],
                mutates: Bool = false, touchesFiles: Bool = false,
                details: @autoclosure @escaping @Sendable () -> String = "",
                handler: @escaping @Sendable (CommandCall) throws -> Value) {
        self.path = path.split(separator: " ").map(String.init)
        name = self.path.joined(separator: " ")
        self.summary = summary
        self.example = example
        self.params = params
        paramNames = params.map(\.name)
        self.mutates = mutates
        self.touchesFiles = touchesFiles
        makeDetails = details
        self.handler = handler
    }

    /// `vm create NAME vcpus=N mem=4G [host=HOST]`.
    public var usage: String { ([name] + params.map(\.usage)).joined(separator: " ") }

    public func param(named name: String) -> Param? { params.first { $0.name == name } }
}
