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

    /// Starts `sharehouse` with `arguments` in `directory`, waits (up to 20 s) until the
    /// file `waitFor` exists and a little more (what is written after it, such as a
    /// manifest), then kills it with SIGKILL, as a user's Ctrl-C or a scheduler's kill
    /// would stop it mid-run; true when the kill ended it (it had not finished or failed
    /// first). Its output goes to `log` when given.
    public static func killed(
        _ arguments: [String], in directory: String? = nil, environment: [String: String] = [:], log: String? = nil,
        once waitFor: String
    ) throws -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        var output = FileHandle.nullDevice
        if let log {
            _ = FileManager.default.createFile(atPath: log, contents: nil)
            output = try FileHandle(forWritingTo: URL(fileURLWithPath: log))
        }
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let deadline = Date().addingTimeInterval(20)
        while !FileManager.default.fileExists(atPath: waitFor), Date() < deadline { usleep(20_000) }
        usleep(200_000)
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        return process.terminationReason == .uncaughtSignal
    }
}
