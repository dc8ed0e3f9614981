import Foundation
import VirtLessons
@testable import VirtGrader

/// The repository's root folder, found from this file's place.
let repositoryRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

/// A new empty folder (after symlinks) under the system's temporary folder.
func temporaryFolder() throws -> String {
    let path = NSTemporaryDirectory() + "virtlab-grader-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return URL(fileURLWithPath: path).resolvingSymlinksInPath().path
}

/// A Markdown fence with its info string and code.
func block(_ info: String, _ code: String) -> String { "```\(info)\n\(code)\n```\n" }

/// A small exercise: two hosts; checks that pm1 has a hypervisor (2), that a VM
/// runs (3, hidden) and that a variable holds 42 (1, step 2).
let smallExercise = """
    ---
    id: 90-small
    title: Small
    ---
    ## Build

    """ + block("vlab setup", "reset\nhost add pm1 cpus=4 mem=8G\nhost add pm2 cpus=4 mem=8G\nlet answer = 0")
    + block("check hypervisor points=2", "expect [host info pm1].hypervisor == full \"pm1 runs a full hypervisor\"")
    + block("check running points=3 hidden", "expect [vm info v1].state == running")
    + block("solution", "hypervisor install pm1 kind=full\nvm create v1 host=pm1 vcpus=1 mem=1G os=linux\nvm start v1")
    + block("wrong", "hypervisor install pm1 kind=para")
    + "## Answer\n"
    + block("check answer points=1", "$answer == 42")
    + block("solution", "let answer = 42")
    + block("wrong", "let answer = 41")

/// Parses exercise text as if it were the file `exercise.md` of `folder`.
func exercise(_ text: String = smallExercise, folder: String = "/nonexistent") throws -> Exercise {
    try Exercise(lesson: LessonParser.parse(text, path: "exercise.md"), folder: folder)
}
