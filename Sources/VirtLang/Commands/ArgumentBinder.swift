/// Checks and types a command's arguments against its declaration.
struct ArgumentBinder {
    let spec: CommandSpec
    let span: SourceSpan

    /// One evaluated word: positional, or `name=value`.
    struct Word {
        let name: String?
        let value: Value
        let span: SourceSpan
    }

    /// Binds every word, then fills in defaults: each parameter's value and the
    /// span of the word that gave it, by parameter position. Positional parameters
    /// are found by scanning `params` onward, options by a scan of the names.
    func bind(_ words: [Word]) throws -> (values: [Value?], spans: [SourceSpan?]) {
        let params = spec.params, names = spec.paramNames
        var values = [Value?](repeating: nil, count: params.count)
        var spans = [SourceSpan?](repeating: nil, count: params.count)
        var nextPositional = params.firstIndex(where: \.positional)
        var rest: [Value] = []
        for word in words {
            if let name = word.name {
                guard let index = CommandCall.index(of: name, in: names), !params[index].positional else {
                    throw unknownOption(name, word.span)
                }
                guard values[index] == nil else {
                    throw ScriptError(.value, "option '\(name)' is given twice", hint: usageHint, at: word.span)
                }
                values[index] = try convert(word.value, to: params[index].type, param: params[index], span: word.span)
                spans[index] = word.span
                continue
            }
            guard let index = nextPositional else {
                throw ScriptError(.value, "'\(spec.name)' takes no more arguments, got '\(word.value.text)'",
                                  hint: usageHint, at: word.span)
            }
            let converted = try convert(word.value, to: params[index].type, param: params[index], span: word.span)
            if params[index].variadic {
                rest.append(converted)
                spans[index] = spans[index] ?? word.span
            } else {
                values[index] = converted
                spans[index] = word.span
                nextPositional = params[(index + 1)...].firstIndex(where: \.positional)
            }
        }
        if let variadic = params.lastIndex(where: \.positional), params[variadic].variadic { values[variadic] = .list(rest) }
        for index in params.indices where values[index] == nil {
            if let d = params[index].defaultValue {
                values[index] = d
            } else if params[index].required {
                let param = params[index]
                let what = param.positional ? param.name.uppercased() : "\(param.name)=\(param.type.usage)"
                throw ScriptError(.value, "'\(spec.name)' needs \(what)", hint: usageHint, at: span)
            }
        }
        return (values, spans)
    }

    var usageHint: String { "usage: \(spec.usage)" }

    private func unknownOption(_ name: String, _ span: SourceSpan) -> ScriptError {
        let names = spec.params.filter { !$0.positional }.map(\.name)
        let hint = Suggest.hint(for: name, among: names)
            ?? (names.isEmpty ? "'\(spec.name)' takes no options" : "options are " + names.joined(separator: ", "))
        return ScriptError(.name, "unknown option '\(name)' for '\(spec.name)'", hint: hint, at: span)
    }

    /// An option's number must be finite (LANGUAGE.md "Numbers and units").
    private func finiteNumber(_ value: Value, _ x: Double, _ label: String, _ span: SourceSpan) throws -> Value {
        guard x.isFinite else { throw ScriptError(.value, "\(label) needs a finite number, not \(value.text)", at: span) }
        return value
    }

    func convert(_ value: Value, to type: ParamType, param: Param, span: SourceSpan) throws -> Value {
        // How messages name the parameter; built only for an error.
        var label: String { param.positional ? param.name.uppercased() : param.name }
        switch type {
        case .any: return value
        case .text, .object:
            switch value {
            case .list, .record: throw ScriptError(.type, "\(label) needs a name, got a \(value.kindName)", at: span)
            default: return .string(value.text)
            }
        case .integer:
            if case .int = value { return value }
            if case .string(let s) = value, let n = Int(s) { return .int(n) }
            if let d = value.number, d == d.rounded(), abs(d) < 9e15 { return .int(Int(d)) }
            throw ScriptError(.type, "\(label) needs a whole number, got '\(value.text)'", at: span)
        case .number:
            if let d = value.number { return try finiteNumber(value, d, label, span) }
            if case .string(let s) = value, let d = Double(s), d.isFinite { return .number(d) }
            if case .quantity(let q) = value {
                throw ScriptError(.unit, "\(label) needs a plain number, got a \(q.dimension.name)", at: span)
            }
            throw ScriptError(.type, "\(label) needs a number, got '\(value.text)'", at: span)
        case .fraction:
            if let d = value.number { return try finiteNumber(value, d, label, span) }
            throw ScriptError(.type, "\(label) needs a number or a percentage such as 50%, got '\(value.text)'", at: span)
        case .bool:
            if case .bool = value { return value }
            switch value.text {
            case "yes", "on", "true": return .bool(true)
            case "no", "off", "false": return .bool(false)
            default: throw ScriptError(.value, "\(label) needs yes or no, got '\(value.text)'", hint: "use yes/no, on/off or true/false", at: span)
            }
        case .quantity(let dimension):
            if case .quantity(let q) = value {
                guard q.dimension == dimension else {
                    throw ScriptError(.unit, "\(label) needs a \(dimension.name), got a \(q.dimension.name)",
                                      hint: "e.g. \(label)=\(Operators.example(dimension))", at: span)
                }
                return try finiteNumber(value, q.value, label, span)
            }
            let what = value.number != nil ? "a bare number" : "'\(value.text)'"
            throw ScriptError(.unit, "\(label) needs a \(dimension.name), got \(what)",
                              hint: "\(label) needs a \(dimension.name), e.g. \(Operators.example(dimension))", at: span)
        case .choice(let words):
            let text = value.text
            guard words.contains(text) else {
                throw ScriptError(.value, "\(label) must be one of \(words.joined(separator: ", ")), got '\(text)'",
                                  hint: Suggest.hint(for: text, among: words), at: span)
            }
            return .string(text)
        case .list(let element):
            let items: [Value]
            switch value {
            case .list(let xs): items = xs
            case .string(let s): items = s.split(separator: ",", omittingEmptySubsequences: false).map { Lexer.literal(String($0)) }
            default: items = [value]
            }
            return .list(try items.map { try convert($0, to: element, param: param, span: span) })
        }
    }
}
