// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "VirtLab",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "virtlab", targets: ["virtlab"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.1.0"),
    ],
    targets: [
        // The script language: lexer, parser, evaluator, values, units, diagnostics,
        // the command registry. No I/O, knows nothing of hosts.
        .target(name: "VirtLang", swiftSettings: [
            // Measured: dynamic exclusivity checks on the interpreter's hot fields cost ~40% of bench/loop.
            .unsafeFlags(["-enforce-exclusivity=unchecked"]),
        ]),
        // The simulated virtualization core. Knows nothing of the language.
        .target(name: "VirtCore", dependencies: [
            .product(name: "Collections", package: "swift-collections"),
        ], exclude: ["README.md"]),
        // Commands as data: the only module that knows both language and core.
        .target(name: "VirtBindings", dependencies: ["VirtLang", "VirtCore"]),
        // libedit, reached through a small C shim (variadic el_set/history, stdio globals).
        .systemLibrary(name: "CLibEdit", pkgConfig: "libedit", providers: [.apt(["libedit-dev"])]),
        // The line editor: the only importer of CLibEdit.
        .target(name: "VirtLineEdit", dependencies: ["CLibEdit"]),
        // Lesson files, lesson mode, `virtlab test`.
        // The one way VirtLab writes files: atomically, only to regular files (issue 10).
        .target(name: "VirtFiles"),
        .target(name: "VirtLessons", dependencies: ["VirtLang", "VirtBindings", "VirtFiles"]),
        // `virtlab grade`: exercises, the sandbox, scores and every report format.
        .target(name: "VirtGrader", dependencies: ["VirtLessons", "VirtLang", "VirtBindings"]),
        // The command-line front end (run, check, REPL, lessons), as a library so tests can reach it.
        .target(name: "VirtCLI", dependencies: [
            "VirtLang", "VirtBindings", "VirtLineEdit", "VirtLessons", "VirtGrader", "VirtFiles",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        // Release builds link the Swift runtime and Foundation statically: loading and relocating
        // fifteen shared libraries was most of an empty run's start-up (issue 16). The modules were
        // compiled against the shared Foundation, so the static one's own libraries are named here.
        // Not position-independent: a PIE made the loader apply 84,000 relocations, touching
        // (and copying) the metadata pages of every run, 1.3 ms of a 6.9 ms empty run. No exported
        // symbols: the runtime's start-up `dladdr` scanned all 10,000 of them.
        .executableTarget(name: "virtlab", dependencies: ["VirtCLI"], linkerSettings: [
            .unsafeFlags(["-static-stdlib", "-lCoreFoundation", "-l_FoundationICU", "-l_FoundationCShims",
                          "-l_FoundationCollections", "-Xclang-linker", "-no-pie",
                          "-Xlinker", "--no-export-dynamic"], .when(configuration: .release)),
        ]),
        // bench/raid.sh's timing harness: RAID-6 parity, copy, rebuild (issue 11).
        .executableTarget(name: "RaidBench", dependencies: ["VirtCore"]),

        .testTarget(name: "VirtLangTests", dependencies: ["VirtLang"]),
        .testTarget(name: "VirtCoreTests", dependencies: ["VirtCore"]),
        .testTarget(name: "VirtBindingsTests", dependencies: ["VirtBindings", "VirtLang", "VirtCore"],
                    exclude: ["Golden", "Fixtures"]),
        .testTarget(name: "VirtLessonsTests", dependencies: ["VirtLessons", "VirtBindings", "VirtLang", "VirtFiles"]),
        .testTarget(name: "VirtGraderTests", dependencies: ["VirtGrader", "VirtLessons", "VirtBindings", "VirtLang"]),
        .testTarget(name: "EndToEndTests", dependencies: [], exclude: ["repl_pty.py", "Schemas"]),
    ]
)
