// swift-tools-version: 6.0
import Foundation
import PackageDescription

// A path dependency is named after its folder, which is whatever the clone is called.
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
let rootPackage = root.lastPathComponent

// libFuzzer targets for the parsers: a package of its own, like Benchmarks/, so that it is
// built and run on demand (Scripts/fuzz.sh) and never with the tests.
//
// Each target is one file with `@_cdecl("LLVMFuzzerTestOneInput")` and an `@main` that
// hands it to libFuzzer's driver (`LLVMFuzzerRunDriver`, linked in by `-sanitize=fuzzer`):
// SwiftPM on Linux links executables with `--defsym main=<module>_main`, so a target must
// have an entry point of its own rather than use libFuzzer's `main`.
// Scripts/fuzz.sh builds the package in release mode with
// `-Xswiftc -sanitize=fuzzer,address -Xswiftc -enable-testing`: the sanitizers apply to
// every Swift module (the library included, so libFuzzer sees its coverage), and
// `-enable-testing` lets the targets `@testable import Sharehouse` to reach the parsers
// that are internal (`CSVReader`, `JSONParser`, `NameNormalizer.fastPath`...).
let targets = [
    "csv-import", "json-import", "ndjson-import", "csv-reader", "json-parser", "period-parse", "value-parse", "name-normalize",
]

let package = Package(
    name: "SharehouseFuzz",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(path: ".."),
    ],
    targets: [
        // The declaration of libFuzzer's driver.
        .target(name: "CFuzzerDriver", path: "Sources/CFuzzerDriver"),
        // What the targets share: the invariant check that crashes, the import harness.
        .target(
            name: "FuzzSupport",
            dependencies: ["CFuzzerDriver",
                           .product(name: "Sharehouse", package: rootPackage),
                           .product(name: "SharehouseDB", package: rootPackage)],
            path: "Sources/FuzzSupport",
            swiftSettings: [.enableUpcomingFeature("ExistentialAny")]
        ),
    ] + targets.map { name in
        .executableTarget(
            name: name,
            dependencies: ["FuzzSupport",
                           .product(name: "Sharehouse", package: rootPackage),
                           .product(name: "SharehouseDB", package: rootPackage)],
            path: "Sources/\(name)",
            swiftSettings: [.enableUpcomingFeature("ExistentialAny")]
        )
    },
    swiftLanguageModes: [.v6]
)
