// Pictures of the world (`export dot|svg|png`) and `show topology` share one layout.
// The dot files are golden: `Fixtures/pictures/<case>.vlab` writes `picture.dot`,
// compared with `<case>.dot` beside it (re-record: `VIRTLAB_RECORD=1 swift test
// --filter PictureTests`, then look at `dot -Tsvg` of the result).

import Foundation
import Testing
@testable import VirtBindings
import VirtLang

@Suite struct PictureTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/pictures").path

    static var cases: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
            .filter { $0.hasSuffix(".vlab") }.map { String($0.dropLast(5)) }.sorted()
    }

    /// Runs a script with files in memory; returns the interpreter and its files.
    static func run(_ script: String) throws -> (Interpreter, ExampleTests.MemoryFiles) {
        let interpreter = VirtLab.makeInterpreter()
        let files = ExampleTests.MemoryFiles()
        interpreter.fileAccess = files
        interpreter.output = { _ in }
        try interpreter.execute(script)
        return (interpreter, files)
    }

    static func layout(_ script: String) throws -> WorldLayout {
        let (interpreter, _) = try run(script)
        return try WorldLayout((interpreter.world as! WorldBox).world)
    }

    @Test(arguments: cases)
    func dotIsGolden(_ name: String) throws {
        let script = try String(contentsOfFile: "\(Self.folder)/\(name).vlab", encoding: .utf8)
        let dot = try #require(try Self.run(script).1.files["picture.dot"], "\(name).vlab must export picture.dot")
        let goldenPath = "\(Self.folder)/\(name).dot"
        if ProcessInfo.processInfo.environment["VIRTLAB_RECORD"] == "1" {
            try dot.write(toFile: goldenPath, atomically: true, encoding: .utf8)
        }
        #expect(dot == (try String(contentsOfFile: goldenPath, encoding: .utf8)))
    }

    static let twoHosts = """
        switch add sw1 ports=8
        host add pm1 cpus=8 mem=32G rack=r1 site=s1
        host add pm2 cpus=8 mem=32G rack=r2 site=s1
        host add pm3 cpus=8 mem=32G
        hypervisor install pm1 kind=hardware
        vswitch add vs1 on=pm1
        link pm1.eth0 sw1.3
        vm create web1 host=pm1 vcpus=1 mem=1G os=linux
        nic attach web1 to=vs1 vlan=20 ip=10.0.0.1/24
        vm create web2 host=pm1 vcpus=1 mem=1G os=linux
        nic attach web2 to=vs1 vlan=10 ip=10.0.0.2/24
        """

    @Test func objectsSitInWhatHoldsThem() throws {
        let layout = try Self.layout(Self.twoHosts)
        #expect(layout.inside("pm1") == ["pm1.eth0", "vs1", "web1", "web2"])
        #expect(layout.inside("web1") == ["web1.eth0"])
        #expect(layout.parent["pm1"] == nil)
        // What nesting shows is not drawn again as a line.
        #expect(!layout.edges.contains { Set([$0.from, $0.to]) == ["pm1", "web1"] })
        #expect(layout.edges.contains { Set([$0.from, $0.to]) == ["web1.eth0", "vs1"] })
    }

    @Test func onlyLinkedPortsAndNICsAreShown() throws {
        let layout = try Self.layout(Self.twoHosts)
        #expect(layout.names.contains("sw1.3"))
        #expect(!layout.names.contains("sw1.1"))
        #expect(layout.names.contains("pm1.eth0"))
        #expect(!layout.names.contains("pm2.eth0"))
        #expect(layout.edges.filter { Set([$0.from, $0.to]) == ["pm1.eth0", "sw1.3"] }.count == 1)
    }

    @Test func placesGroupHostsBySiteAndRack() throws {
        let places = try Self.layout(Self.twoHosts).places
        #expect(places.map(\.site) == [nil, "s1", "s1"])
        #expect(places.map(\.rack) == [nil, "r1", "r2"])
        #expect(places.map(\.roots) == [["sw1", "pm3"], ["pm1"], ["pm2"]])
    }

    /// VLAN 1 is there too: sw1.3 is cabled and unconfigured, so an access port in VLAN 1.
    @Test func vlansTakeColoursInAscendingOrder() throws {
        let (_, files) = try Self.run(Self.twoHosts + "\nexport dot w.dot")
        let dot = try #require(files.files["w.dot"])
        #expect(dot.contains("\"sw1.3\" [xlabel=\"sw1.3\", shape=point, style=filled, fillcolor=\"#1b9e7755\""))
        #expect(dot.contains("\"web2.eth0\" [label=\"web2.eth0\\nvnic\", shape=ellipse, style=filled, fillcolor=\"#d95f0255\""))
        #expect(dot.contains("\"web1.eth0\" [label=\"web1.eth0\\nvnic\", shape=ellipse, style=filled, fillcolor=\"#7570b355\""))
        #expect(dot.contains("\"legend VLAN 1\""))
        #expect(dot.contains("\"legend VLAN 10\""))
        #expect(dot.contains("\"legend VLAN 20\""))
    }

    @Test func svgAndPngRenderTheDotGraph() throws {
        let (_, files) = try Self.run(Self.twoHosts + "\nexport dot w.dot\nexport svg w.svg\nexport png w.png")
        let dot = try #require(files.files["w.dot"])
        #expect(files.files["w.svg"] == "svg:" + dot)
        #expect(files.files["w.png"] == "png:" + dot)
    }

    /// Files without a renderer (a front end that lends no Graphviz).
    final class FilesWithoutRenderer: FileAccess {
        var written: [String] = []
        func read(_ path: String) throws -> String { "" }
        func write(_ path: String, _ text: String) throws { written.append(path) }
    }

    @Test func withoutARendererNothingIsWritten() throws {
        let interpreter = VirtLab.makeInterpreter()
        let files = FilesWithoutRenderer()
        interpreter.fileAccess = files
        let error = #expect(throws: ScriptError.self) { try interpreter.execute("host add pm1 cpus=8 mem=32G\nexport svg w.svg") }
        #expect(error?.kind == .io)
        #expect(error?.message == "pictures cannot be rendered here")
        #expect(files.written.isEmpty)
    }

    @Test func showTopologyIsCompletedAndSuggested() throws {
        let interpreter = VirtLab.makeInterpreter()
        try interpreter.execute("host add topaz cpus=8 mem=32G")
        let completer = Completer(interpreter: interpreter)
        #expect(completer.complete("show top").candidates == ["topology", "topaz"])
        #expect(completer.complete("show topology ").candidates.isEmpty)
        let error = #expect(throws: ScriptError.self) { try interpreter.execute("show topolgy") }
        #expect(error?.hint?.contains("topology") == true)
    }

    /// Files that refuse every write, as a full disk or a missing folder does.
    final class RefusingFiles: FileAccess {
        func read(_ path: String) throws -> String { throw ScriptError(.io, "cannot read '\(path)'") }
        func write(_ path: String, _ text: String) throws { throw ScriptError(.io, "cannot write '\(path)'") }
        func render(graph: String, as format: String) throws -> [UInt8] { [] }
    }

    /// The caret of a file that cannot be written or read is on its path, the word to change.
    @Test func aFileErrorPointsAtThePath() throws {
        let interpreter = VirtLab.makeInterpreter()
        interpreter.fileAccess = RefusingFiles()
        for command in ["save x.json", "load x.json", "export dot x.dot", "export svg x.svg", "export png x.png"] {
            let error = #expect(throws: ScriptError.self) { try interpreter.execute(command) }
            #expect(error?.span?.text.hasPrefix("x.") == true, "\(command): the caret is on \(error?.span?.text ?? "nothing")")
        }
    }
}
