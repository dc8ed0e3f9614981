import VirtCore
import VirtLang

/// Small helpers the server-virtualization commands share: reading typed
/// arguments as core types.
extension CommandCall {
    /// A size argument in whole bytes; refuses sizes that are not finite or too large.
    func bytes(_ name: String) throws -> Int64? {
        guard let bits = quantity(name) else { return nil }
        let bytes = (bits / 8).rounded()
        guard bytes.isFinite, abs(bytes) < 9.0e18 else {
            throw error(.value, "\(name) is too large: \(Quantity.bytes(bits / 8).description)", at: name)
        }
        return Int64(bytes)
    }

    /// A `.choice` argument as the core enum it was generated from.
    func choice<E: RawRepresentable>(_ name: String, as type: E.Type) -> E? where E.RawValue == String {
        text(name).flatMap(E.init(rawValue:))
    }

    /// A whole-number argument that must lie in `range` (a clear value error otherwise).
    func int(_ name: String, in range: ClosedRange<Int>) throws -> Int? {
        guard let n = int(name) else { return nil }
        guard range.contains(n) else {
            throw error(.value, "\(name) must be between \(range.lowerBound) and \(range.upperBound), not \(n)", at: name)
        }
        return n
    }

    /// True in an interactive session (REPL, lesson mode), whose front end prints
    /// every statement's value: a command that both prints and returns its result
    /// prints only in scripts, so the student does not see it twice.
    var echoesValues: Bool { interpreter.echoesValues }
}

extension ParamType {
    /// The words of a core enum as a choice (`kind=full|para|hardware|trap`).
    static func choice<E: CaseIterable & RawRepresentable>(of type: E.Type) -> ParamType where E.RawValue == String {
        .choice(E.allCases.map(\.rawValue))
    }

    /// The name of an existing object of one of `kinds`.
    static func object(_ kinds: ObjectKind...) -> ParamType { .object(kinds.map { ObjectKindName($0.name) }) }

    /// A name of any object that can run processes: host, VM, jail, UML, coLinux or JVM.
    static let target = ParamType.object(.host, .vm, .jail, .uml, .colinux, .jvm)
    static let host = ParamType.object(.host)
    static let vm = ParamType.object(.vm)
    static let app = ParamType.object(.app)
}

/// A query whose only argument is one object's name, returning its record (`host info NAME`).
func query(_ path: String, _ summary: String, example: String, kind: ParamType = .host, details: String,
           param: String = "name",
           _ record: @escaping @Sendable (World, String) throws(CoreError) -> Record) -> CommandSpec {
    let noun = path.split(separator: " ").first.map(String.init) ?? "object"
    return CommandSpec(path, summary: summary, example: example,
                       params: [.positional(param, kind, "the \(noun)")], details: details) { call in
        .record(try call.read { (w: World) throws(CoreError) in try record(w, call.text(param)!) })
    }
}

/// A world-changing command whose only argument is one object's name (`host fail NAME`, `vm start NAME`).
func nameOnly(_ path: String, _ summary: String, example: String, kind: ParamType = .host, details: String,
              param: String = "name",
              _ body: @escaping @Sendable (inout World, String) throws(CoreError) -> Void) -> CommandSpec {
    let noun = path.split(separator: " ").first.map(String.init) ?? "object"
    return CommandSpec(path, summary: summary, example: example,
                       params: [.positional(param, kind, "the \(noun)")], mutates: true, details: details) { call in
        try call.change { (w: inout World) throws(CoreError) in try body(&w, call.text(param)!) }
        return .none
    }
}
