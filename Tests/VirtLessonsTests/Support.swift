import Foundation
@testable import VirtLessons

/// The repository's root folder, found from this file's place.
let repositoryRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

/// A new empty folder under the system's temporary folder.
func temporaryFolder() throws -> String {
    let path = NSTemporaryDirectory() + "virtlab-lessons-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

/// Parses lesson text given without its front matter.
func lesson(_ body: String, id: String = "99-test") throws -> Lesson {
    try LessonParser.parse("---\nid: \(id)\ntitle: Test\n---\n" + body, path: "test.md")
}

/// A Markdown fence with its info string and code.
func block(_ info: String, _ code: String) -> String { "```\(info)\n\(code)\n```\n" }
