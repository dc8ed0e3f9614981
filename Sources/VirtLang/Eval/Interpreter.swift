import Synchronization

/// Hands out proc-set generations, unique in the process.
private let procGenerations = Atomic<Int>(0)

/// A session: globals, procs, the world, limits, and the tree-walking evaluator.
public final class Interpreter {
    /// The commands, built when first needed: a script that names no command
    /// (and the REPL until its first line) never waits for the tables.
    public var registry: CommandRegistry {
        if let builtRegistry { return builtRegistry }
        let built = makeRegistry()
        builtRegistry = built
        return built
    }
    private var builtRegistry: CommandRegistry?
    private let makeRegistry: () -> CommandRegistry
    public internal(set) var globals = Globals()
    public internal(set) var procs: [String: Proc] = [:]
    /// The simulated world, provided by the bindings.
    public var world: WorldState?
    /// Where printing goes.
    public var output: (Output) -> Void = { _ in }
    /// Reads a file for `source` (name, including file's name); nil forbids `source`.
    public var sourceLoader: ((String, String) throws -> SourceFile)?
    /// Files for `save`, `load`, `export`; nil forbids them.
    public var fileAccess: FileAccess?
    /// Set by front ends that print every statement's value (the REPL, lesson
    /// mode): a command that both prints and returns its result then prints
    /// nothing itself, so nothing shows twice.
    public var echoesValues = false
    /// Grading sandbox: no files but `source` in the exercise folder, no save/load/export.
    public var sandboxed = false

    /// Steps executed so far (statements and loop iterations); the grader sets it
    /// back to 0 after an exercise's setup so the budget counts the submission only.
    public var steps = 0
    public var maxSteps = Int.max
    /// Deepest proc recursion allowed.
    public var maxCallDepth = 10_000
    /// Polled every 1,024 steps: returns an error to stop (timeout, Ctrl-C).
    public var interruptCheck: (() -> ScriptError?)?

    /// Names the current set of procs; command nodes cache their lookup under it.
    /// Numbers are unique in the process, so a session copy that defines its own
    /// procs never matches a lookup cached by another session.
    var procGeneration = 0
    /// Locals of every active proc call; the current call's start at `base`.
    var stack = LocalStack()
    var base = 0
    /// The running proc's definition, for did-you-mean over its locals. Unowned:
    /// `call` holds the definition for as long as it is current.
    unowned(unsafe) var currentProc: ProcDefinition?
    var flow = Flow.normal
    var returnValue = Value.none
    var callDepth = 0
    var stackBudget = StackBudget()

    public init(registry: @autoclosure @escaping () -> CommandRegistry) {
        makeRegistry = registry
    }

    /// An independent copy of the session (globals, procs, world); output and limits carry over.
    public func copy() -> Interpreter {
        let (built, make) = (builtRegistry, makeRegistry)
        let other = Interpreter(registry: built ?? make())
        other.globals = globals
        other.procs = procs
        other.procGeneration = procGeneration
        other.world = world?.copy()
        other.output = output
        other.sourceLoader = sourceLoader
        other.fileAccess = fileAccess
        other.sandboxed = sandboxed
        other.echoesValues = echoesValues
        other.maxSteps = maxSteps
        other.steps = steps
        other.interruptCheck = interruptCheck
        return other
    }

    /// Parses and runs a whole script; returns the last statement's value.
    @discardableResult
    public func execute(_ file: SourceFile) throws -> Value {
        try runTopLevel(Parser.parse(file))
    }

    /// Runs a script one top-level statement at a time, handing each statement's
    /// value to `each` (what the REPL would print for it).
    public func execute(_ file: SourceFile, each: (Value) -> Void) throws {
        for statement in try Parser.parse(file) { each(try runTopLevel([statement])) }
    }

    /// Parses and runs source text.
    @discardableResult
    public func execute(_ text: String, name: String = "<repl>") throws -> Value {
        try execute(SourceFile(name: name, text: text))
    }

    func runTopLevel(_ program: [Stmt]) throws -> Value {
        defer { flow = .normal }
        return try Block(program).exec(self)
    }

    /// Counts a step and enforces the step limit and interrupts.
    @inline(__always)
    func step(_ s: Stmt) throws {
        steps &+= 1
        if steps > maxSteps {
            throw ScriptError(.limit, "stopped after \(NumberFormat.grouped(maxSteps)) steps", hint: "a loop that never ends?", at: s.span)
        }
        if steps & 1023 == 0, let check = interruptCheck, var error = check() {
            error.span = error.span ?? s.span
            throw error
        }
    }

    /// Work done since the last interrupt check, in bytes and items handled by
    /// builtins and operators. A step stays one statement or loop iteration
    /// (LANGUAGE.md); this makes a few steps over long text see the deadline and
    /// Ctrl-C too, after about a megabyte of work.
    var work = 0

    /// Counts work and polls the interrupt check once enough has been done.
    @inline(__always)
    func charge(_ amount: Int, at span: SourceSpan) throws {
        work &+= amount
        guard work >= 1 << 20 else { return }
        work = 0
        if let check = interruptCheck, var error = check() {
            error.span = error.span ?? span
            throw error
        }
    }

