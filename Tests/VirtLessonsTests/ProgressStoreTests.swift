import Foundation
import Testing
@testable import VirtLessons

@Suite struct ProgressStoreTests {
    @Test func theDefaultPathFollowsXDG() {
        #expect(ProgressStore.defaultPath(environment: ["XDG_DATA_HOME": "/d", "HOME": "/h"]) == "/d/virtlab/progress.json")
        #expect(ProgressStore.defaultPath(environment: ["HOME": "/h"]) == "/h/.local/share/virtlab/progress.json")
        #expect(ProgressStore.defaultPath(environment: ["XDG_DATA_HOME": "relative", "HOME": "/h"]) == "/h/.local/share/virtlab/progress.json")
    }

    @Test func writesAndResets() throws {
        let path = try temporaryFolder() + "/a/b/progress.json"
        let store = ProgressStore(path: path) { _ in }
        try store.update("00-x") { $0.markDone(2) }
        try store.update("01-y") { $0.markSkipped(1) }
        #expect(try store.progress(of: "00-x").done == [2])
        #expect(try FileManager.default.contentsOfDirectory(atPath: (path as NSString).deletingLastPathComponent) == ["progress.json"])
        try store.reset("00-x")
        #expect(try store.load().keys.sorted() == ["01-y"])
        try store.reset(nil)
        #expect(try store.load().isEmpty)
    }

    @Test func aCorruptFileIsReportedAndSetAside() throws {
        let folder = try temporaryFolder()
        let path = folder + "/progress.json"
        let warnings = Lines()
        let store = ProgressStore(path: path) { warnings.add($0) }
        for attempt in 1...2 {
            try "{ not json".write(toFile: path, atomically: true, encoding: .utf8)
            try store.update("00-x") { $0.markDone(1) }
            #expect(try String(contentsOfFile: "\(path).corrupt-\(attempt)", encoding: .utf8) == "{ not json")
            #expect(warnings.all.count == attempt)
            #expect(warnings.all.last?.contains("moved to \(path).corrupt-\(attempt)") == true)
        }
        #expect(try store.progress(of: "00-x").done == [1])
    }

    @Test func statusAndFirstUnfinished() {
        var progress = LessonProgress()
        #expect(progress.status(of: 3) == "not started")
        progress.markRevealed(1)
        #expect(progress.status(of: 3) == "in progress (0 of 3 steps)")
        progress.markDone(1)
        progress.markSkipped(2)
        #expect(progress.firstUnfinished(of: 3) == 3)
        progress.markDone(3)
        #expect(progress.status(of: 3) == "done (1 skipped)")
        #expect(progress.firstUnfinished(of: 3) == nil)
    }
}
