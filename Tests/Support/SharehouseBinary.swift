import Foundation

/// The `sharehouse` executable that `swift build` / `swift test` built next to the tests.
public enum SharehouseBinary {
    public static let path: String = {
        // On macOS the tests run inside an .xctest bundle; on Linux the test runner is an
        // executable in the products folder. Either way the binary is its sibling.
        let products: URL
        if let bundle = Bundle.allBundles.first(where: { $0.bundlePath.hasSuffix(".xctest") }) {
            products = bundle.bundleURL.deletingLastPathComponent()
        } else {
            products = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        }
        return products.appendingPathComponent("sharehouse").path
    }()

    /// Runs `sharehouse` with `arguments` in `directory`.
    public static func run(
        _ arguments: [String], in directory: String? = nil, environment: [String: String] = [:],
        input: String? = nil
    ) throws -> ProcessResult {
        try runProcess(path, arguments, environment: environment, input: input, currentDirectory: directory)
    }
}
