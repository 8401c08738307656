import Foundation
import SharehouseDB
import SharehouseTestSupport
import Testing

/// `sharehouse listing import|list|show` run as a user runs them: the real binary, a real
/// warehouse file, the bundled synthetic listings.
@Suite("sharehouse listing")
struct ListingCLITests {
    static let pages = Repository.path("Fixtures/listings/synthetic-hub-2026-06")
    static let ndjson = Repository.path("Fixtures/listings/synthetic-hub-2026-06.ndjson")
    static let study = Repository.path("Fixtures/listings/synthetic-study-dataset-weekly.csv")
    static let hubOptions = ["--source", "hub-synthetic", "--retrieved-on", "2026-06-30"]

    let directory: TemporaryDirectory
    var database: String { directory.file("w.sqlite") }

    init() throws {
        directory = try TemporaryDirectory("cli-listing")
        let added = try SharehouseBinary.run(
            [
                "sources", "add", "--key", "hub-synthetic", "--title", "Synthetic listing (not real data)", "--url",
                "https://example.invalid/listing", "--kind", "dataset", "--db", database,
            ], in: directory.path)
        #expect(added.status == 0, "\(added.stderr)")
    }

    func run(_ arguments: [String]) throws -> ProcessResult {
        try SharehouseBinary.run(arguments + ["--db", database], in: directory.path)
    }

