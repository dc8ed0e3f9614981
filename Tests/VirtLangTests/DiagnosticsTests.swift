import Testing
@testable import VirtLang

@Suite struct DiagnosticsTests {
    func failure(_ text: String, name: String = "lab.vlab") -> ScriptError? {
        do {
            try Interpreter(registry: Builtins.registry()).execute(text, name: name)
            return nil
        } catch let e as ScriptError { return e } catch { return nil }
    }

    @Test func renderedWithLineCaretNotesAndHint() throws {
        let e = try #require(failure("let state = stopped\nexpect $state == running \"the VM should be running\""))
        #expect(e.kind == .expectation)
        #expect(e.rendered() == """
            lab.vlab:2:8: error: expectation failed: the VM should be running
                2 | expect $state == running "the VM should be running"
                  |        ^~~~~~~~~~~~~~~~~
                  left:  stopped
                  right: running

            """)
    }

    /// Issue 9, 4.8: the two mistakes a beginner makes first get a hint that fixes them.
    @Test func hintsForUnquotedWordsAndAddingAnItemToAList() throws {
        #expect(failure("let me = Ada Lovelace")?.hint == "to keep several words as one text, put quotes around them: let me = \"Ada Lovelace\"")
        #expect(failure("print a b\nlet x = 1 2")?.hint == "end a statement with a newline or ';'")
        #expect(failure("let hosts = [list pm1 pm2]\nlet hosts = $hosts + pm3")?.hint
            == "to add an item to a list, add a list holding it: ... + [list pm3]")
    }

    @Test func aproposMatchesWordsNotPartsOfWords() {
        #expect(CommandRegistry.hasWord(startingWith: "ring", in: "the rings of the vmm"))
        #expect(!CommandRegistry.hasWord(startingWith: "ring", in: "a string while running"))
        #expect(CommandRegistry.hasWord(startingWith: "mov-cr3", in: "ops: mov-cr3, hlt"))
        #expect(!CommandRegistry.hasWord(startingWith: "", in: "anything"))
    }

    @Test func expectWithoutMessageQuotesTheExpression() throws {
        let e = try #require(failure("expect (1 + 1 == 3)"))
        #expect(e.message == "expectation failed: 1 + 1 == 3")
    }

    @Test func unknownCommandSuggestsTheNearest() throws {
        let e = try #require(failure("prnt 1"))
        #expect(e.kind == .name)
        #expect(e.hint == "did you mean 'print'?")
        let keyword = try #require(failure("expcet true"))
        #expect(keyword.hint == "did you mean 'expect'?")
    }

    @Test func unknownVariableSuggestsTheNearest() throws {
        let e = try #require(failure("let count = 1\nprint $cuont"))
        #expect(e.message == "unknown variable '$cuont'")
        #expect(e.hint == "did you mean '$count'?")
    }

    @Test func missingFieldListsTheFields() throws {
        let e = try #require(failure("let e = 0\ntry { prnt } catch err { let e = $err }\nprint $e.mesage"))
        #expect(e.message == "the record has no field 'mesage'")
        #expect(e.hint?.hasPrefix("did you mean 'message'? fields are message, kind") == true)
    }

    @Test func colourOnlyWhenAsked() throws {
        let e = try #require(failure("prnt"))
        #expect(!e.rendered(color: false).contains("\u{1B}["))
        #expect(e.rendered(color: true).contains("\u{1B}["))
    }

    @Test func conditionMustBeABool() throws {
        let e = try #require(failure("if 1 { }"))
        #expect(e.kind == .type)
    }

    @Test func suggestUsesEditDistance() {
        #expect(Suggest.distance("strat", "start") == 1)
        #expect(Suggest.closest(to: "vm strat", among: ["vm start", "vm stop"]) == "vm start")
        #expect(Suggest.closest(to: "xyz", among: ["vm start"]) == nil)
        #expect(Suggest.closest(to: "pm3", among: ["pm1", "pm2"]) == nil, "a tie suggests neither")
        #expect(Suggest.closest(to: "web-1", among: ["web1", "db1"]) == "web1")
    }
}
