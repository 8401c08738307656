// swift-tools-version: 6.0
import Foundation
import PackageDescription

// A path dependency is named after its folder, which is whatever the clone is called.
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
let rootPackage = root.lastPathComponent

// The benchmark harness: a package of its own, so that it is built and run on demand
// (Benchmarks/run.sh) and never with the tests. It measures the `sharehouse` binary and
// the library against raw SQLite doing the same work, in the same run.
let package = Package(
    name: "SharehouseBenchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(path: ".."),
    ],
    targets: [
        // The baselines, in C straight on libsqlite3: what the work costs without us.
        .executableTarget(name: "raw-insert", path: "Sources/RawInsert", linkerSettings: [.linkedLibrary("sqlite3")]),
        .executableTarget(name: "raw-query", path: "Sources/RawQuery", linkerSettings: [.linkedLibrary("sqlite3")]),
        .executableTarget(
            name: "raw-listing-insert", path: "Sources/RawListingInsert", linkerSettings: [.linkedLibrary("sqlite3")]),
        .executableTarget(
            name: "sharehouse-bench",
            dependencies: [.product(name: "Sharehouse", package: rootPackage),
                           .product(name: "SharehouseDB", package: rootPackage)],
            path: "Sources/ShareBench",
            swiftSettings: [.enableUpcomingFeature("ExistentialAny")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
