import Foundation
import Testing
@testable import VirtLessons

/// Lesson mode driven line by line, as piped input drives it.
@Suite struct LessonSessionTests {
    let progressPath: String
    let sample: Lesson

    init() throws {
        progressPath = try temporaryFolder() + "/virtlab/progress.json"
        sample = try lesson("""
            Intro.
            ## Step 1 — Sizes
            Store 8G in size.
            \(block("goal $size is 8G", "[type $size] == size and $size == 8G"))\
            \(block("hint", "Sizes have units."))\
            \(block("hint", "let size = 8G"))\
            \(block("solution", "let size = 8G"))\
            \(block("wrong", "let size = 8"))\
            ## Step 2 — Doubling
            \(block("vlab setup", "let base = 2"))\
            \(block("vlab example", "print $base"))\
            \(block("goal $twice is twice $size", "expect $twice == 2 * $size"))\
            \(block("goal $base is still 2", "$base == 2"))\
            \(block("solution", "let twice = 2 * $size"))\
            \(block("wrong", "let twice = $size"))
            """, id: "07-sample")
    }

    /// A session whose output is gathered in `transcript`.
    func open(_ transcript: Lines) -> LessonSession {
        let store = ProgressStore(path: progressPath) { transcript.add("warn: " + $0) }
        let session = LessonSession(lesson: sample, store: store, out: transcript.add, err: { transcript.add("err: " + $0) })
        session.open()
        return session
    }

    /// Feeds lines, returning only what they printed.
    func feed(_ session: LessonSession, _ transcript: Lines, _ lines: String...) -> String {
        let before = transcript.all.count
        lines.forEach(session.feed)
        return transcript.all.dropFirst(before).joined(separator: "\n")
    }

    @Test func aTranscript() throws {
        let transcript = Lines()
        let session = open(transcript)
        #expect(transcript.text.contains("── Step 1 of 2: Sizes ──\n\nStore 8G in size.\n\nGoal: $size is 8G"))
        #expect(session.prompt == "07-sample 1/2> ")

        #expect(feed(session, transcript, "let size = 8") == "")
        #expect(feed(session, transcript, "hint") == "Hint 1 of 2: Sizes have units.")
        #expect(feed(session, transcript, "goals") == "✗ $size is 8G — not yet")
        let done = feed(session, transcript, "let size = 8G")
        #expect(done.hasPrefix("✓ Step 1 done: $size is 8G.\n\n── Step 2 of 2: Doubling ──"))
        #expect(session.prompt == "07-sample 2/2> ")
        #expect(feed(session, transcript, "progress").contains("✓ 1 Sizes\n  ▸ 2 Doubling  ← you are here"))

        // A new session (a restart of the program) resumes at step 2 with step 1's state replayed.
        let later = Lines()
        let resumed = open(later)
        #expect(later.text.contains("Welcome back: picking up at step 2."))
        #expect(resumed.prompt == "07-sample 2/2> ")
        #expect(feed(resumed, later, "print $size $base") == "8G 2")
        #expect(feed(resumed, later, "progress").hasPrefix("Test (07-sample): in progress (1 of 2 steps)"))
    }

    @Test func goalsAreAnnouncedOneByOneAndTheLessonEnds() {
        let transcript = Lines()
        let session = open(transcript)
        _ = feed(session, transcript, "skip")
        #expect(feed(session, transcript, "run") == "» print $base\n2")
        #expect(feed(session, transcript, "let base = 3") == "")
        #expect(feed(session, transcript, "let twice = 16G") == "✓ $twice is twice $size")
        let end = feed(session, transcript, "let base = 2")
        #expect(end.hasPrefix("✓ Step 2 done"))
        #expect(end.contains("Lesson 07-sample complete."))
        #expect(session.prompt == "07-sample done> ")
        #expect(feed(session, transcript, "progress").hasPrefix("Test (07-sample): done (1 skipped)"))
        #expect(feed(session, transcript, "hint 1", "hint 1").hasSuffix("Hint 2 of 2: let size = 8G"))
    }

