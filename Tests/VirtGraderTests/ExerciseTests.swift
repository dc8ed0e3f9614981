import Foundation
import Testing
import VirtLessons
@testable import VirtGrader

@Suite struct ExerciseTests {
    private func problem(_ text: String) -> String? {
        do {
            _ = try Grader(exercise: exercise(text))
            return nil
        } catch let error as LessonError {
            return error.description
        } catch {
            return "\(error)"
        }
    }

    @Test func anExerciseGathersChecksSetupsReferenceAndWrongAttempts() throws {
        let e = try exercise()
        #expect(e.checks.map(\.name) == ["hypervisor", "running", "answer"])
        #expect(e.maxScore == 6 && e.hiddenPoints == 3)
        #expect(e.setups.count == 1 && e.reference.count == 2)
        // A wrong attempt is the reference with its own step's solution replaced.
        #expect(e.wrongs.map { $0.blocks.map(\.text) } == [
            ["hypervisor install pm1 kind=para", "let answer = 42"],
            ["hypervisor install pm1 kind=full\nvm create v1 host=pm1 vcpus=1 mem=1G os=linux\nvm start v1", "let answer = 41"],
        ])
    }

    @Test func whatCannotBeGradedIsRefusedWithItsLine() {
        #expect(problem(smallExercise.replacingOccurrences(of: "```check", with: "```goal"))
            == "exercise.md: error: the exercise has no checks, so nothing can be graded\nhint: add blocks like ```check placed points=3")
        #expect(problem(smallExercise.replacingOccurrences(of: "points=2", with: "points=0"))?.hasPrefix("exercise.md:12: error: check 'hypervisor' has no points") == true)
        #expect(problem(smallExercise.replacingOccurrences(of: "points=2", with: "points=1000001"))?.contains("carries more than 1,000,000 points") == true)
        #expect(problem(smallExercise.replacingOccurrences(of: "check answer", with: "check running"))?.contains("two checks are named 'running' (lines 15 and 27)") == true)
        #expect(problem(smallExercise.replacingOccurrences(of: "```solution", with: "```wrong"))?.contains("the exercise has no reference solution") == true)
        #expect(problem(smallExercise.replacingOccurrences(of: "let answer = 42", with: "let answer = 4"))?
            .hasPrefix("exercise.md:27: error: the reference solution fails its own check 'answer': the check's condition is false") == true)
        #expect(problem(smallExercise.replacingOccurrences(of: "let answer = 42", with: "vm strat"))?
            .contains("the reference solution does not run to its end: stopped at exercise.md:") == true)
        #expect(problem(smallExercise.replacingOccurrences(of: "cpus=4 mem=8G\nhost add pm2", with: "cpus=-4 mem=8G\nhost add pm2"))?
            .hasPrefix("exercise.md:8: error: the setup fails") == true)
    }

    @Test func checkFindsWrongAttemptsThatEarnFullMarksAndChecksNothingFails() throws {
        let sound = ExerciseCheck(try Grader(exercise: exercise()))
        #expect(sound.failed == 0)
        #expect(sound.lines == [
            "ok   reference solution: 6/6",
            "ok   wrong attempt at exercise.md:24: 1/6 (fails hypervisor, running)",
            "ok   wrong attempt at exercise.md:34: 5/6 (fails answer)",
            "the exercise is sound",
        ])
        // A wrong attempt that earns full marks, and so a check no wrong attempt fails.
        let lax = ExerciseCheck(try Grader(exercise: exercise(smallExercise.replacingOccurrences(of: "let answer = 41", with: "let answer = 42"))))
        #expect(lax.failed == 2)
        #expect(lax.lines[3].hasPrefix("FAIL check 'answer' at exercise.md:27: no wrong attempt makes it fail"))
        #expect(lax.lines[2] == "FAIL wrong attempt at exercise.md:34: 6/6 — it earns full marks, so the checks check too little")
    }

    @Test func checkNotesWhatAnEmptySubmissionEarns() throws {
        let text = smallExercise.replacingOccurrences(of: "let answer = 0", with: "let answer = 42")
            .replacingOccurrences(of: "let answer = 41", with: "let answer = 1")
        let found = ExerciseCheck(try Grader(exercise: exercise(text)))
        #expect(found.lines.contains("note an empty submission earns 1/6: answer holds after the setup"))
    }
}

@Suite struct ShippedExerciseTests {
    /// The exercises in exercises/ and the example in its README are sound.
    @Test(arguments: ["01-consolidation.md", "02-hypervisors.md", "03-raid-over-a-san.md", "04-departments.md", "05-a-tenant-in-the-cloud.md"])
    func theShippedExercisesAreSound(_ name: String) throws {
        let found = ExerciseCheck(try Grader(exercise: Exercise.load(repositoryRoot + "/exercises/" + name)))
        #expect(found.failed == 0, "\(found.lines.joined(separator: "\n"))")
    }

    @Test func theInstructorsGuideExampleIsSound() throws {
        let guide = try String(contentsOfFile: repositoryRoot + "/exercises/README.md", encoding: .utf8)
        let lines = guide.split(separator: "\n", omittingEmptySubsequences: false)
        let start = try #require(lines.firstIndex(of: "    ---"))
        let example = lines[start...].prefix { $0.hasPrefix("    ") || $0.isEmpty }.map { $0.dropFirst(4) }.joined(separator: "\n")
        let found = ExerciseCheck(try Grader(exercise: exercise(example)))
        #expect(found.failed == 0, "\(found.lines.joined(separator: "\n"))")
    }
}
