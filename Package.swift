// swift-tools-version: 6.0
import PackageDescription

/// Upcoming features that every target builds with, so the whole package keeps one dialect.
let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "Sharehouse",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "Sharehouse", targets: ["Sharehouse"]),
        .library(name: "SharehouseDB", targets: ["SharehouseDB"]),
        .library(name: "SharehouseReports", targets: ["SharehouseReports"]),
        .library(name: "SharehouseHub", targets: ["SharehouseHub"]),
        .executable(name: "sharehouse", targets: ["SharehouseCLI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
        // `swift package generate-documentation` (Scripts/docs.sh); a command plugin, never linked.
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.4.0"),
    ],
    targets: [
        // The system SQLite, linked through one uniquely named module so that it never
        // collides with another package's `SQLite3` or `CSQLite`.
        .systemLibrary(
            name: "SharehouseSQLite3",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"]), .brew(["sqlite"])]
        ),
        .target(
            name: "SharehouseDB",
            dependencies: [
                "SharehouseSQLite3",
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "Sharehouse",
            dependencies: [
                "SharehouseDB",
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strictSettings
        ),
        // Every rendering of the library's results: text tables, Markdown, CSV/TSV/JSON,
        // SVG charts, HTML pages, in English or Arabic. Sharehouse keeps the data.
        .target(
            name: "SharehouseReports",
            dependencies: ["Sharehouse", "SharehouseDB"],
            swiftSettings: strictSettings
        ),
        // The Hub's model listing fetched into a folder of pages. A module of its own so that
        // FoundationNetworking (URLSession on Linux, a large import on libcurl) reaches only the
        // CLI; it needs no warehouse, so it depends on SharehouseDB (version, errors), not
        // Sharehouse: the pages it writes meet the listing importer as files.
        .target(
            name: "SharehouseHub",
            dependencies: [
                "SharehouseDB",
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "SharehouseCLI",
            dependencies: [
                "Sharehouse",
                "SharehouseReports",
                "SharehouseHub",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictSettings
        ),
        // Helpers the test targets share: temporary folders, the repository's paths,
        // running the built `sharehouse` binary. Not part of any product.
        .target(
            name: "SharehouseTestSupport",
            dependencies: ["SharehouseDB"],
            path: "Tests/Support",
            // The loopback stand-in for the Hub the fetch tests start (HubServer).
            exclude: ["hub_server.py"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "SharehouseDBTests",
            dependencies: ["SharehouseDB", "SharehouseTestSupport"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "SharehouseTests",
            dependencies: ["Sharehouse", "SharehouseDB", "SharehouseTestSupport"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "SharehouseReportsTests",
            dependencies: ["SharehouseReports", "Sharehouse", "SharehouseDB", "SharehouseTestSupport"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "SharehouseHubTests",
            dependencies: ["SharehouseHub", "SharehouseTestSupport", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "SharehouseCLITests",
            dependencies: ["SharehouseCLI", "Sharehouse", "SharehouseReports", "SharehouseDB", "SharehouseTestSupport"],
            swiftSettings: strictSettings
        ),
    ],
    swiftLanguageModes: [.v6]
)
