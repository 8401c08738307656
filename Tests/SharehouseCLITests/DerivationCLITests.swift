import Foundation
import SharehouseDB
import SharehouseTestSupport
import Testing

/// A month from the Hub's counts, as a user runs it: the synthetic listing fixture (two
/// pages), the starter attribution table, `derive shares` by each method, `report
/// contributors`, a new table version. Expected shares computed by hand from the fixture
/// (Fixtures/listings/README.md): 15,173,800 downloads in all.
@Suite("sharehouse derive shares, report contributors: shares from the Hub's counts")
struct DerivationCLITests {
    let directory: TemporaryDirectory
    var database: String { directory.file("w.sqlite") }

    init() throws {
        directory = try TemporaryDirectory("cli-derive")
        for arguments in [
            [
                "sources", "add", "--key", "hf-hub-api", "--title", "Hugging Face Hub model listing API", "--url",
                "https://huggingface.co/api/models", "--kind", "dataset", "--publisher", "Hugging Face",
            ],
            [
                "listing", "import", Repository.path("Fixtures/listings/synthetic-hub-2026-06"), "--source", "hf-hub-api",
                "--retrieved-on", "2026-06-30",
            ],
            [
                "attribution", "import", Repository.path("Fixtures/attribution/starter-attribution.csv"), "--source",
                "sharehouse-starter-attribution",
            ],
        ] {
            let result = try run(arguments)
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
        }
    }

    func run(_ arguments: [String]) throws -> ProcessResult {
        try SharehouseBinary.run(arguments + ["--db", database], in: directory.path)
    }

    /// The receipt's shares as `CODE share`, largest first.
    func derive(_ arguments: [String]) throws -> (shares: [String], json: [String: Any]) {
        let result = try run(["derive", "shares", "--format", "json"] + arguments)
        #expect(result.status == 0, "\(result.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let figures = try #require(json["figures"] as? [[String: Any]])
        let shares = figures.map { figure in
            "\(figure["entity"] as? String ?? "?") \((figure["share"] as? [String: Any]).map { "\($0["value"] ?? "")" } ?? "?")"
        }
        return (shares, json)
    }

    @Test func eachMethodGivesTheHandComputedShares() throws {
        // publisher: US 5,400,000 + 900,000 + 700,000; CN 3,100,000 + 2,200,000 + 800,000;
        // FR 1,500,000; USER (bartowski) 450,000; UNKNOWN mlabonne, zz-lab-unknown, janedoe 123,800.
        let publisher = try derive([])
        #expect(publisher.shares == ["US 46.13", "CN 40.2", "FR 9.89", "USER 2.97", "UNKNOWN 0.82"], "\(publisher.shares)")
        #expect(publisher.json["total_downloads"] as? Double == 15_173_800)
        #expect(
            (publisher.json["unmatched"] as? [[String: Any]])?.compactMap { $0["name"] as? String } == [
                "mlabonne", "zz-lab-unknown", "janedoe",
            ])
        // base-model: bases outside the listing by their author (meta-llama, Qwen, mistralai,
        // google); bartowski's quantization to Qwen; the merge split 60,000 to FR and to CN;
        // the cycle janedoe/loop-a <-> loop-b stays UNKNOWN (400).
        let base = try derive(["--method", "base-model"])
        #expect(base.shares == ["US 46.15", "CN 43.56", "FR 10.28", "UNKNOWN 0"], "\(base.shares)")
        #expect(base.json["models_with_cycles"] as? Int == 2 && base.json["models_with_bases_outside"] as? Int == 5)

