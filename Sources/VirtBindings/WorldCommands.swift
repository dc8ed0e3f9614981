import VirtCore
import VirtLang

/// CORE.md section 0: world, time, inspection.
enum WorldCommands {
    static let all: [CommandSpec] = [
        CommandSpec("reset", summary: "Empty the world: objects, clock back to 0s, pending events (variables and procs stay)",
                    example: "reset", mutates: true) { call in
            try call.change { (w: inout World) in w.reset() }
            return .none
        },
        CommandSpec("seed", summary: "Reseed the world's random generator (it survives reset)", example: "seed 42",
                    params: [.positional("n", .integer, "the seed, 0 or more")], mutates: true) { call in
            guard let n = call.int("n"), n >= 0 else { throw call.error(.value, "a seed is a whole number, 0 or more", at: "n") }
            try call.change { (w: inout World) in w.seed(UInt64(n)) }
            return .none
        },
        CommandSpec("now", summary: "The virtual time since reset", example: "now") { call in
            .quantity(.seconds(call.world.clock))
        },
        CommandSpec("advance", summary: "Run the simulation forward by a duration, running due events",
                    example: "advance 5s", params: [.positional("duration", .quantity(.time), "how long")],
                    mutates: true) { call in
            let seconds = call.quantity("duration")!
            try call.change { (w: inout World) throws(CoreError) in try w.advance(by: seconds) }
            return .none
        },
        CommandSpec("wait", summary: "Run the simulation until pending work (migrations, rebuilds) is done",
                    example: "wait", mutates: true) { call in
            try call.change { (w: inout World) in w.runUntilIdle() }
            return .none
        },
        CommandSpec("show", summary: "Print the world, one object, or every object of a kind, as tables",
                    example: "show",
                    params: [.positional("what", .object([]), "a name or a kind (host, vm, …)", required: false)]) { call in
            call.interpreter.output(.text(try Inspection.show(call.text("what"), in: call.world)))
            return .none
        },
        CommandSpec("save", summary: "Save the whole world (clock, generator, pending events) to a JSON file",
                    example: "save lab.json", params: [.positional("file", .text, "the file to write")], touchesFiles: true) { call in
            try call.onFile { files, path in try files.write(path, call.world.savedJSON()) }
            return .none
        },
        CommandSpec("load", summary: "Replace the world with one saved by 'save'", example: "load lab.json",
                    params: [.positional("file", .text, "the file to read")], mutates: true,
                    touchesFiles: true) { call in
            let text = try call.onFile { files, path in try files.read(path) }
            let loaded = try World.load(json: text)
            try call.change { (w: inout World) in w = loaded }
            return .none
        },
        CommandSpec("export dot", summary: "Write the world as a Graphviz graph: objects and what they sit on",
                    example: "export dot world.dot", params: [.positional("file", .text, "the .dot file to write")],
                    touchesFiles: true) { call in
            let graph = try ExportDot.graph(call.world)
            try call.onFile { files, path in try files.write(path, graph) }
            return .none
        },
        render("svg"),
        render("png"),
        CommandSpec("show topology", summary: "Print the world as a tree: sites, racks, hosts and what each holds",
                    example: "show topology") { call in
            call.interpreter.output(.text(try Topology.tree(call.world)))
            return .none
        },
    ]

    /// `export svg FILE` and `export png FILE`: the picture of `export dot`, rendered
    /// by Graphviz's `dot` program when it is installed.
    private static func render(_ format: String) -> CommandSpec {
        CommandSpec("export \(format)", summary: "Draw the world's picture (export dot's graph) as \(format.uppercased()) with Graphviz",
                    example: "export \(format) world.\(format)",
                    params: [.positional("file", .text, "the .\(format) file to write")], touchesFiles: true) { call in
            let graph = try ExportDot.graph(call.world)
            try call.onFile { files, path in try files.write(path, bytes: try files.render(graph: graph, as: format)) }
            return .none
        }
    }
}

extension CommandCall {
    /// Runs a file operation on the path given as `file`; when it fails, the caret
    /// goes on that path, the word the user has to change.
    func onFile<T>(_ body: (FileAccess, String) throws -> T) throws -> T {
        let files = try files()
        do {
            return try body(files, text("file")!)
        } catch var error as ScriptError {
            error.span = span(of: "file")
            throw error
        }
    }
}
