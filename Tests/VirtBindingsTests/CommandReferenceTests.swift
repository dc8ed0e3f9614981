import Foundation
import Testing
import VirtBindings
import VirtLang

/// docs/commands.md is the command reference generated from the registry, so the
/// documentation page cannot drift from `help`. Re-record it with
/// `VIRTLAB_RECORD=1 swift test --filter CommandReferenceTests`.
@Suite struct CommandReferenceTests {
    static let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("docs/commands.md")

    @Test func docsCommandsIsTheRegistrysReference() throws {
        let generated = Help.reference(VirtLab.registry)
        if ProcessInfo.processInfo.environment["VIRTLAB_RECORD"] == "1" {
            try generated.write(to: Self.path, atomically: true, encoding: .utf8)
        }
        let shipped = try String(contentsOf: Self.path, encoding: .utf8)
        #expect(shipped == generated, "docs/commands.md is stale: VIRTLAB_RECORD=1 swift test --filter CommandReferenceTests")
    }

    @Test func everyCommandHasItsSection() {
        let reference = Help.reference(VirtLab.registry)
        for spec in VirtLab.registry.commands {
            #expect(reference.contains("### `\(spec.name)`\n\n```\nusage: \(spec.usage)"), "\(spec.name)")
        }
    }
}