    /// How much work handling a value costs: its bytes or items.
    static func size(_ value: Value) -> Int {
        switch value {
        case .string(let s): return s.utf8.count
        case .list(let xs): return xs.count
        case .record(let r): return r.fields.count
        default: return 1
        }
    }

    func define(_ proc: Proc) {
        procs[proc.name] = proc
        procGeneration = procGenerations.add(1, ordering: .relaxed).newValue
    }

    func unknownVariable(_ name: String, span: SourceSpan) -> ScriptError {
        let visible = (currentProc?.localNames ?? []) + globals.names
        let hint = Suggest.closest(to: name, among: visible).map { "did you mean '$\($0)'?" }
        return ScriptError(.name, "unknown variable '$\(name)'",
                           hint: hint ?? "define it first with 'let \(name) = …'", at: span)
    }

    /// Calls a built-in command with evaluated words.
    /// The grading sandbox is enforced here, once for every command: one declared
    /// to touch files never runs in it.
    func invoke(_ spec: CommandSpec, words: [ArgumentBinder.Word], span: SourceSpan) throws -> Value {
        if sandboxed && spec.touchesFiles {
            throw ScriptError(.sandbox, "'\(spec.name)' cannot touch files here", hint: "graded submissions cannot save, load or export", at: span)
        }
        let (values, spans) = try ArgumentBinder(spec: spec, span: span).bind(words)
        let call = CommandCall(interpreter: self, span: span, mutates: spec.mutates, touchesFiles: spec.touchesFiles,
                               names: spec.paramNames, values: values, spans: spans)
        do {
            let result = try spec.handler(call)
            try charge(values.reduce(0) { $0 &+ ($1.map(Interpreter.size) ?? 0) }, at: span)
            return result
        } catch var error as ScriptError {
            if error.span == nil { error.span = span }
            throw error
        } catch let error as ScriptErrorConvertible {
            throw error.scriptError(in: call)
        }
    }

    @inline(__always) func local(_ slot: Int) -> Value { stack[base &+ slot] }
    @inline(__always) func setLocal(_ slot: Int, _ v: Value) { stack[base &+ slot] = v }

    /// Calls a proc: positional words bind in order, options by name. The
    /// arguments are evaluated in the caller's scope straight onto the stack.
    func call(_ proc: Proc, _ target: CommandStmt.Target, span: SourceSpan) throws -> Value {
        let def = proc.definition
        guard callDepth < maxCallDepth else {
            throw ScriptError(.limit, "recursion deeper than \(maxCallDepth) calls", hint: "does '\(def.name)' have a base case?", at: span)
        }
        try stackBudget.check(callDepth: callDepth, at: span)
        let newBase = stack.count
        defer { stack.pop(to: newBase) }
        if let positional = target.positional {
            var k = 0
            while k < positional.count {
                stack.push(try positional.with(k) { try $0.eval(self) })
                k &+= 1
            }
        } else {
            for value in try bindProcArguments(proc, target.rest, span: span) { stack.push(value) }
        }
        var extra = def.slotCount &- def.parameterCount
        while extra > 0 {
            stack.push(.none)
            extra &-= 1
        }
        let savedBase = base
        unowned(unsafe) let savedProc = currentProc
        base = newBase
        currentProc = def
        callDepth &+= 1
        defer {
            callDepth &-= 1
            base = savedBase
            currentProc = savedProc
        }
        _ = try def.body.exec(self)
        if flow == .returned {
            flow = .normal
            let v = returnValue
            returnValue = .none
            return v
        }
        flow = .normal
        return .none
    }

    /// The general case: options by name, defaults, arity errors.
    private func bindProcArguments(_ proc: Proc, _ arguments: [CommandStmt.Argument], span: SourceSpan) throws -> [Value] {
        let def = proc.definition
        var values = [Value?](repeating: nil, count: def.parameters.count)
        var next = 0
        for argument in arguments {
            let index: Int
            if let name = argument.name {
                guard let i = def.parameters.firstIndex(of: name) else {
                    throw ScriptError(.name, "unknown option '\(name)' for proc '\(def.name)'",
                                      hint: Suggest.hint(for: name, among: def.parameters)
                                          ?? "its parameters are " + def.parameters.joined(separator: ", "),
                                      at: argument.expr.span)
                }
                index = i
            } else {
                while next < values.count && values[next] != nil { next += 1 }
                guard next < values.count else {
                    throw ScriptError(.value, "proc '\(def.name)' takes \(def.parameters.count) argument(s)",
                                      hint: "usage: \(procUsage(proc))", at: argument.expr.span)
                }
                index = next
            }
            values[index] = try argument.expr.eval(self)
        }
        return try values.enumerated().map { k, v in
            if let v { return v }
            guard let d = proc.defaults[k] else {
                throw ScriptError(.value, "proc '\(def.name)' needs a value for its parameter '\(def.parameters[k])'", hint: "usage: \(procUsage(proc))", at: span)
            }
            return d
        }
    }

    func procUsage(_ proc: Proc) -> String {
        ([proc.name] + proc.parameters.enumerated().map { k, p in proc.defaults[k] == nil ? p.uppercased() : "[\(p)=…]" })
            .joined(separator: " ")
    }
}

/// An error from another module (the core) that puts itself into words for the
/// command that raised it (its caret at the argument at fault).
public protocol ScriptErrorConvertible: Error {
    func scriptError(in call: CommandCall) -> ScriptError
}
