// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "voc",
    products: [
        .executable(name: "voc", targets: ["voc"]),
        .library(name: "VocKit", targets: ["VocCore", "VocIngest", "VocText", "VocScore", "VocStore", "VocPipeline", "VocReport", "VocHealth"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
    ],
    targets: [
        .target(name: "VocCore"),
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        .target(name: "VocIngest", dependencies: [
            "VocCore", "CLibXML2",
            .product(name: "Logging", package: "swift-log"),
        ]),
        .target(name: "VocText", dependencies: ["VocCore"]),
        .target(name: "VocScore", dependencies: ["VocCore", "VocText"]),
        .target(name: "CSQLiteTuning", linkerSettings: [.linkedLibrary("sqlite3")]),
        .target(name: "VocStore", dependencies: [
            "VocCore", "CSQLiteTuning",
            .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "GRDBSQLite", package: "GRDB.swift"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        .target(name: "VocPostgres", dependencies: [
            "VocCore", "VocStore",
            .product(name: "PostgresNIO", package: "postgres-nio"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        .target(name: "VocPipeline", dependencies: ["VocCore", "VocIngest", "VocScore", "VocStore"]),
        .target(name: "VocHealth", dependencies: ["VocCore", .product(name: "Yams", package: "Yams")]),
        .target(name: "VocReport", dependencies: ["VocCore", "VocScore", "VocStore", "VocHealth"]),
        .target(name: "VocServer", dependencies: [
            "VocCore", "VocReport", "VocStore", "VocHealth", "VocScore",
            .product(name: "Hummingbird", package: "hummingbird"),
        ]),
        .target(name: "VocCLI", dependencies: [
            "VocCore", "VocIngest", "VocText", "VocScore", "VocStore", "VocPipeline", "VocPostgres", "VocReport", "VocHealth", "VocServer",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        .executableTarget(name: "voc", dependencies: ["VocCLI"]),
        .target(name: "VocFuzzing", dependencies: ["VocCore", "VocIngest", "VocScore", "VocReport"]),
        .executableTarget(name: "voc-fuzz", dependencies: ["VocFuzzing"]),
        .target(name: "VocTestSupport", dependencies: ["VocCore"]),

        .testTarget(name: "VocCoreTests", dependencies: ["VocCore", "VocTestSupport"]),
        .testTarget(name: "VocIngestTests", dependencies: ["VocIngest", "VocTestSupport"]),
        .testTarget(name: "VocTextTests", dependencies: ["VocText", "VocTestSupport"]),
        .testTarget(name: "VocScoreTests", dependencies: ["VocScore", "VocText", "VocTestSupport"]),
        .testTarget(name: "VocHealthTests", dependencies: ["VocHealth", "VocTestSupport"]),
        .testTarget(name: "VocReportTests", dependencies: ["VocReport", "VocScore", "VocCore", "VocTestSupport"]),
        .testTarget(name: "VocStoreTests", dependencies: [
            "VocStore", "VocIngest", "VocPipeline", "VocScore", "VocTestSupport", .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        .testTarget(name: "VocServerTests", dependencies: [
            "VocServer", "VocReport", "VocStore", "VocIngest", "VocPipeline", "VocTestSupport",
            .product(name: "HummingbirdTesting", package: "hummingbird"),
        ]),
        .testTarget(name: "VocFuzzingTests", dependencies: ["VocFuzzing", "VocTestSupport"]),
        .testTarget(name: "VocCLITests", dependencies: ["voc", "VocCLI", "VocStore", "VocReport", "VocTestSupport", "VocPostgres", .product(name: "GRDB", package: "GRDB.swift"),
                                                              .product(name: "PostgresNIO", package: "postgres-nio")]),
    ]
)

/// One set of compiler settings for every target: Swift 6 mode with strict concurrency.
let swiftSettings: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]
for target in package.targets where target.type != .system && target.name != "CSQLiteTuning" {
    target.swiftSettings = (target.swiftSettings ?? []) + swiftSettings
}
