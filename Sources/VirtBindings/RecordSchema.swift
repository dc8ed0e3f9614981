import VirtCore
import VirtLang

/// One field of a record: its name, what it means, how it is read from the core's
/// result, whether CORE.md fixes it, and whether it names other objects (a graph edge).
struct Field<Info>: Sendable {
    let name: String
    let summary: String
    /// Fixed by CORE.md's "Records" table: never renamed or dropped.
    let core: Bool
    /// The field holds the name of another object, or a list of names: an edge in `export dot`.
    let link: Bool
    let value: @Sendable (Info) -> Value

    init(_ name: String, _ summary: String, core: Bool = false, link: Bool = false,
         _ value: @escaping @Sendable (Info) -> Value) {
        self.name = name
        self.summary = summary
        self.core = core
        self.link = link
        self.value = value
    }
}

/// A record declared once, as a table of fields: it builds the record, the
/// `Fields:` help text, the graph edges of `export dot` and what the tests check.
struct RecordSchema<Info>: Sendable {
    let fields: [Field<Info>]

    init(_ fields: [Field<Info>]) { self.fields = fields }

    /// The record of one result, fields in table order.
    func record(_ info: Info) -> Record { Record(named: fields.map { (name: $0.name, value: $0.value(info)) }) }

    /// `Fields:` help, one line per field.
    var help: String {
        let width = fields.map(\.name.count).max() ?? 0
        return "Fields:\n" + fields.map { "  \($0.name.padded(width))  \($0.summary)" }.joined(separator: "\n")
    }

    /// The names CORE.md fixes.
    var coreFields: [String] { fields.filter(\.core).map(\.name) }

    /// The fields that name other objects.
    var links: [String] { fields.filter(\.link).map(\.name) }
}

/// Value makers for fields: sizes as sizes, times as times, absent values as `none`.
enum FieldValue {
    static func size(_ bytes: Int64) -> Value { .quantity(.bytes(Double(bytes))) }
    static func seconds(_ s: Double) -> Value { .quantity(.seconds(s)) }
    static func text(_ s: String?) -> Value { s.map(Value.string) ?? .none }
    static func names(_ xs: [String]) -> Value { .list(xs.map(Value.string)) }
    static func int(_ n: Int?) -> Value { n.map(Value.int) ?? .none }
    /// A bar drawn inside a record (`report utilization`, migration rounds): the REPL
    /// shows it as a column of the table; a script sees it only if it prints the value.
    static func bar(_ fraction: Double) -> Value { .string(Inspection.progressBar(fraction.isFinite ? fraction : 0)) }
}
