import Foundation

/// `hub_server.py`, the loopback stand-in for the Hub's `/api/models`, started by a test
/// and stopped when the value goes away: nothing runs outside the tests that need it.
public final class HubServer: @unchecked Sendable {
    // @unchecked: every property is set once in init; Process is only told to terminate.
    public let port: Int
    public let logPath: String
    private let process: Process

    /// Starts the server with `arguments` (`--pages`, `--per-page`, `--fault N=KIND`,
    /// `--delay PAGE=SECONDS`), logging requests to `log`, and waits for its port.
    public init(_ arguments: [String], log: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", Repository.path("Tests/Support/hub_server.py"), "--log", log] + arguments
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        // The first line is the port; reading byte by byte leaves the pipe for nothing else.
        var line = Data()
        while let byte = try output.fileHandleForReading.read(upToCount: 1), let first = byte.first, first != UInt8(ascii: "\n") {
            line.append(first)
        }
        guard let port = Int(String(decoding: line, as: UTF8.self)) else {
            process.terminate()
            throw CocoaError(.fileReadCorruptFile)
        }
        self.port = port
        self.logPath = log
        self.process = process
    }

    deinit {
        // SIGKILL, and no waitUntilExit (which spins a run loop, and hangs on a test's
        // cooperative thread): the server holds nothing that needs a clean stop.
        kill(process.processIdentifier, SIGKILL)
    }

    public var endpoint: String { "http://127.0.0.1:\(port)" }

    /// The requests served so far, one JSON object each.
    public func requests() throws -> [[String: Any]] {
        guard FileManager.default.fileExists(atPath: logPath) else { return [] }
        return try String(contentsOfFile: logPath, encoding: .utf8).split(separator: "\n").map {
            try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] ?? [:]
        }
    }
}
