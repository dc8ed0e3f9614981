import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// `export svg` and `export png` through the real Graphviz, as a user runs them;
/// the SVG must be XML an independent parser reads. CI installs Graphviz
/// (`.ci/deps`), so there a missing `dot` is a failure, not a skip.
@Suite struct PictureExportTests {
    static let world = """
        host add pm1 cpus=8 mem=32G rack=r1 site=s1
        hypervisor install pm1 kind=hardware
        vm create web1 host=pm1 vcpus=1 mem=1G os=linux

        """

    static var graphviz: Bool {
        let found = FileManager.default.isExecutableFile(atPath: "/usr/bin/dot")
        if !found, ProcessInfo.processInfo.environment["CI"] != nil {
            Issue.record("Graphviz's dot is not installed: .ci/deps installs it")
        }
        return found
    }

    /// The bytes `export FORMAT world.FORMAT` writes for the test world.
    private func exported(_ format: String) throws -> Data {
        let script = try Binary.script(Self.world + "export \(format) world.\(format)\n")
        let folder = (script as NSString).deletingLastPathComponent
        let outcome = try Binary.run(["run", script], directory: folder)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        return try Data(contentsOf: URL(fileURLWithPath: folder + "/world.\(format)"))
    }

    @Test func svgIsXMLThatAParserReads() throws {
        guard Self.graphviz else { return }
        let data = try exported("svg")
        let root = RootElement()
        let parser = XMLParser(data: data)
        parser.delegate = root
        #expect(parser.parse(), "the SVG is not well-formed XML")
        #expect(root.name == "svg")
        #expect(String(decoding: data, as: UTF8.self).contains("web1"))
    }

    @Test func pngIsAPNG() throws {
        guard Self.graphviz else { return }
        let data = try exported("png")
        #expect(Array(data.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
    }

    @Test func withoutGraphvizTheMessageNamesThePackage() throws {
        let script = try Binary.script(Self.world + "export svg world.svg\n")
        let folder = (script as NSString).deletingLastPathComponent
        let outcome = try Binary.run(["run", script], environment: ["PATH": "/nonexistent"], directory: folder)
        #expect(outcome.status != 0)
        #expect(outcome.stderr.contains("Graphviz is not installed: 'export svg' needs its 'dot' program"))
        #expect(outcome.stderr.contains("apt-get install graphviz"))
        #expect(outcome.stderr.contains(":4:"), "the error is located at the export line")
        #expect(!FileManager.default.fileExists(atPath: folder + "/world.svg"))
    }

    /// Remembers the name of the document's root element.
    final class RootElement: NSObject, XMLParserDelegate {
        var name: String?
        func parser(_ parser: XMLParser, didStartElement element: String, namespaceURI: String?,
                    qualifiedName: String?, attributes: [String: String] = [:]) {
            if name == nil { name = element }
        }
    }
}
