import Foundation
import Testing
import VirtCore
import VirtLang
@testable import VirtBindings

/// `help sources` and docs/sources.md: the shipped sources page (issue 9, section 2).
@Suite struct SourcesTopicTests {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    func helpText(_ line: String) throws -> String {
        let interpreter = VirtLab.makeInterpreter()
        var printed: [String] = []
        interpreter.output = { printed.append($0.text) }
        try interpreter.execute(line)
        return printed.joined(separator: "\n")
    }

    @Test func docsSourcesIsTheHelpTopic() throws {
        let shipped = try String(contentsOfFile: root + "/docs/sources.md", encoding: .utf8)
        #expect(shipped == (try helpText("help sources")) + "\n", "regenerate: printf 'help sources\\n' | virtlab > docs/sources.md")
    }

    @Test func theTopicCitesEveryCostKeyAndIsListedInHelp() throws {
        let text = try helpText("help sources")
        for key in CostKey.allCases { #expect(text.contains("- \(key.rawValue) "), "\(key.rawValue)") }
        for cited in ["Popek and Goldberg", "Robin and Irvine", "Adams and Agesen", "Barham et al.", "Intel SDM", "Clark et al.", "Hines"] {
            #expect(text.contains(cited), "\(cited)")
        }
        #expect(try helpText("help").contains("help sources"))
    }

    @Test func noProductTextCitesAFileOutsideTheRepository() throws {
        for path in ["Sources", "lessons", "docs", "README.md"] {
            let enumerator = FileManager.default.enumerator(atPath: root + "/" + path)
            let files = enumerator.map { $0.allObjects.compactMap { $0 as? String }.map { root + "/" + path + "/" + $0 } } ?? [root + "/" + path]
            for file in files where file.hasSuffix(".swift") || file.hasSuffix(".md") {
                let text = (try? String(contentsOfFile: file, encoding: .utf8)) ?? ""
                #expect(!text.contains("FACTS.md"), "\(file) cites FACTS.md")
            }
        }
    }
}
