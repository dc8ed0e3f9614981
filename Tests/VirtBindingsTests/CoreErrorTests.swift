import Testing
import VirtBindings
import VirtCore
import VirtLang

@Suite struct CoreErrorTests {
    func unknownHost(_ name: String, among hosts: [String]) -> ScriptError {
        var error = CoreError(.name, "host '\(name)' does not exist", hint: "hosts are " + hosts.joined(separator: ", "))
        error.unknownName = CoreError.UnknownName(name: name, candidates: hosts)
        return error.scriptError(at: nil)
    }

    @Test func unknownObjectListsTheExistingOnesWhenNoneIsNearest() {
        let e = unknownHost("pm3", among: ["pm1", "pm2"])
        #expect(e.kind == .name)
        #expect(e.message == "host 'pm3' does not exist")
        #expect(e.hint == "hosts are pm1, pm2")
    }

    @Test func unknownObjectSuggestsTheNearestName() {
        #expect(unknownHost("web-1", among: ["web1", "db1"]).hint == "did you mean 'web1'? (hosts are web1, db1)")
    }

    @Test func kindsMapToTheLanguage() {
        #expect(CoreError(.state, "full").scriptError(at: nil).kind == .state)
        #expect(CoreError(.value, "bad").scriptError(at: nil).kind == .value)
        #expect(CoreError(.io, "corrupt").scriptError(at: nil).kind == .io)
    }

    /// The caret stands under the argument the core blamed, found by its name, not by its value.
    @Test func caretAtTheBlamedParameter() throws {
        let interpreter = VirtLab.makeInterpreter()
        try interpreter.execute("host add pm1 cpus=4 mem=8G; hypervisor install pm1 kind=full; vm create pm9 host=pm1 vcpus=1 mem=1G os=linux")
        // Each line with the text just before the caret: the blamed argument's value.
        let cases: [(String, String)] = [
            ("vm migrate pm9 to=pm9", " to="),
            ("host add pm2 cpus=0 mem=8G", " cpus="),
            ("vm create v2 vcpus=1 mem=1G os=linux host=nope", " host="),
            ("hypervisor remove pm9", "remove "),
        ]
        for (line, before) in cases {
            let error = #expect(throws: ScriptError.self, "\(line) should fail") { try interpreter.execute(line, name: "t") }
            let span = try #require(error?.span)
            let column = span.file.lineColumn(of: span.start).column
            let start = line.index(line.startIndex, offsetBy: column - 1)
            #expect(line[..<start].hasSuffix(before), "\(line): caret at column \(column), expected after '\(before)'")
        }
    }
}
