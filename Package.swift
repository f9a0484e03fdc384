// swift-tools-version:6.0
import PackageDescription

/// The engine and the domain are compiled optimized in debug builds too. The tests plan and render thousands of
/// territories in-process (the planning invariants: 2,000 generated profiles) and run the real program a few hundred
/// times; unoptimized, that was most of `swift test`'s time (the invariants alone: 179 s of CPU, 47 s optimized). The
/// cost is a slower first build of these two modules (a fresh `swift build --build-tests`: 228 → 338 s on 2 cores);
/// the command line, the web layer and the tests stay unoptimized and debuggable, and release builds are unchanged.
let optimizedInDebug: [SwiftSetting] = [.unsafeFlags(["-O"], .when(configuration: .debug))]

let package = Package(
    name: "MandatSante",
    products: [
        .executable(name: "mandat-sante", targets: ["mandat-sante"]),
        .library(name: "RuleKit", targets: ["RuleKit"]),
        .library(name: "MandatSante", targets: ["MandatSante"]),
    ],
    targets: [
        // Generic rule engine: JSON with positions, condition language, vocabulary, diagnostics.
        .target(name: "RuleKit", swiftSettings: optimizedInDebug),
        // The domain: profiles, recommendations, planner, mandate calendar, renderers.
        .target(name: "MandatSante", dependencies: ["RuleKit"], swiftSettings: optimizedInDebug),
        // A small HTTP/1.1 server on the loopback address, on the platform's sockets; knows nothing of health.
        .target(name: "LoopbackHTTP"),
        // The local web application: pages in French over the domain, served by LoopbackHTTP.
        .target(name: "MandatSanteWeb", dependencies: ["MandatSante", "RuleKit", "LoopbackHTTP"]),
        // The command line as a testable library: arguments, subcommands, exit codes, file I/O.
        .target(name: "MandatSanteCLI", dependencies: ["MandatSante", "RuleKit", "MandatSanteWeb", "LoopbackHTTP"]),
        .executableTarget(name: "mandat-sante", dependencies: ["MandatSanteCLI"]),
        // Realistic territories drawn from the vocabulary with a fixed seed, and Rules/ read from disk: what the
        // benchmark and the planning invariant tests share.
        .target(name: "ProfileGeneration", dependencies: ["MandatSante", "RuleKit"]),
        // Benchmark of the planner on generated profiles (`bench/run.sh`); reads Rules/ itself, no CLI.
        .executableTarget(name: "mandat-sante-bench", dependencies: ["MandatSante", "RuleKit", "ProfileGeneration"]),
        // What the engine's tests and the wording's tests share: a small vocabulary, seeded randomness, helpers.
        .target(name: "EngineTestSupport", dependencies: ["RuleKit"], path: "Tests/EngineTestSupport"),
        .testTarget(name: "RuleKitTests", dependencies: ["RuleKit", "EngineTestSupport"]),
        .testTarget(name: "MandatSanteTests", dependencies: ["MandatSante", "RuleKit", "EngineTestSupport", "ProfileGeneration"]),
        .testTarget(name: "LoopbackHTTPTests", dependencies: ["LoopbackHTTP"]),
        .testTarget(name: "MandatSanteWebTests", dependencies: ["MandatSanteWeb", "MandatSante", "RuleKit", "LoopbackHTTP"]),
        .testTarget(name: "MandatSanteCLITests", dependencies: ["MandatSanteCLI", "mandat-sante"]),
    ]
)
