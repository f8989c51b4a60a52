// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Pathways",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "pathways", targets: ["PathwaysCLI"]),
        .library(name: "PathwaysEngine", targets: ["PathwaysEngine"]),
        .executable(name: "pathways-bench", targets: ["PathwaysBench"]),
        .executable(name: "pathways-fuzz", targets: ["PathwaysFuzz"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
    ],
    targets: [
        // The decision-tree engine: content model, loading, checking, conditions, sessions, assessment.
        .target(name: "PathwaysEngine", dependencies: ["CLibYAML", .product(name: "Crypto", package: "swift-crypto")]),
        // libyaml from Debian, whose events the engine composes into located nodes itself.
        .systemLibrary(name: "CLibYAML", providers: [.apt(["libyaml-dev"])]),
        // The shipped content bundle, embedded as a package resource.
        .target(
            name: "ShippedContent",
            path: ".",
            exclude: ["Sources/PathwaysEngine", "Sources/PathwaysCLI", "Sources/PathwaysUI", "Sources/CursesShim", "Sources/CNcursesw", "Sources/CLibYAML", "Sources/CProcessGuard", "Sources/PathwaysStore", "Sources/PathwaysBench", "Sources/PathwaysFuzz", "Tests", "Scripts", "docs", "README.md", "BENCHMARKS.md"],
            sources: ["Sources/ShippedContent"],
            resources: [.copy("Content")]
        ),
        // Process hygiene the Swift runtime cannot do itself: no backtracer, no core dumps, secrets in locked memory.
        .target(name: "CProcessGuard"),
        // Case records: an encrypted SQLite store that hangs off the session, never inside the engine.
        .target(
            name: "PathwaysStore",
            dependencies: [
                "PathwaysEngine", "CProcessGuard",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "CryptoExtras", package: "swift-crypto"),
            ]
        ),
        // ncursesw from Debian, linked as a system library.
        .systemLibrary(name: "CNcursesw", providers: [.apt(["libncursesw5-dev"])]),
        // The few curses calls Swift cannot make directly (macros, globals, signal handling).
        .target(name: "CursesShim", dependencies: ["CNcursesw"], linkerSettings: [.linkedLibrary("ncursesw")]),
        // The terminal UI: pure state, screens and frames, plus the ncurses and plain line backends.
        .target(name: "PathwaysUI", dependencies: ["PathwaysEngine", "CursesShim"]),
        .executableTarget(
            name: "PathwaysCLI",
            dependencies: [
                "PathwaysEngine", "ShippedContent", "PathwaysUI", "PathwaysStore", "CProcessGuard",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The libFuzzer target of Scripts/fuzz (a stub in ordinary builds).
        .executableTarget(name: "PathwaysFuzz", dependencies: ["PathwaysEngine"]),
        // Timings for Scripts/bench (not shipped to caseworkers).
        .executableTarget(name: "PathwaysBench", dependencies: ["PathwaysEngine", "PathwaysUI"]),
        // Helpers shared by the test targets (a seeded random generator).
        .target(name: "PathwaysTestSupport", path: "Tests/PathwaysTestSupport"),
        .testTarget(
            name: "PathwaysEngineTests",
            dependencies: ["PathwaysEngine", "PathwaysTestSupport"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "PathwaysUITests",
            dependencies: ["PathwaysUI", "PathwaysEngine", "PathwaysTestSupport"],
            exclude: ["Frames"]
        ),
        .testTarget(
            name: "PathwaysStoreTests",
            dependencies: ["PathwaysStore", "PathwaysEngine", "PathwaysTestSupport", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        // Runs the real `pathways` binary, as a content editor or a script would.
        .testTarget(
            name: "PathwaysCLITests",
            dependencies: ["PathwaysCLI", "PathwaysEngine", "PathwaysStore", "PathwaysTestSupport"]
        ),
    ]
)
