/// One guest operation of `vm run program="..."`.
public enum GuestOp: Codable, Equatable, Sendable {
    /// N unprivileged instructions in user mode.
    case user(Int)
    case syscall, io, cli, sti, popf, pushf, sgdt, smsw
    /// Address-space switch (`mov-cr3`).
    case movCR3
    /// Page-table update (`pte-write`).
    case pteWrite
    case pageFault
    case hlt, hypercall

    /// Every operation keyword, for messages and help.
    public static let keywords = ["user N", "syscall", "io", "cli", "sti", "popf", "pushf", "sgdt", "smsw",
                                  "mov-cr3", "pte-write", "page-fault", "hlt", "hypercall"]

    /// The keyword as written in programs; also names the guest kernel code block that handles it.
    public var keyword: String {
        switch self {
        case .user: "user"
        case .syscall: "syscall"
        case .io: "io"
        case .cli: "cli"
        case .sti: "sti"
        case .popf: "popf"
        case .pushf: "pushf"
        case .sgdt: "sgdt"
        case .smsw: "smsw"
        case .movCR3: "mov-cr3"
        case .pteWrite: "pte-write"
        case .pageFault: "page-fault"
        case .hlt: "hlt"
        case .hypercall: "hypercall"
        }
    }

    static func named(_ word: String) -> GuestOp? {
        let simple: [GuestOp] = [.syscall, .io, .cli, .sti, .popf, .pushf, .sgdt, .smsw, .movCR3, .pteWrite, .pageFault, .hlt, .hypercall]
        return simple.first { $0.keyword == word }
    }
}

/// A guest program: operations with repeat counts, run in order.
public struct GuestProgram: Codable, Equatable, Sendable {
    struct Step: Codable, Equatable, Sendable {
        var op: GuestOp
        var count: Int
    }

    var ops: [Step]

    /// A program from operations and their counts.
    public init(_ steps: [(GuestOp, Int)]) {
        ops = steps.map { Step(op: $0.0, count: $0.1) }
    }

    /// The program as text, runs of one operation written `op ×N`: "user 500; pte-write ×40; mov-cr3".
    public var text: String {
        ops.map { step in
            let word = if case .user(let n) = step.op { "user \(n)" } else { step.op.keyword }
            return step.count == 1 ? word : "\(word) ×\(step.count)"
        }.joined(separator: "; ")
    }

    /// Parses `"user 1000; syscall; pte-write"`: operations separated by `;` or newlines.
    public static func parse(_ text: String) throws(CoreError) -> GuestProgram {
        var steps: [(GuestOp, Int)] = []
        let statements = text.split(whereSeparator: { $0 == ";" || $0.isNewline })
        for (index, raw) in statements.enumerated() {
            let words = raw.split(whereSeparator: \.isWhitespace).map(String.init)
            guard let first = words.first else { continue }
            let position = "operation \(index + 1)"
            if first == "user" {
                guard words.count == 2, let n = Int(words[1]), n >= 0, n <= 1_000_000_000_000 else {
                    throw .value("\(position): 'user' takes a count of instructions, as in 'user 1000'")
                }
                steps.append((.user(n), 1))
            } else if let op = GuestOp.named(first) {
                guard words.count == 1 else { throw .value("\(position): '\(first)' takes no argument") }
                steps.append((op, 1))
            } else {
                throw CoreError(.value, "\(position): unknown guest operation '\(first)'",
                                hint: "operations are " + GuestOp.keywords.joined(separator: ", "))
            }
        }
        guard !steps.isEmpty else {
            throw .value("the program is empty", hint: "write operations separated by ';', as \"user 1000; syscall\"")
        }
        return GuestProgram(steps)
    }
}
