import Foundation
import SharehouseTestSupport
import Testing

/// `sharehouse hub fetch` run as a user runs it, against the loopback stand-in for the Hub:
/// killed mid-run and run again, then imported with `sharehouse listing import`.
@Suite("sharehouse hub fetch")
struct HubFetchCLITests {
    @Test func aKilledFetchGoesOnWithTheRestAndTheFolderImports() throws {
        let directory = try TemporaryDirectory("cli-hub-fetch")
        let token = "hf_cli_token_\(UUID().uuidString)"
        // Page 3 (cursor=3) is held back 30 s the first time: the fetch is killed while it waits.
        let server = try HubServer(["--pages", "6", "--per-page", "3", "--delay", "3=30"], log: directory.file("requests.ndjson"))
        let out = directory.file("pages")
        let arguments = ["hub", "fetch", "--out", out, "--endpoint", server.endpoint, "--limit", "3", "--retry-delay", "0.01"]

        let firstOutput = directory.file("first-run.log")
        #expect(
            try SharehouseBinary.killed(arguments, environment: ["HF_TOKEN": token], log: firstOutput, once: out + "/page-00003.json"))
        let servedBefore = try server.requests().count
        // Pages 0 to 2; the held-back page 3 is logged only when answered, which it never is.
        #expect(servedBefore == 3)

        let second = try SharehouseBinary.run(arguments + ["--format", "json"], environment: ["HF_TOKEN": token])
        #expect(second.status == 0, "\(second.stderr)")
        let receipt = try #require(try JSONSerialization.jsonObject(with: Data(second.stdout.utf8)) as? [String: Any])
        #expect(receipt["pages_kept"] as? Int == 3)
        #expect(receipt["pages_fetched"] as? Int == 3)
        #expect(receipt["models"] as? Int == 18)
        #expect(receipt["outcome"] as? String == "finished")
        let cursors = try server.requests().dropFirst(servedBefore).map {
            (($0["query"] as? [String: [String]])?["cursor"]?.first) ?? "0"
        }
        #expect(cursors == ["3", "4", "5"], "only the pages the first run did not finish")

        // Every model once, in order.
        var ids: [String] = []
        for page in 1...6 {
            let data = try Data(contentsOf: URL(fileURLWithPath: out + String(format: "/page-%05d.json", page)))
            ids += (try JSONSerialization.jsonObject(with: data) as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
        }
        #expect(ids == (0..<18).map { String(format: "org%d/model-%05d", $0 % 7, $0) })

        // The token reached the server, and nothing the fetch wrote or printed.
        #expect(try server.requests().allSatisfy { ($0["headers"] as? [String: String])?["Authorization"] == "Bearer \(token)" })
        let written = try FileManager.default.subpathsOfDirectory(atPath: out).map { out + "/" + $0 } + [firstOutput]
        for file in written {
            #expect(!(try String(decoding: Data(contentsOf: URL(fileURLWithPath: file)), as: UTF8.self)).contains(token), "\(file)")
        }
        #expect(!second.stdout.contains(token) && !second.stderr.contains(token))

        // The folder, manifest and all, imports as one listing: the manifest is left out.
        let database = directory.file("w.sqlite")
        let added = try SharehouseBinary.run([
            "sources", "add", "--key", "hub-loopback", "--title", "Loopback listing (not real data)", "--url",
            "https://example.invalid/api/models", "--kind", "dataset", "--db", database,
        ])
        #expect(added.status == 0, "\(added.stderr)")
        let imported = try SharehouseBinary.run([
            "listing", "import", out, "--source", "hub-loopback", "--retrieved-on", "2026-06-30", "--format", "json", "--db", database,
        ])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stderr.contains(".manifest.json"), "said to be left out")
        let stored = try #require(try JSONSerialization.jsonObject(with: Data(imported.stdout.utf8)) as? [String: Any])
        #expect(stored["models_stored"] as? Int == 18)
    }
}
