import Foundation
import Sharehouse
import SharehouseReports
import SharehouseTestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `sharehouse datasette-metadata`, and the warehouse opened in a real Datasette with it.
@Suite("Datasette")
struct DatasetteCLITests {
    let directory: TemporaryDirectory
    var database: String { directory.file("sharehouse.sqlite") }

    init() throws {
        directory = try TemporaryDirectory("datasette-cli")
    }

    func run(_ arguments: String...) throws -> ProcessResult {
        try SharehouseBinary.run(arguments, in: directory.path)
    }

    func importFixtures() throws {
        let imported = try SharehouseBinary.run(["import", "--db", database] + Repository.fixtureFiles, in: directory.path)
        try #require(imported.status == 0, "\(imported.stderr)")
    }

    @Test func writesTheMetadataOfTheWarehouseItIsGiven() throws {
        try importFixtures()
        let written = try run("datasette-metadata", "--db", database)
        #expect(written.status == 0, "\(written.stderr)")
        #expect(written.stderr.isEmpty)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(written.stdout.utf8)) as? [String: Any])
        let databases = try #require(document["databases"] as? [String: Any])
        #expect(Array(databases.keys) == ["sharehouse"], "named as Datasette names sharehouse.sqlite")
        let tables = try #require((databases["sharehouse"] as? [String: Any])?["tables"] as? [String: Any])
        #expect(tables["reported_figures"] != nil && tables["listing_models"] != nil)

        let renamed = try run("--db", database, "datasette-metadata", "--database-name", "shares", "--about-url", "https://example.org/")
        #expect(renamed.status == 0)
        let other = try #require(try JSONSerialization.jsonObject(with: Data(renamed.stdout.utf8)) as? [String: Any])
        #expect((other["databases"] as? [String: Any])?.keys.first == "shares")
        #expect(other["about_url"] as? String == "https://example.org/")
        #expect(renamed.stdout.contains("\"/shares/citations\""))
    }

    @Test func aMissingWarehouseIsNotCreated() throws {
        let missing = try run("datasette-metadata", "--db", directory.file("nowhere.sqlite"))
        #expect(missing.status == 66)
        #expect(missing.stdout.isEmpty)
        #expect(missing.stderr.contains("no warehouse at"))
        #expect(!FileManager.default.fileExists(atPath: directory.file("nowhere.sqlite")))
    }

    /// Starts Datasette on loopback with the metadata, reads a view and a canned query
    /// through its JSON API and a table's page, then stops it. Datasette comes from PyPI
    /// into a virtual environment under .build (kept for the next run); where it cannot
    /// be had (no python3 -m venv, no network), the test says so and skips.
    @Test(.timeLimit(.minutes(5)))
    func datasetteServesTheWarehouseWithItsMetadata() throws {
        guard let python = try DatasetteEnvironment.python() else { return }
        try importFixtures()
        let written = try run("datasette-metadata", "--db", database)
        try #require(written.status == 0)
        let metadataFile = try directory.write("metadata.json", written.stdout)

        let port = try DatasetteEnvironment.freePort(python)
        let log = directory.file("datasette.log")
        _ = FileManager.default.createFile(atPath: log, contents: nil)
        let server = Process()
        // Through python, which clears the signal mask the test runner's thread passes on
        // (SIGTERM blocked, so terminate() would never stop the server), then is Datasette.
        server.executableURL = URL(fileURLWithPath: python)
        server.arguments = [
            "-c", "import os, signal, sys; signal.pthread_sigmask(signal.SIG_SETMASK, []); os.execv(sys.argv[1], sys.argv[1:])",
            DatasetteEnvironment.bin("datasette"), "serve", database, "--metadata", metadataFile,
            "--host", "127.0.0.1", "--port", String(port),
        ]
        server.currentDirectoryURL = URL(fileURLWithPath: directory.path)
        let output = try FileHandle(forWritingTo: URL(fileURLWithPath: log))
        server.standardOutput = output
        server.standardError = output
        server.standardInput = FileHandle.nullDevice
        try server.run()
        defer {
            // Stopped: SIGTERM, and SIGKILL if it is still there 10 s later.
            if server.isRunning { server.terminate() }
            for _ in 0..<100 where server.isRunning { Thread.sleep(forTimeInterval: 0.1) }
            if server.isRunning { kill(server.processIdentifier, SIGKILL) }
            server.waitUntilExit()
            try? output.close()
        }

        let base = "http://127.0.0.1:\(port)"
        // Up when it answers; at most 60 s.
        var served: [String: Any]?
        for _ in 0..<120 where served == nil && server.isRunning {
            served = try? DatasetteEnvironment.json(python, base + "/-/metadata.json")
            if served == nil { Thread.sleep(forTimeInterval: 0.5) }
        }
        var serverLog: String { (try? String(contentsOfFile: log, encoding: .utf8)) ?? "" }
        let metadata = try #require(served, "Datasette did not answer on \(base): \(serverLog)")
        #expect(metadata["title"] as? String == "Sharehouse: open-AI-model download shares by country, cited")

        // A view, filtered and sorted through the JSON API.
        let view = try DatasetteEnvironment.json(
            python, base + "/sharehouse/current_figures.json?_shape=objects&source=ft-2025-11-26&period=2024-09%2F2025-08&_sort_desc=value")
        let rows = try #require(view["rows"] as? [[String: Any]])
        #expect(rows.map { $0["entity_code"] as? String } == ["CN", "US"])
        #expect(rows.map { $0["value_text"] as? String } == ["17", "15.8"])

        // A canned query: the README's "what was known on 2026-02-01".
        let canned = try DatasetteEnvironment.json(python, base + "/sharehouse/known_on_a_date.json?_shape=objects")
        let known = try #require(canned["rows"] as? [[String: Any]])
        #expect(known.count == 1)
        #expect(known.first?["value_text"] as? String == "14.7")

        // The table's page shows its title, description and a column's unit.
        let page = try DatasetteEnvironment.fetch(python, base + "/sharehouse/figure_history")
        #expect(page.contains("Figure history: every figure ever imported"))
        #expect(page.contains("percent of downloads (0-100)"))

        // And it stops when asked.
        server.terminate()
        for _ in 0..<100 where server.isRunning { Thread.sleep(forTimeInterval: 0.1) }
        #expect(!server.isRunning, "Datasette did not stop on SIGTERM: \(serverLog)")
    }
}