    @Test func statementsContinueOverLines() {
        let transcript = Lines()
        let session = open(transcript)
        _ = feed(session, transcript, "if true {")
        #expect(session.prompt.hasSuffix("...> "))
        #expect(feed(session, transcript, "let size = 8G", "}").hasPrefix("✓ Step 1 done"))
    }

    @Test func solutionIsMarkedAndBackAndRestartRebuildTheState() throws {
        let transcript = Lines()
        let session = open(transcript)
        #expect(feed(session, transcript, "solution") == "A solution for step 1:\n    let size = 8G")
        let store = ProgressStore(path: progressPath) { _ in }
        #expect(try store.progress(of: "07-sample").revealed == [1])
        _ = feed(session, transcript, "let size = 8G", "let twice = 1G", "back")
        #expect(session.prompt == "07-sample 1/2> ")
        #expect(feed(session, transcript, "print [contains [keys [list]] x]", "goals").hasSuffix("✗ $size is 8G — not yet (unknown variable '$size')"))
        _ = feed(session, transcript, "skip", "restart")
        #expect(session.prompt == "07-sample 1/2> ")
        #expect(try store.progress(of: "07-sample").isFinished(1))
        #expect(feed(session, transcript, "back") == "This is the first step.")
    }

    /// Issue 9, 4.2 and 4.3: `run` prints what the REPL prints for each statement;
    /// `help` lists the lesson commands; `help restart` explains both restarts.
    @Test func runPrintsEveryStatementAndHelpListsLessonCommands() throws {
        let transcript = Lines()
        let language = try LessonLibrary.load(repositoryRoot + "/lessons/00-the-language.md")
        let store = ProgressStore(path: progressPath) { transcript.add("warn: " + $0) }
        let session = LessonSession(lesson: language, store: store, out: transcript.add, err: { transcript.add("err: " + $0) })
        session.open()
        _ = feed(session, transcript, "skip", "skip")
        #expect(feed(session, transcript, "run").hasSuffix("true\n8.59s\n60"))
        let help = feed(session, transcript, "help")
        #expect(help.contains("Lesson commands (a whole line each):"))
        for word in LessonCommand.words { #expect(help.contains("\n  \(word)"), "\(word)") }
        #expect(feed(session, transcript, "help restart")
            == "  restart step  this step again, from its starting state\n  restart       the whole lesson again, from step 1")
    }

    /// Issue 9, 4.5 and 4.1: after `run`, the hint's own command still works, and an
    /// example's error names the lesson file's own line.
    @Test func examplesNeitherTakeTheHintsNamesNorHideTheirLines() throws {
        let transcript = Lines()
        let why = try LessonLibrary.load(repositoryRoot + "/lessons/02-why-virtualize.md")
        let store = ProgressStore(path: progressPath) { transcript.add("warn: " + $0) }
        let session = LessonSession(lesson: why, store: store, out: transcript.add, err: { transcript.add("err: " + $0) })
        session.open()
        _ = feed(session, transcript, "skip", "skip")
        #expect(feed(session, transcript, "run").hasSuffix("failed killed"))
        let hinted = feed(session, transcript, "app run oops on=labvm kind=panic")
        #expect(!hinted.contains("err:"), "\(hinted)")
        #expect(hinted.contains("✓ Step 3 done"))

        let broken = try lesson("## One\nText.\n" + block("vlab example", "print 1\nvm info nothere") + block("goal g", "$x == 1")
                                + block("solution", "let x = 1") + block("wrong", "let x = 2"))
        let lines = Lines()
        let other = LessonSession(lesson: broken, store: store, out: lines.add, err: { lines.add("err: " + $0) })
        other.open()
        #expect(feed(other, lines, "run").contains("err: test.md:9:"))
    }

    @Test func errorsGoToTheErrorStream() {
        let transcript = Lines()
        let session = open(transcript)
        #expect(feed(session, transcript, "let x = 4G + 1s").hasPrefix("err: <lesson>:1:9: error: cannot add a size and a time"))
        #expect(feed(session, transcript, "hint 9") == "There is no step 9; this lesson has steps 1 to 2.")
    }
}