        // The same again writes nothing.
        let before = try databaseFingerprint(database)
        let again = try run(["derive", "shares", "--method", "base-model"])
        #expect(again.stdout.contains("snapshot 4, unchanged"), "\(again.stdout)")
        #expect(try databaseFingerprint(database) == before)
    }

    @Test func contributorsExplainAFigureAndAddUpToIt() throws {
        _ = try derive(["--method", "base-model"])
        let csv = try run(["report", "contributors", "--entity", "China", "--format", "csv"])
        #expect(csv.status == 0, "\(csv.stderr)")
        let script = """
            import csv, sys
            rows = list(csv.DictReader(sys.stdin))
            organisations = [r for r in rows if r['kind'] == 'organisation']
            print(organisations[0]['author'], round(sum(float(r['share_of_total_percent']) for r in organisations), 2), rows[0]['entity_value'])
            """
        let python = try runProcess("/usr/bin/env", ["python3", "-c", script], input: csv.stdout)
        #expect(python.stdout == "Qwen 43.56 43.56\n", "\(python.stdout) \(python.stderr)")
        // The citation relays the listing's source and the attribution table's.
        #expect(csv.stdout.contains("relays Hugging Face, Sharehouse maintainers"), "\(csv.stdout)")
        let page = try run(["report", "--all", "--format", "html"])
        #expect(page.stdout.contains("Who is behind the leader"))
    }

    @Test func aNewAttributionVersionIsANewVintageOfTheSameMonth() throws {
        _ = try derive([])
        let starter = try String(contentsOfFile: Repository.path("Fixtures/attribution/starter-attribution.csv"), encoding: .utf8)
        _ = try directory.write(
            "attribution-v2.csv",
            starter + (starter.hasSuffix("\n") ? "" : "\n") + "mlabonne,USER,individual,https://huggingface.co/mlabonne,a test row\n")
        let imported = try run([
            "attribution", "import", directory.file("attribution-v2.csv"), "--source", "sharehouse-starter-attribution",
        ])
        #expect(imported.status == 0, "\(imported.stderr)")
        let receipt = try run(["derive", "shares"])
        #expect(receipt.stdout.contains("attribution table version 2"), "\(receipt.stdout)")
        #expect(receipt.stdout.contains("imported (correction of snapshot 2)"), "\(receipt.stdout)")
        let revisions = try run(["report", "revisions", "--measure", "hub_download_share_30d_publisher", "--entity", "UNKNOWN"])
        #expect(revisions.stdout.contains("corrected by snapshot"), "\(revisions.stdout)")
    }

    /// The study's released dataset (its weekly shape, synthetic counts): its own country
    /// columns recompute its figure. In the 28 days to 2025-06-30: Llama-3.2-1B 2,000 (USA),
    /// Qwen2.5-0.5B 600 and DeepSeek-Small-Preview 900 (China), merged-model 30 (no country).
    @Test func datasetColumnsRecomputeTheStudysOwnAttribution() throws {
        let imported = try run([
            "listing", "import", Repository.path("Fixtures/listings/synthetic-study-dataset-weekly.csv"), "--source", "hf-hub-api",
            "--retrieved-on", "2025-06-30", "--window-days", "28",
        ])
        #expect(imported.status == 0, "\(imported.stderr)")
        let own = try derive(["--listing", "2", "--method", "dataset-columns"])
        #expect(own.shares == ["US 56.66", "CN 42.49", "UNKNOWN 0.85"], "\(own.shares)")
        #expect(own.json["share_measure"] as? String == "hub_download_share_28d_dataset_columns")
        #expect((own.json["period"] as? String) == "2025-06-03/2025-06-30")
        let wrong = try run(["derive", "shares", "--listing", "1", "--method", "dataset-columns"])
        #expect(wrong.status == 65 && wrong.stderr.contains("not the study's dataset"), "\(wrong.stderr)")
    }

    /// A table version that moves a country: the receipt says which figure is new and which
    /// dropped, and `report revisions` of the dropped one says it was corrected away.
    @Test func aMovedAuthorIsNewInOneCountryAndDroppedFromAnother() throws {
        _ = try derive([])
        let starter = try String(contentsOfFile: Repository.path("Fixtures/attribution/starter-attribution.csv"), encoding: .utf8)
        let moved = starter.replacingOccurrences(of: "\nmistralai,FR,", with: "\nmistralai,DE,")
        #expect(moved != starter)
        _ = try directory.write("v2.csv", moved)
        #expect(try run(["attribution", "import", directory.file("v2.csv"), "--source", "sharehouse-starter-attribution"]).status == 0)
        let receipt = try run(["derive", "shares"])
        #expect(receipt.stdout.contains("  DE: new, 9.89") && receipt.stdout.contains("  FR: 9.89 → dropped"), "\(receipt.stdout)")
        let revisions = try run(["report", "revisions", "--measure", "hub_download_share_30d_publisher", "--entity", "FR"])
        #expect(revisions.stdout.contains("corrected by snapshot") && !revisions.stdout.contains("current"), "\(revisions.stdout)")
    }

    @Test func aMistypedWarehouseOrAFutureDateIsRefusedAndLeavesNothing() throws {
        let typo = directory.file("typo.sqlite")
        let derive = try SharehouseBinary.run(["derive", "shares", "--db", typo], in: directory.path)
        #expect(derive.status == 66 && derive.stderr.contains("no warehouse at"), "\(derive.stderr)")
        #expect(!FileManager.default.fileExists(atPath: typo))
        let future = try run([
            "listing", "import", Repository.path("Fixtures/listings/synthetic-hub-2026-06.ndjson"), "--source", "hf-hub-api",
            "--retrieved-on", "2099-06-30",
        ])
        #expect(future.status == 65 && future.stderr.contains("is in the future"), "\(future.stderr)")
        // A page beside an NDJSON of the same name is a page, not a sidecar: listings have none.
        _ = try directory.write("pages/l2.json", "[{\"id\": \"acme/m\", \"author\": \"acme\", \"downloads\": 5}]")
        _ = try directory.write("pages/l2.ndjson", "{\"id\": \"acme/n\", \"author\": \"acme\", \"downloads\": 7}\n")
        let page = try run(["listing", "import", directory.file("pages/l2.json"), "--source", "hf-hub-api", "--retrieved-on", "2026-07-30"])
        #expect(page.status == 0 && !page.stderr.contains("sidecar"), "\(page.stderr)")
    }
}
