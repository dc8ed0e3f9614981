/// The language's own commands: `print`, `help`, `apropos` and the helpers of
/// LANGUAGE.md (`list`, `len`, `min`, `max`, `sum`, `round`, `range`, `sort`,
/// `keys`, `contains`, `format`, `type`).
public enum Builtins {
    /// A registry holding the language commands; the bindings add the world's.
    public static func registry() -> CommandRegistry {
        let r = CommandRegistry()
        r.register(all)
        return r
    }

    static let all: [CommandSpec] = [
        CommandSpec("print", summary: "Print the words' values joined by spaces", example: "print \"2 + 2 =\" (2 + 2)",
                    params: [.positional("words", .any, "values to print", required: false, variadic: true)]) { call in
            call.interpreter.output(.print(call.list("words") ?? []))
            return .none
        },
        CommandSpec("help", summary: "Show the commands, or one command's usage, options and example",
                    example: "help vm create",
                    params: [.positional("command", .text, "a command or group", required: false, variadic: true)]) { call in
            try help(call)
        },
        CommandSpec("apropos", summary: "List the commands whose name or description mentions a word",
                    example: "apropos migrate", params: [.positional("word", .text, "the word to look for")]) { call in
            let found = call.interpreter.registry.apropos(call.text("word")!)
            let text = found.isEmpty ? "nothing mentions '\(call.text("word")!)'"
                : found.map(Help.summaryLine).joined(separator: "\n")
            call.interpreter.output(.text(text))
            return .none
        },
        CommandSpec("list", summary: "Build a list from the words", example: "list pm1 pm2 pm3",
                    params: [.positional("items", .any, "the items", required: false, variadic: true)]) { call in
            .list(call.list("items") ?? [])
        },
        CommandSpec("len", summary: "The number of items of a list, characters of a string or fields of a record",
                    example: "len [list a b c]", params: [.positional("value", .any, "a list, string or record")]) { call in
            switch call["value"]! {
            case .list(let xs): return .int(xs.count)
            case .string(let s): return .int(s.count)
            case .record(let r): return .int(r.fields.count)
            case let v: throw call.error(.type, "'len' needs a list, string or record, got a \(v.kindName)", at: "value")
            }
        },
        CommandSpec("min", summary: "The smallest of the values (or of one list)", example: "min 3 1 2",
                    params: [.positional("values", .any, "numbers, quantities or strings", variadic: true)]) { call in
            try extreme(call, wantSmallest: true)
        },
        CommandSpec("max", summary: "The largest of the values (or of one list)", example: "max 4G 512M",
                    params: [.positional("values", .any, "numbers, quantities or strings", variadic: true)]) { call in
            try extreme(call, wantSmallest: false)
        },
        CommandSpec("sum", summary: "The sum of the values (or of one list)", example: "sum [list 1 2 3]",
                    params: [.positional("values", .any, "numbers or quantities of one dimension", required: false, variadic: true)]) { call in
            let values = flatten(call)
            guard var total = values.first else { return .int(0) }
            for v in values.dropFirst() {
                total = try Operators.additive(.add, total, v, span: call.span)
            }
            return total
        },
        CommandSpec("round", summary: "Round a number to whole units or to N decimals", example: "round 3.14159 digits=2",
                    params: [.positional("value", .number, "a plain number"),
                             .option("digits", .integer, "decimals to keep", default: .int(0))]) { call in
            let digits = min(max(call.int("digits")!, 0), 12)
            var scale = 1.0
            for _ in 0..<digits { scale *= 10 }
            return .number((call.number("value")! * scale).rounded() / scale)
        },
        CommandSpec("range", summary: "The whole numbers from A up to, not including, B (from 0 with one argument)",
                    example: "range 1 4",
                    params: [.positional("from", .integer, "the first number, or the end when alone"),
                             .positional("to", .integer, "the end (excluded)", required: false)]) { call in
            let (a, b) = call.int("to").map { (call.int("from")!, $0) } ?? (0, call.int("from")!)
            guard b <= a || !Operators.spans(from: a, to: b - 1, atLeast: Operators.maxRangeLength + 1) else {
                throw call.error(.limit, "range \(a) \(b) is too long to build a list")
            }
            return .list(b <= a ? [] : (a..<b).map { .int($0) })
        },
        CommandSpec("sort", summary: "Sort a list (records by a field)", example: "sort [list 3 1 2]",
                    params: [.positional("items", .any, "a list"),
                             .option("by", .text, "the field to sort records by"),
                             .option("reverse", .bool, "largest first", default: .bool(false))]) { call in
            try sort(call)
        },
        CommandSpec("keys", summary: "The field names of a record", example: "try { nosuch } catch e { print [keys $e] }",
                    params: [.positional("record", .any, "a record")]) { call in
            guard case .record(let r) = call["record"]! else {
                throw call.error(.type, "'keys' needs a record, got a \(call["record"]!.kindName)", at: "record")
            }
            return .list(r.names.map(Value.string))
        },
        CommandSpec("contains", summary: "Whether X contains Y: a substring, a list item or a record field",
                    example: "contains [list a b] b",
                    params: [.positional("container", .any, "a string, list or record"),
                             .positional("item", .any, "what to look for")]) { call in
            .bool(try Operators.contains(call["container"]!, call["item"]!, span: call.span))
        },
        CommandSpec("format", summary: "Fill each {} in a template with the next value", example: "format \"{} has {} VMs\" pm1 3",
                    params: [.positional("template", .text, "text with {} placeholders"),
                             .positional("values", .any, "the values", required: false, variadic: true)]) { call in
            try format(call)
        },
        CommandSpec("type", summary: "The kind of a value: number, size, time, string, list, record, bool, none, …",
                    example: "type 4G", params: [.positional("value", .any, "any value")]) { call in
            .string(call["value"]!.kindName)
        },
    ]

