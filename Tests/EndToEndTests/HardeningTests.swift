import Foundation
import Testing

/// Issue 10 at the command line: nothing a user types crashes, hangs or destroys
/// a file that is not VirtLab's, and every refusal says what is wrong.
@Suite struct HardeningTests {
    static func folder() throws -> String {
        (try Binary.script("", name: "x") as NSString).deletingLastPathComponent
    }

    /// The crash sites of the issue: each is now a located error, status 1, never a signal.
    @Test(arguments: [
        "print (-5..9223372036854775807)",
        "print [range -2 9223372036854775807]",
        "host add pm1 cpus=4 mem=4G; hypervisor install pm1 kind=full; vm create a host=pm1 vcpus=9223372036854775807 mem=1G os=linux",
        "host add pm1 cpus=4 mem=4G; hypervisor install pm1 kind=full; vm create a host=pm1 vcpus=1 mem=5000000T os=linux",
        "host add pm2 cpus=1 mem=8000000T",
        "host add pm1 cpus=4 mem=4G; hypervisor install pm1 kind=para; hypervisor set pm1 batch=1e19",
        "host add pm1 cpus=4 mem=4G; hypervisor install pm1 kind=hardware; hypervisor set pm1 vm-exit=1e300",
        "print 1e999", "print (1e308 * 10)", "print (-9223372036854775808 / -1)", "print 99999999999999999999999999",
        "host add pm1 cpus=4 mem=4G; hypervisor install pm1 kind=full; vm create v host=pm1 vcpus=1 mem=1G os=linux cap=1e999%",
    ])
    func crashSitesAreErrors(_ script: String) throws {
        let r = try Binary.run(["run", try Binary.script(script + "\n")], environment: ["NO_COLOR": "1"])
        #expect(r.status == 1, "\(script): \(r.stderr)")
        #expect(r.stderr.contains(": error: "), "\(r.stderr)")
    }

    @Test(arguments: ["nan", "-1", "0"])
    func timeoutMustBePositive(_ value: String) throws {
        let r = try Binary.run(["run", "--timeout", value, try Binary.script("print 1\n")])
        #expect(r.status == 64 && r.stderr.contains("--timeout must be more than 0"), "\(r.stderr)")
    }

    @Test(arguments: ["inf", "1e300", "2e10"])
    func hugeTimeoutsAreNoTimeout(_ value: String) throws {
        let r = try Binary.run(["run", "--timeout", value, try Binary.script("print 1\n")])
        #expect(r.status == 0 && r.stdout == "1\n", "\(r.stderr)")
    }

    @Test func negativeMaxStepsIsSaidSo() throws {
        let r = try Binary.run(["run", "--max-steps", "-1", try Binary.script("print 1\n")])
        #expect(r.status == 64 && r.stderr.contains("--max-steps must be at least 1"), "\(r.stderr)")
    }

    @Test func unknownCommandsAreUsageErrors() throws {
        let frob = try Binary.run(["frobnicate"])
        #expect(frob.status == 64 && frob.stderr.contains("unknown command 'frobnicate'") && !frob.stderr.contains("virtlab repl"))
        let help = try Binary.run(["help", "bogus"])
        #expect(help.status == 64 && help.stderr.contains("unknown command 'bogus'"))
        #expect(try Binary.run(["help", "run"]).status == 0)
    }

    @Test func runDashReadsStandardInput() throws {
        let r = try Binary.run(["run", "-"], stdin: "print (6 * 7)\n")
        #expect(r.status == 0 && r.stdout == "42\n", "\(r.stderr)")
    }

    @Test func aByteOrderMarkIsSkipped() throws {
        let r = try Binary.run(["run", try Binary.script("\u{FEFF}print 1\n")])
        #expect(r.status == 0 && r.stdout == "1\n", "\(r.stderr)")
    }

    @Test func timeoutStopsLongStringWorkAndReportsRealTime() throws {
        let file = try Binary.script("let s = \"a\"\nfor i in 1..23 { let s = $s + $s }\nwhile true { let x = [contains $s \"b\"] }\n")
        let start = Date()
        let r = try Binary.run(["run", "--timeout", "1", file], environment: ["NO_COLOR": "1"])
        // The real time spent is reported beside the limit (more than 1 s on a loaded machine).
        #expect(r.status == 1 && r.stderr.contains("stopped after ") && r.stderr.contains("s (timeout 1s)"), "\(r.stderr)")
        #expect(Date().timeIntervalSince(start) < 20)
    }

    @Test func anErrorInAHugeLineIsClipped() throws {
        let line = "print " + String(repeating: "x", count: 5_000_000) + " $nosuch\n"
        let r = try Binary.run(["run", try Binary.script(line)], environment: ["NO_COLOR": "1"])
        #expect(r.status == 1)
        #expect(r.stderr.utf8.count < 10_000, "\(r.stderr.utf8.count) bytes of error")
        #expect(r.stderr.contains("unknown variable '$nosuch'") && r.stderr.contains("…"))
    }

    /// save, export and --state write through symlinks, keep permissions, and
    /// refuse what is not a regular file, saying what it is.
    @Test func savingWritesOnlyRegularFiles() throws {
        let dir = try Self.folder()
        let target = dir + "/real.json", link = dir + "/link.json"
        FileManager.default.createFile(atPath: target, contents: Data("old".utf8), attributes: [.posixPermissions: 0o600])
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "real.json")
        let save = try Binary.run(["run", try Binary.script("host add pm1 cpus=1 mem=1G\nsave \(link)\n")])
        #expect(save.status == 0, "\(save.stderr)")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == "real.json", "the symlink was replaced")
        #expect(try String(contentsOfFile: target, encoding: .utf8).contains("\"pm1\""))
        let mode = try FileManager.default.attributesOfItem(atPath: target)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        mkfifo(dir + "/fifo", 0o600)
        for (path, what) in [("/dev/null", "character device"), (dir, "directory"), (dir + "/fifo", "FIFO")] {
            let r = try Binary.run(["run", try Binary.script("save \(path)\n")], environment: ["NO_COLOR": "1"])
            #expect(r.status == 1 && r.stderr.contains("is a \(what)"), "\(path): \(r.stderr)")
        }
        let state = try Binary.run(["run", "--state", "/dev/null", try Binary.script("print 1\n")])
        #expect(state.status == 1 && state.stderr.contains("character device"), "\(state.stderr)")
        let empty = try Binary.run(["run", try Binary.script("load ''\n")], environment: ["NO_COLOR": "1"])
        #expect(empty.stderr.contains("empty path"), "\(empty.stderr)")
        let folder = try Binary.run(["run", try Binary.script("load \(dir)\n")], environment: ["NO_COLOR": "1"])
        #expect(folder.stderr.contains("is a directory"), "\(folder.stderr)")
    }

    @Test func stateThatIsAnInputIsRefused() throws {
        let script = try Binary.script("print 1\n", name: "lab.vlab")
        let before = try String(contentsOfFile: script, encoding: .utf8)
        let r = try Binary.run(["run", "--state", script, script])
        #expect(r.status == 64 && r.stderr.contains("is one of the scripts"), "\(r.stderr)")
        #expect(try String(contentsOfFile: script, encoding: .utf8) == before)
    }

    @Test func gradeOutputGoesThroughTheOneFileWriter() throws {
        let r = try Binary.run(["grade", "exercises/01-consolidation.md", try Binary.script("print 1\n"), "--output", "/dev/null"])
        #expect(r.status == 1 && r.stderr.contains("character device"), "\(r.stderr)")
    }
}
