// swift-tools-version: 6.0
// A program that embeds Sharehouse as any other package would: README.md's "Embedding the
// library" is this package, with the path dependency below written as a versioned URL.
// CI builds it and runs it (Scripts/check-example.sh), so a change that breaks the public
// API or the example's output fails there.
import PackageDescription

let package = Package(
    name: "Embedding",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "Sharehouse", path: "../..")
    ],
    targets: [
        .executableTarget(name: "Embedding", dependencies: [.product(name: "Sharehouse", package: "Sharehouse")])
    ]
)
