// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "overlapped",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "overlapped", targets: ["overlapped"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.1.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    ],
    targets: [
        // Flat, byte-addressed little-endian memory: the VM runs programs in it
        // and the kernel writes I/O results into it.
        .target(name: "SimMemory"),
        // The deterministic simulated NT kernel. Knows nothing of C or terminals.
        .target(
            name: "SimKernel",
            dependencies: [
                "SimMemory",
                .product(name: "HeapModule", package: "swift-collections"),
                .product(name: "DequeModule", package: "swift-collections"),
            ]),
        // Scripted thread bodies for kernel tests.
        .target(name: "SimKernelTestSupport", dependencies: ["SimKernel", "SimMemory"]),
        // The one scripted stand-in for a program run, for the tests of
        // everything above SimRuntime (lessons, app).
        .target(name: "SimulationTestSupport", dependencies: ["SimKernel", "SimRuntime"]),
        // The Win32 C dialect: preprocessor, parser, checker, compiler, VM.
        // The speed of the VM's dispatch loop depends on where its function
        // starts in memory: functions of the VM and of the runtime that
        // specializes it start on 64-byte lines in release builds, so
        // unrelated code cannot move it (bench/README.md, "Where the code's
        // shape comes from").
        .target(name: "Win32C", dependencies: ["SimMemory"], exclude: ["README.md"],
                swiftSettings: [.unsafeFlags(["-Xllvm", "-align-all-functions=6"], .when(configuration: .release))]),
        // The glue: Win32 library bound to kernel services, pragmas, runs.
        .target(name: "SimRuntime", dependencies: ["SimKernel", "SimMemory", "Win32C"], exclude: ["README.md"],
                swiftSettings: [.unsafeFlags(["-Xllvm", "-align-all-functions=6"], .when(configuration: .release))]),
        // Lesson model, parser, runner and progress store.
        .target(
            name: "LessonKit",
            dependencies: ["SimRuntime", "SimKernel", .product(name: "Yams", package: "Yams")],
            plugins: ["EmbedLessons"]),
        // Builds the Swift source that compiles Lessons/ into LessonKit.
        .executableTarget(name: "LessonEmbedder"),
        .plugin(name: "EmbedLessons", capability: .buildTool(), dependencies: ["LessonEmbedder"]),
        // Pure terminal drawing: cells, grids, layout, widgets, diffing.
        .target(name: "TUI"),
        // App state, actions, update and view: the whole UI without a terminal.
        .target(name: "AppCore", dependencies: ["TUI", "SimKernel", "SimRuntime", "LessonKit"]),
        .systemLibrary(
            name: "CNcurses",
            // No pkgConfig: SwiftPM would drop its -D_XOPEN_SOURCE flags with a
            // warning anyway; the shim defines what it needs.
            providers: [.apt(["libncurses-dev"]), .brew(["ncurses"])]),
        // The only code that calls ncurses.
        .target(name: "TerminalBackend", dependencies: ["CNcurses", "TUI"]),
        // `overlapped bench`: the workloads and how they are measured.
        .target(name: "OverlappedBench", dependencies: ["SimKernel", "SimMemory", "SimRuntime", "AppCore"]),
        .executableTarget(
            name: "overlapped",
            dependencies: [
                "SimRuntime", "SimKernel", "SimMemory", "Win32C", "LessonKit", "TUI", "AppCore", "TerminalBackend", "OverlappedBench",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        .testTarget(name: "SimKernelTests", dependencies: ["SimKernel", "SimKernelTestSupport", "SimMemory"]),
        .testTarget(name: "Win32CTests", dependencies: ["Win32C", "SimMemory"], resources: [.copy("Fixtures")]),
        .testTarget(name: "SimRuntimeTests", dependencies: ["SimRuntime", "SimKernel", "Win32C"], exclude: ["Golden", "Corpus", "Misuse"]),
        .testTarget(name: "LessonEmbedderTests", dependencies: ["LessonEmbedder"]),
        .testTarget(name: "LessonKitTests", dependencies: ["LessonKit", "SimRuntime", "SimKernel", "SimulationTestSupport"]),
        .testTarget(name: "TUITests", dependencies: ["TUI"]),
        .testTarget(name: "AppCoreTests", dependencies: ["AppCore", "TUI", "LessonKit", "SimRuntime", "SimKernel", "SimulationTestSupport"],
                    exclude: ["Golden"]),
        .testTarget(name: "OverlappedCLITests", dependencies: []),
    ]
)
