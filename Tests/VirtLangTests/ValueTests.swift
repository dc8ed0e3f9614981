import Foundation
import Testing
@testable import VirtLang

@Suite struct ValueTests {
    func eval(_ text: String) throws -> Value {
        try Interpreter(registry: Builtins.registry()).execute(text)
    }

    @Test(arguments: [("(7 / 2)", "3.5"), ("(6 / 2)", "3"), ("(-7 % 3)", "2"), ("(1 / 3)", "0.333333"),
                      ("(2 / 3)", "0.666667"), ("1e6", "1000000"), ("(1e20 * 10)", "1e+21"), ("0.000001", "0.000001")])
    func numbersPrint(_ source: String, _ expected: String) throws {
        #expect(try eval(source).text == expected)
    }

    @Test(arguments: [("4.5G", "4.5G"), ("(34360ms)", "34.36s"), ("(1023B)", "1023B"), ("(1024B)", "1K"),
                      ("(4bit)", "4bit"), ("(1500Mbps)", "1.5Gbps"), ("(3600s)", "1h"), ("(0s)", "0s"),
                      ("(1234567B)", "1.177M"), ("(2kW)", "2kW"), ("(7200J)", "2Wh"), ("(-5ms)", "-5ms")])
    func quantitiesPrintInAReadableUnit(_ source: String, _ expected: String) throws {
        #expect(try eval(source).text == expected)
    }

    @Test func dimensionsCombine() throws {
        #expect(try eval("(8G / 1Gbps)") == .quantity(Quantity(8 * 8 * 1_073_741_824 / 1e9, .time)))
        #expect(try eval("(1ms / 1us)") == .int(1000))
        #expect(try eval("(200W * 1h)") == .quantity(Quantity(720_000, .energy)))
        #expect(try eval("(1000pages/s * 2s)") == .quantity(Quantity(2000, .pages)))
    }

    /// Issue 9, 4.9: a wide table is printed in parts that fit the width given,
    /// each led by the name column; a cell too wide even then is cut with `…`.
    @Test func tablesFitTheWidthGiven() throws {
        let fields = (1...12).map { ("column\($0)", Value.string("value\($0)")) }
        let long = Value.list([.record(Record([("name", .string("pm1"))] + fields + [("vms", .string(String(repeating: "web", count: 40)))])),
                               .record(Record([("name", .string("pm2"))] + fields + [("vms", .string("-"))]))])
        let whole = TableFormat.render(long)
        #expect(whole.split(separator: "\n").count == 3)
        #expect(whole.split(separator: "\n").map(\.count).max()! > 120)
        let fitted = TableFormat.render(long, width: 60)
        #expect(fitted.split(separator: "\n").allSatisfy { $0.count <= 60 }, "\(fitted)")
        let parts = fitted.components(separatedBy: "\n\n")
        #expect(parts.count > 2)
        #expect(parts.allSatisfy { $0.hasPrefix("name  ") && $0.contains("\npm1  ") && $0.contains("\npm2  ") })
        #expect(fitted.contains("we…"))
        #expect(fitted.contains("column12"))
        #expect(TableFormat.render(long, width: 10_000) == whole)
    }

    /// Issue 9, 4.7: decimals compare as quantities do.
    @Test func decimalsCompareWithinRoundingError() throws {
        #expect(try eval("(0.1 + 0.2 == 0.3)") == .bool(true))
        #expect(try eval("(8G / 10Gbps / 1s * 1000 == 8G / 10Gbps / 1ms)") == .bool(true))
        #expect(try eval("(0.1 + 0.2 != 0.3)") == .bool(false))
        #expect(try eval("(0.3 == 0.30001)") == .bool(false))
        #expect(try eval("(9007199254740993 == 9007199254740992)") == .bool(false))
    }

    @Test func equalityAcrossIntAndDouble() {
        #expect(Value.int(1) == Value.double(1.0))
        #expect(Value.number(2.0) == .int(2))
        #expect(Value.string("1") != .int(1))
    }

    @Test func recordsPrintAsAlignedTables() {
        let r = Record([("name", .string("web1")), ("state", .string("running")), ("mem", .quantity(.bytes(4 * 1_073_741_824)))])
        #expect(TableFormat.render(.record(r)) == "name   web1\nstate  running\nmem    4G")
        let rows = Value.list([.record(r), .record(Record([("name", .string("db")), ("state", .string("stopped"))]))])
        #expect(TableFormat.render(rows) == "name  state    mem\nweb1  running  4G\ndb    stopped  -")
    }

    @Test func jsonEncoding() {
        let v = Value.record(Record([("a", .list([.int(1), .string("x\"y")])), ("b", .none), ("c", .bool(true))]))
        #expect(JSONText.encode(v) == "{\"a\":[1,\"x\\\"y\"],\"b\":null,\"c\":true}")
    }
}
