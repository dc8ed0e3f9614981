import VirtCore
import VirtLang

/// One part of the world as the language sees it, registered once in `VirtLab.parts`
/// (as Jim Tcl's extensions each register one command table): its commands, how
/// each of its kinds becomes a record (`KIND info`, `show`, `export dot`), and the
/// objects its command examples need (the example tests build them first).
struct BindingPart: Sendable {
    let commands: [CommandSpec]
    let kinds: [KindRecords]
    /// A script creating the objects every example of the part names.
    let exampleSetup: String
}

/// How one kind of object becomes a record, and how the pictures and `show topology` place it.
struct KindRecords: Sendable {
    let kind: ObjectKind
    /// Graphviz node shape.
    let shape: String
    /// The record fields that name other objects (edges).
    let links: [String]
    /// The record fields naming the object this one is drawn inside (a VM's `host`),
    /// the first that names an object wins; owned objects sit in their owner.
    let within: [String]
    let record: @Sendable (World, String) throws(CoreError) -> Record

    init<Info>(_ kind: ObjectKind, shape: String = "ellipse", within: [String] = [], _ schema: RecordSchema<Info>,
               _ info: @escaping @Sendable (World, String) throws(CoreError) -> Info) {
        self.kind = kind
        self.shape = shape
        self.within = within
        self.links = schema.links
        self.record = { world, name throws(CoreError) in schema.record(try info(world, name)) }
    }
}
