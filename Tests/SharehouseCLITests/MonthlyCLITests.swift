import Foundation
import SharehouseTestSupport
import Testing

/// The month in one command a scheduler can run: import the listing, derive, what changed,
/// the report; run again, it writes nothing.
@Suite("sharehouse monthly: the month's shares in one command")
struct MonthlyCLITests {
    let directory: TemporaryDirectory
    var database: String { directory.file("w.sqlite") }
    static let pages = Repository.path("Fixtures/listings/synthetic-hub-2026-06")

    init() throws {
        directory = try TemporaryDirectory("cli-monthly")
        for arguments in [
            [
                "sources", "add", "--key", "hf-hub-api", "--title", "Hugging Face Hub model listing API", "--url",
                "https://huggingface.co/api/models", "--kind", "dataset", "--publisher", "Hugging Face",
            ],
            [
                "attribution", "import", Repository.path("Fixtures/attribution/starter-attribution.csv"), "--source",
                "sharehouse-starter-attribution",
            ],
        ] {
            #expect(try run(arguments).status == 0)
        }
        _ = try directory.write("sharehouse-monthly.json", #"{"listing_source": "hf-hub-api", "methods": ["publisher", "base-model"]}"#)
    }

    func run(_ arguments: [String]) throws -> ProcessResult {
        try SharehouseBinary.run(arguments + ["--db", database], in: directory.path)
    }

    @Test func theMonthInOneCommandAndAgainNothing() throws {
        let first = try run(["monthly", "--listing", Self.pages, "--retrieved-on", "2026-06-30"])
        #expect(first.status == 0, "\(first.stderr)")
        let steps = first.stderr.split(separator: "\n").map(String.init)
        #expect(steps.first == "listing: imported as listing 1 (12 models with downloads)", "\(steps)")
        #expect(steps.contains("derive base-model: hub_downloads_30d_base_model imported, hub_download_share_30d_base_model imported"))
        #expect(first.stdout.hasPrefix("What changed") && first.stdout.contains("46.13") && first.stdout.contains("43.56"))
        let report = directory.file("reports/report-2026-06-30.html")
        let written = try FileManager.default.attributesOfItem(atPath: report)[.modificationDate] as? Date
        #expect(try String(contentsOfFile: report, encoding: .utf8).contains("Who is behind the leader"))

        let before = try databaseFingerprint(database)
        let again = try run(["monthly", "--listing", Self.pages, "--retrieved-on", "2026-06-30"])
        #expect(again.status == 0)
        #expect(again.stderr.contains("listing: unchanged as listing 1") && !again.stderr.contains(" imported"), "\(again.stderr)")
        #expect(again.stderr.contains("report-2026-06-30.html unchanged"))
        #expect(again.stderr.contains("month: already done") && !first.stderr.contains("month: already done"))
        #expect(try databaseFingerprint(database) == before)
        #expect(try FileManager.default.attributesOfItem(atPath: report)[.modificationDate] as? Date == written)
    }

    @Test func aBadConfigurationOrAMissingWarehouseSaysWhich() throws {
        _ = try directory.write("bad.json", #"{"listing_source": "hf-hub-api", "methods": ["by-vibes"]}"#)
        let bad = try run(["monthly", "--listing", Self.pages, "--retrieved-on", "2026-06-30", "--config", directory.file("bad.json")])
        #expect(
            bad.status == 65 && bad.stderr.contains("bad.json: not a monthly configuration") && bad.stderr.contains("by-vibes"),
            "\(bad.stderr)")
        let missing = try SharehouseBinary.run(
            [
                "monthly", "--listing", Self.pages, "--retrieved-on", "2026-06-30", "--config", directory.file("sharehouse-monthly.json"),
                "--db", directory.file("nope.sqlite"),
            ], in: directory.path)
        #expect(missing.status == 66 && !FileManager.default.fileExists(atPath: directory.file("nope.sqlite")), "\(missing.stderr)")
        let dry = try run(["monthly", "--listing", Self.pages, "--retrieved-on", "2026-06-30", "--dry-run"])
        #expect(dry.status == 0 && dry.stderr.contains("listing: dry_run") && dry.stdout.isEmpty, "\(dry.stderr)")
    }

    /// With --fetch the month starts from the Hub (here a Hub-shaped server on loopback the
    /// test starts): fetched, imported, derived; the retrieval day read from the fetch's
    /// manifest. Run again, the finished fetch asks for nothing and nothing is written.
    @Test func fetchedFromAHubShapedServerThenNothingTwice() throws {
        let server = try HubServer(["--pages", "3", "--per-page", "4"], log: directory.file("requests.ndjson"))
        _ = try directory.write(
            "fetching.json", #"{"listing_source": "hf-hub-api", "endpoint": "\#(server.endpoint)", "methods": ["publisher"]}"#)
        let arguments = ["monthly", "--fetch", "--listing", directory.file("hub"), "--config", directory.file("fetching.json")]
        let first = try run(arguments)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stderr.hasPrefix("fetch: finished, 3 page(s) fetched, 12 models"), "\(first.stderr)")
        #expect(first.stderr.contains("listing: imported as listing 1 (12 models with downloads)"))
        #expect(first.stdout.contains("UNKNOWN"), "the server's made-up organisations are in no attribution table")
        let requests = try server.requests().count
        let before = try databaseFingerprint(database)
        let again = try run(arguments)
        #expect(again.status == 0 && again.stderr.hasPrefix("fetch: already_done, 0 page(s) fetched"), "\(again.stderr)")
        #expect(try server.requests().count == requests)
        #expect(try databaseFingerprint(database) == before)
    }

    /// Killed while the fetch waits on a page, run again: the month is finished, the pages
    /// fetched before are not asked for again, and the warehouse holds one listing and each
    /// snapshot once; a third run writes nothing.
    @Test func killedMidFetchTheNextRunFinishesTheMonthAndFetchesOnlyTheRest() throws {
        // Page 3 (cursor=2) is held back 30 s the first time it is asked for.
        let server = try HubServer(["--pages", "3", "--per-page", "4", "--delay", "2=30"], log: directory.file("requests.ndjson"))
        _ = try directory.write(
            "fetching.json", #"{"listing_source": "hf-hub-api", "endpoint": "\#(server.endpoint)", "methods": ["publisher"]}"#)
        let pages = directory.file("hub")
        let arguments = ["monthly", "--fetch", "--listing", pages, "--config", directory.file("fetching.json"), "--db", database]
        // Killed once page 2 is written (the manifest follows its page), while page 3 is held back.
        #expect(try SharehouseBinary.killed(arguments, in: directory.path, once: pages + "/page-00002.json"))
        let servedBefore = try server.requests().count
        #expect(servedBefore == 2)

        let second = try run(Array(arguments.dropLast(2)))
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stderr.hasPrefix("fetch: finished, 1 page(s) fetched"), "\(second.stderr)")
        #expect(second.stderr.contains("listing: imported as listing 1 (12 models with downloads)"))
        let cursors = try server.requests().dropFirst(servedBefore).map {
            (($0["query"] as? [String: [String]])?["cursor"]?.first) ?? "0"
        }
        #expect(cursors == ["2"], "only the page the killed run did not finish")
        let counts = try run([
            "sql", "SELECT (SELECT count(*) FROM listings) || ' ' || (SELECT count(*) FROM snapshots)", "--format", "csv",
        ])
        #expect(counts.stdout.contains("1 2"), "\(counts.stdout)")

        let before = try databaseFingerprint(database)
        let third = try run(Array(arguments.dropLast(2)))
        #expect(third.status == 0 && third.stderr.contains("month: already done"), "\(third.stderr)")
        #expect(try databaseFingerprint(database) == before)
    }

    /// A month stopped after its listing was imported (here imported by hand) is finished
    /// by the next run: the listing is not imported again, the shares are derived.
    @Test func stoppedAfterTheListingTheNextRunDerivesWithoutImportingAgain() throws {
        let imported = try run(["listing", "import", Self.pages, "--source", "hf-hub-api", "--retrieved-on", "2026-06-30"])
        #expect(imported.status == 0, "\(imported.stderr)")
        let month = try run(["monthly", "--listing", Self.pages, "--retrieved-on", "2026-06-30"])
        #expect(month.status == 0, "\(month.stderr)")
        #expect(month.stderr.hasPrefix("listing: unchanged as listing 1"), "\(month.stderr)")
        #expect(month.stderr.contains("derive publisher: hub_downloads_30d_publisher imported"), "\(month.stderr)")
        #expect(FileManager.default.fileExists(atPath: directory.file("reports/report-2026-06-30.html")))
    }
}