/// Datasette in a virtual environment under .build, installed from PyPI when missing.
enum DatasetteEnvironment {
    static let folder = Repository.path(".build/datasette-venv")
    static func bin(_ name: String) -> String { folder + "/bin/" + name }

    /// The environment's python, with Datasette importable; nil (and a message) when it
    /// cannot be had here.
    static func python() throws -> String? {
        let python = bin("python")
        if FileManager.default.isExecutableFile(atPath: bin("datasette")) { return python }
        let venv = try runBounded("/usr/bin/env", ["python3", "-m", "venv", "--clear", folder], timeout: .seconds(120))
        guard venv.status == 0 else {
            print("skipped: Datasette: python3 -m venv does not work here (\(venv.stderr.prefix(200)))")
            return nil
        }
        let pip = try runBounded(
            bin("pip"),
            ["install", "--quiet", "--disable-pip-version-check", "--timeout", "20", "--retries", "1", "datasette>=0.65,<1"],
            timeout: .seconds(240))
        guard pip.status == 0, FileManager.default.isExecutableFile(atPath: bin("datasette")) else {
            print("skipped: Datasette could not be installed from PyPI (\(pip.timedOut ? "timed out" : pip.stderr.suffix(300)))")
            try? FileManager.default.removeItem(atPath: folder)
            return nil
        }
        return python
    }

    /// A port on loopback that nothing listens on now.
    static func freePort(_ python: String) throws -> Int {
        let result = try runProcess(
            python, ["-c", "import socket; s = socket.socket(); s.bind(('127.0.0.1', 0)); print(s.getsockname()[1]); s.close()"])
        return try #require(Int(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)))
    }

    /// The body of a GET on loopback.
    static func fetch(_ python: String, _ url: String) throws -> String {
        let result = try runProcess(
            python,
            ["-c", "import sys, urllib.request; sys.stdout.write(urllib.request.urlopen(sys.argv[1], timeout=10).read().decode())", url])
        guard result.status == 0 else { throw FetchError(url: url, message: result.stderr) }
        return result.stdout
    }

    static func json(_ python: String, _ url: String) throws -> [String: Any] {
        let body = try fetch(python, url)
        guard let object = try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any] else {
            throw FetchError(url: url, message: "not a JSON object: \(body.prefix(200))")
        }
        return object
    }

    struct FetchError: Error, CustomStringConvertible {
        let url: String
        let message: String
        var description: String { "GET \(url): \(message)" }
    }
}
