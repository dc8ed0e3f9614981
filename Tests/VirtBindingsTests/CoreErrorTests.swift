import Testing
import VirtBindings
import VirtCore
import VirtLang

@Suite struct CoreErrorTests {
    func unknownHost(_ name: String, among hosts: [String]) -> ScriptError {
        var error = CoreError(.name, "host '\(name)' does not exist", hint: "hosts are " + hosts.joined(separator: ", "))
        error.unknownName = CoreError.UnknownName(name: name, candidates: hosts)
        return error.scriptError
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
        #expect(CoreError(.state, "full").scriptError.kind == .state)
        #expect(CoreError(.value, "bad").scriptError.kind == .value)
        #expect(CoreError(.io, "corrupt").scriptError.kind == .io)
    }
}