    static func help(_ call: CommandCall) throws -> Value {
        let registry = call.interpreter.registry
        let words = (call.list("command") ?? []).map(\.text)
        let text: String
        if words.isEmpty {
            text = Help.overview(registry)
        } else if let spec = registry.command(named: words.joined(separator: " ")) {
            text = Help.page(spec)
        } else if registry.isGroup(words) {
            text = Help.group(words, registry)
        } else if let topic = registry.topics.first(where: { $0.name == words.joined(separator: " ") }) {
            text = topic.text
        } else {
            let name = words.joined(separator: " ")
            let hint = Suggest.hint(for: name, among: registry.commands.map(\.name) + registry.topWords + registry.topics.map(\.name))
            throw call.error(.name, "no help for '\(name)': not a command", hint: hint ?? "type 'help' for the commands", at: "command")
        }
        call.interpreter.output(.text(text))
        return .none
    }

    static func flatten(_ call: CommandCall) -> [Value] {
        let values = call.list("values") ?? []
        if values.count == 1, case .list(let xs) = values[0] { return xs }
        return values
    }

    static func extreme(_ call: CommandCall, wantSmallest: Bool) throws -> Value {
        let values = flatten(call)
        guard var best = values.first else { throw call.error(.value, "'\(wantSmallest ? "min" : "max")' of nothing") }
        for v in values.dropFirst() {
            let c = try Operators.compare(v, best, span: call.span)
            if wantSmallest ? c < 0 : c > 0 { best = v }
        }
        return best
    }

    static func sort(_ call: CommandCall) throws -> Value {
        guard case .list(let items) = call["items"]! else {
            throw call.error(.type, "'sort' needs a list, got a \(call["items"]!.kindName)", at: "items")
        }
        let field = call.text("by")
        let keys: [Value] = try items.map { item in
            guard let field else { return item }
            guard case .record(let r) = item, let v = r[field] else {
                throw call.error(.name, "an item has no field '\(field)'", at: "by")
            }
            return v
        }
        var order = Array(items.indices)
        var failure: Error?
        order.sort { a, b in
            do { return try Operators.compare(keys[a], keys[b], span: call.span) < 0 } catch {
                failure = error
                return false
            }
        }
        if let failure { throw failure }
        if call.bool("reverse")! { order.reverse() }
        return .list(order.map { items[$0] })
    }

    static func format(_ call: CommandCall) throws -> Value {
        var values = (call.list("values") ?? [])[...]
        let pieces = call.text("template")!.split(separator: "{}", omittingEmptySubsequences: false)
        var out = String(pieces[0])
        for piece in pieces.dropFirst() {
            guard let v = values.popFirst() else { throw call.error(.value, "the template has more {} than values", at: "template") }
            out += v.text + piece
        }
        guard values.isEmpty else { throw call.error(.value, "more values than {} in the template", at: "template") }
        return .string(out)
    }
}