    func json(_ result: ProcessResult) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    }

    @Test func aFolderOfPagesIsOneListingAndItsNDJSONIsUnchanged() throws {
        let first = try run(["listing", "import", Self.pages] + Self.hubOptions)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("Listing: imported as listing 1"), "\(first.stdout)")
        #expect(first.stdout.contains("stored:        12 models with downloads, 11 bases named"))
        #expect(first.stdout.contains("skipped:       1 model without downloads in the window"))
        let before = try databaseFingerprint(database)
        let again = try run(["listing", "import", Self.ndjson, "--format", "json"] + Self.hubOptions)
        #expect(again.status == 0, "\(again.stderr)")
        let receipt = try json(again)
        #expect(receipt["outcome"] as? String == "unchanged")
        #expect(receipt["listing_id"] as? Int == 1)
        #expect(receipt["models_stored"] as? Int == 12)
        #expect(try databaseFingerprint(database) == before)
    }

    @Test func listAndShowReadTheListingsBack() throws {
        #expect(try run(["listing", "import", Self.pages] + Self.hubOptions).status == 0)
        let study = try run([
            "listing", "import", Self.study, "--source", "hub-synthetic", "--retrieved-on", "2025-06-30", "--window-days", "28",
        ])
        #expect(study.status == 0, "\(study.stderr)")
        #expect(study.stdout.contains("after window:  4 rows dated after 2025-06-30, not counted"), "\(study.stdout)")
        let list = try run(["listing", "list", "--format", "json"])
        #expect(list.status == 0, "\(list.stderr)")
        let listings = try #require(try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]])
        // By retrieval date: the study's June 2025 first.
        #expect(listings.map { $0["shape"] as? String } == ["study_dataset", "hub_api"])
        #expect(listings.map { $0["models"] as? Int } == [4, 12])
        #expect(listings.first?["downloads"] as? Int == 2000 + 600 + 900 + 30)
        let latest = try run(["listing", "show", "latest", "--top", "2"])
        #expect(latest.status == 0, "\(latest.stderr)")
        #expect(latest.stdout.contains("Listing 1: 12 models with downloads in the 30 days up to 2026-06-30"), "\(latest.stdout)")
        #expect(latest.stdout.contains("Top 2 by downloads:"))
        #expect(latest.stdout.contains("meta-llama/Llama-3.1-8B-Instruct"))
        #expect(latest.stdout.contains("meta-llama/Llama-3.1-8B (finetune)"))
        #expect(!latest.stdout.contains("deepseek-ai/DeepSeek-R1-Distill-Qwen-7B"))
        let shown = try json(try run(["listing", "show", "2", "--format", "json"]))
        #expect((shown["top_models"] as? [[String: Any]])?.first?["model"] as? String == "meta-llama/Llama-3.2-1B")
        let missing = try run(["listing", "show", "99"])
        #expect(missing.status == 66)
        #expect(missing.stderr.contains("no listing 99 in the warehouse"))
    }

    @Test func aMalformedPageIsRefusedAtItsPlaceAndWritesNothing() throws {
        #expect(try run(["listing", "import", Self.pages] + Self.hubOptions).status == 0)
        let before = try databaseFingerprint(database)
        let bad = try directory.write(
            "bad/page-0001.json",
            "[\n{\"id\": \"org/a\", \"downloads\": -3},\n{\"id\": \"org/b\", \"downloads\": 2.5},\n{\"id\": \"org/a\", \"downloads\": 4}\n]\n"
        )
        try directory.write("bad/page-0002.json", "{\"error\": \"Rate limit reached\"}\n")
        let result = try run(["listing", "import", directory.file("bad"), "--source", "hub-synthetic", "--retrieved-on", "2026-07-31"])
        #expect(result.status == 65)
        let lines = result.stderr.split(separator: "\n").map(String.init)
        #expect(lines.count == 3, "\(result.stderr)")
        #expect(
            lines[0]
                == "sharehouse: error: \(bad):2:30: \"downloads\" is -3, a negative count; expected a whole number of downloads, 0 or more")
        #expect(lines[1].hasPrefix("\(bad):3:30: \"downloads\" is 2.5, not a whole number"))
        #expect(
            lines[2].hasPrefix(
                "\(directory.file("bad/page-0002.json")):1:1: the page is an object, not an array of models: it holds the error \"Rate limit reached\""
            ))
        #expect(try databaseFingerprint(database) == before)
    }

    @Test func aModelListedTwiceNamesBothPagesOnTheCommandLine() throws {
        let first = try directory.write("pages/page-0001.json", "[\n{\"id\": \"org/a\", \"downloads\": 3}\n]\n")
        let second = try directory.write(
            "pages/page-0002.json", "[\n{\"id\": \"org/b\", \"downloads\": 1},\n{\"id\": \"org/a\", \"downloads\": 3}\n]\n")
        let result = try run(["listing", "import", directory.file("pages")] + Self.hubOptions)
        #expect(result.status == 65)
        #expect(result.stderr.contains("\(second):3:1: the model org/a is listed twice, first at \(first):2:1"), "\(result.stderr)")
    }

    @Test func whatCannotBeDoneIsSaidWithItsStatus() throws {
        let unknown = try run(["listing", "import", Self.pages, "--source", "nowhere", "--retrieved-on", "2026-06-30"])
        #expect(unknown.status == 65)
        #expect(unknown.stderr.contains("no source nowhere in the warehouse"), "\(unknown.stderr)")
        #expect(unknown.stderr.contains("sharehouse sources add --key nowhere"))
        let noWindow = try run(["listing", "import", Self.study, "--source", "hub-synthetic", "--retrieved-on", "2025-06-30"])
        #expect(noWindow.status == 65)
        #expect(noWindow.stderr.contains("give it with --window-days N"), "\(noWindow.stderr)")
        let missing = try run(["listing", "import", directory.file("no-such-folder")] + Self.hubOptions)
        #expect(missing.status == 66)
        let stdin = try run(["listing", "import", "-"] + Self.hubOptions)
        #expect(stdin.status == 64)
        let wrongShape = try run(["listing", "import", Self.pages, "--shape", "study-dataset", "--window-days", "7"] + Self.hubOptions)
        #expect(wrongShape.status == 65)
        #expect(wrongShape.stderr.contains("the study dataset is read from CSV or NDJSON"), "\(wrongShape.stderr)")
        let badShape = try run(["listing", "import", Self.pages, "--shape", "parquet"] + Self.hubOptions)
        #expect(badShape.status == 64)
        let dryRun = try run(["listing", "import", Self.pages, "--dry-run"] + Self.hubOptions)
        #expect(dryRun.status == 0)
        #expect(dryRun.stdout.contains("dry run (not written): it would be listing 1"))
        let empty = try run(["listing", "list", "--format", "json"])
        // An empty JSON array, as the other lists write it.
        #expect(empty.stdout == "[\n\n]\n", "\(empty.stdout)")
    }
}
