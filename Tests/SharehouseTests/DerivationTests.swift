import Foundation
import SharehouseDB
import SharehouseTestSupport
import Testing

@testable import Sharehouse

/// Shares derived from a listing of per-model downloads, by hand-computed figures: a
/// synthetic listing (real organisation names) with fine-tunes, quantizations, a merge of
/// two bases, a cycle, a base outside the listing, an individual's model and unknown
/// authors, under each method.
@Suite("Derivation: shares from the Hub's counts")
struct DerivationTests {
    let directory: TemporaryDirectory
    let warehouse: Warehouse
    var path: String { directory.file("w.sqlite") }

    /// model, author, downloads, bases (relation, base)
    static let models: [(String, String, Int, [(String, String)])] = [
        ("meta-llama/Llama-3.1-8B", "meta-llama", 4000, []),
        ("Qwen/Qwen2.5-7B", "Qwen", 3000, []),
        ("unsloth/Llama-3.1-8B-bnb-4bit", "unsloth", 1000, [("quantized", "meta-llama/Llama-3.1-8B")]),
        ("bartowski/Qwen2.5-7B-GGUF", "bartowski", 600, [("quantized", "Qwen/Qwen2.5-7B")]),
        ("someuser/llama-qwen-merge", "someuser", 400, [("merge", "meta-llama/Llama-3.1-8B"), ("merge", "Qwen/Qwen2.5-7B")]),
        ("cycle-a/model-a", "cycle-a", 200, [("finetune", "cycle-b/model-b")]),
        ("cycle-b/model-b", "cycle-b", 100, [("finetune", "cycle-a/model-a")]),
        ("mistral-finetuner/ft", "mistral-finetuner", 300, [("finetune", "mistralai/Mistral-7B-v0.1")]),
        ("deepseek-ai/DeepSeek-R1", "deepseek-ai", 1500, []),
    ]

    /// author, country, kind
    static let attribution: [(String, String, String)] = [
        ("meta-llama", "US", "company"), ("qwen", "CN", "company"), ("unsloth", "US", "company"),
        ("bartowski", "USER", "individual"), ("deepseek-ai", "CN", "company"), ("mistralai", "FR", "company"),
        ("cycle-a", "DE", "company"), ("cycle-b", "GB", "company"),
    ]

    init() throws {
        directory = try TemporaryDirectory("derivation")
        warehouse = try Warehouse(path: directory.file("w.sqlite"))
        let connection = try Connection(path: directory.file("w.sqlite"))
        try connection.execute(
            """
            INSERT INTO sources (key, title, url, kind) VALUES
              ('hf-hub-api', 'Hugging Face Hub model listing API (synthetic test listing)', 'https://huggingface.co/api/models', 'dataset'),
              ('test-attribution', 'Attribution table for tests (synthetic)', NULL, 'dataset')
            """)
        try connection.execute(
            """
            INSERT INTO listings (id, source, retrieved_on, window_days, shape, imported_at, content_sha256, models, models_skipped)
            VALUES (1, 'hf-hub-api', '2026-03-01', 30, 'hub_api', '2026-03-01T00:00:00Z', ?, 9, 0)
            """, String(repeating: "a", count: 64))
        for (model, author, downloads, bases) in Self.models {
            try connection.execute(
                "INSERT INTO listing_models (listing_id, model, author, downloads, pipeline_tag) VALUES (1, ?, ?, ?, 'text-generation')",
                model, author, downloads)
            for (relation, base) in bases {
                try connection.execute(
                    "INSERT INTO listing_bases (listing_id, model, base_model, relation) VALUES (1, ?, ?, ?)", model, base, relation)
            }
        }
        try insertAttribution(version: 1, rows: Self.attribution, on: connection)
    }

    func insertAttribution(version: Int, rows: [(String, String, String)], on connection: Connection) throws {
        try connection.execute(
            """
            INSERT INTO attribution_versions (version, source, imported_at, content_sha256, authors)
            VALUES (?, 'test-attribution', '2026-03-01T00:00:00Z', ?, ?)
            """, version, String(repeating: "\(version)", count: 64), rows.count)
        for (author, country, kind) in rows {
            try connection.execute(
                "INSERT INTO attributions (version, author_key, author, entity_code, kind) VALUES (?, ?, ?, ?, ?)",
                version, author.lowercased(), author, country, kind)
        }
    }

    func shares(_ receipt: DerivationReceipt) -> [String] {
        receipt.figures.map { "\($0.entity) \($0.share)" }
    }

    @Test func byPublisherEachModelCountsForItsOwnAuthor() throws {
        let receipt = try warehouse.deriveShares(DerivationRequest(method: .publisher))
        // US 5000, CN 4500, UNKNOWN 700 (someuser, mistral-finetuner), USER 600, DE 200, GB 100 of 11,100.
        #expect(shares(receipt) == ["US 45.05", "CN 40.54", "UNKNOWN 6.31", "USER 5.41", "DE 1.80", "GB 0.90"])
        #expect(receipt.totalDownloads == 11_100 && receipt.modelsCounted == 9)
        #expect(receipt.unmatched.map(\.name) == ["someuser", "mistral-finetuner"])
        #expect(receipt.unmatchedCount == 2 && receipt.unmatchedDownloads == 700)
        #expect(receipt.period == Period("2026-01-31/2026-03-01"))
        #expect(receipt.snapshots.map(\.outcome) == [.imported, .imported])
        #expect(receipt.countMeasure == "hub_downloads_30d_publisher" && receipt.shareMeasure == "hub_download_share_30d_publisher")
        let counts = try warehouse.query(
            "SELECT entity_code || ' ' || value_text FROM current_figures WHERE measure = :m ORDER BY value DESC",
            parameters: ["m": receipt.countMeasure])
        #expect(counts.rows.map { $0[0] } == ["US 5000", "CN 4500", "UNKNOWN 700", "USER 600", "DE 200", "GB 100"].map { .text($0) })
    }

    /// The Hub treats `Qwen` and `qwen` as one account: models under both spellings are
    /// one author, attributed by the table's lower-cased key, and an unmatched account is
    /// named by its first spelling in byte order (as SQLite's min() names it).
    @Test func byPublisherOneAccountInTwoSpellingsIsOneAuthor() throws {
        let connection = try Connection(path: path)
        try connection.execute(
            """
            INSERT INTO listing_models (listing_id, model, author, downloads) VALUES
              (1, 'qwen/Qwen-lower', 'qwen', 500), (1, 'SomeUser/other', 'SomeUser', 50), (1, 'someuser/third', 'someUser', 25)
            """)
        let receipt = try warehouse.deriveShares(DerivationRequest(method: .publisher))
        // CN 4500 + 500; the unmatched someuser (400) + SomeUser (50) + someUser (25) is one account.
        #expect(receipt.figures.first { $0.entity == "CN" }?.downloads == 5000)
        #expect(receipt.modelsCounted == 12)
        #expect(receipt.unmatched.map(\.name) == ["SomeUser", "mistral-finetuner"])
        #expect(receipt.unmatched.map(\.downloads) == [475, 300])
        #expect(receipt.unmatchedCount == 2 && receipt.unmatchedDownloads == 775)
        #expect(DownloadAttribution.attributionKey(of: "Ünsloth-AI") == "Ünsloth-ai")
    }

    @Test func byBaseModelFollowsTagsToTheRootSplittingMergesAndClosingCycles() throws {
        let receipt = try warehouse.deriveShares(DerivationRequest(method: .baseModel))
        // CN 3000+600+200 (half the merge)+1500, US 4000+1000+200, FR 300 (a base outside the
        // listing, by its author), GB 200 (cycle-a closes at cycle-b), DE 100.
        #expect(shares(receipt) == ["CN 47.75", "US 46.85", "FR 2.70", "GB 1.80", "DE 0.90"])
        #expect(receipt.figures.map(\.downloads) == [5300, 5200, 300, 200, 100])
        #expect(receipt.modelsWithCycles == 2 && receipt.modelsWithBasesOutside == 1)
        #expect(receipt.unmatchedCount == 0)
    }

    @Test func theSameInputsAgainAreUnchanged() throws {
        _ = try warehouse.deriveShares(DerivationRequest(method: .publisher))
        let before = try databaseFingerprint(path)
        let again = try warehouse.deriveShares(DerivationRequest(method: .publisher))
        #expect(again.snapshots.map(\.outcome) == [.unchanged, .unchanged])
        #expect(try databaseFingerprint(path) == before)
    }

    @Test func aNewAttributionVersionIsANewVintageWithItsDifferences() throws {
        _ = try warehouse.deriveShares(DerivationRequest(method: .publisher))
        let connection = try Connection(path: path)
        try insertAttribution(version: 2, rows: Self.attribution + [("someuser", "USER", "individual")], on: connection)
        let receipt = try warehouse.deriveShares(DerivationRequest(method: .publisher))
        #expect(receipt.attributionVersion == 2)
        let share = try #require(receipt.snapshots.last)
        #expect(share.outcome == .imported && share.corrects.map(\.snapshotID) == [2])
        let changes = share.differences.first?.changed.map { "\($0.entity) \($0.before) → \($0.after)" } ?? []
        #expect(changes == ["UNKNOWN 6.31 → 2.70", "USER 5.41 → 9.01"])
        // The vintage in force is the new one; the old stays in the history.
        let current = try warehouse.leaders(
            period: Period("2026-01-31/2026-03-01")!, scope: QueryScope(measure: "hub_download_share_30d_publisher"))
        #expect(current.rows.first(where: { $0.entity == "USER" })?.value.description == "9.01")
    }

    @Test func theCitationChainNamesTheListingAndTheAttributionTable() throws {
        let receipt = try warehouse.deriveShares(DerivationRequest(method: .publisher))
        let leaders = try warehouse.leaders(
            period: receipt.period, scope: QueryScope(measure: receipt.shareMeasure))
        let citation = try #require(leaders.context.citations.first)
        #expect(citation.sources.map(\.key) == [receipt.source, "hf-hub-api", "test-attribution"])
        #expect(receipt.source == "derived-hf-hub-api-publisher")
        #expect(citation.summary.hasSuffix("; relays hf-hub-api, test-attribution"), "\(citation.summary)")
    }

    @Test func contributorsAddUpToTheCountrysFigure() throws {
        _ = try warehouse.deriveShares(DerivationRequest(method: .baseModel))
        let result = try warehouse.contributors(entity: "China")
        #expect(result.entity == "CN" && result.entityDownloads == 5300 && result.totalDownloads == 11_100)
        #expect(result.organisations.map(\.author) == ["Qwen", "deepseek-ai"])
        #expect(result.organisations.map(\.downloads) == [3800, 1500])
        #expect(
            result.models.map(\.model) == [
                "Qwen/Qwen2.5-7B", "deepseek-ai/DeepSeek-R1", "bartowski/Qwen2.5-7B-GGUF", "someuser/llama-qwen-merge",
            ])
        let sum = result.organisations.reduce(0) { $0 + $1.shareOfTotal }
        #expect(abs(sum - (result.figure?.value ?? 0)) < 0.01, "the organisations' shares add up to the figure")
        #expect(result.figure?.description == "47.75")
    }

    @Test func filtersMakeAnotherMeasure() throws {
        let receipt = try warehouse.deriveShares(DerivationRequest(method: .publisher, minimumDownloads: 1000))
        #expect(receipt.shareMeasure == "hub_download_share_30d_publisher_min-1000")
        #expect(shares(receipt) == ["US 52.63", "CN 47.37"])
        #expect(receipt.modelsCounted == 4)
    }

    @Test func missingInputsAreClearErrors() throws {
        #expect(throws: DerivationError.noListing(7)) { try warehouse.deriveShares(DerivationRequest(listing: .id(7))) }
        #expect(throws: DerivationError.noAttribution(9)) { try warehouse.deriveShares(DerivationRequest(attributionVersion: 9)) }
        #expect(throws: DerivationError.notAStudyDataset(listing: 1)) {
            try warehouse.deriveShares(DerivationRequest(method: .datasetColumns))
        }
        #expect(throws: DerivationError.noModels(listing: 1)) {
            try warehouse.deriveShares(DerivationRequest(pipelineTag: "text-to-image"))
        }
    }

    @Test func calendarDaysRoundTrip() {
        for text in ["0001-01-01", "1999-12-31", "2000-02-29", "2024-03-01", "2026-03-01", "9999-12-31"] {
            let date = CalendarDate(text)!
            #expect(CalendarDate(dayNumber: date.dayNumber) == date)
        }
        #expect(CalendarDate("2026-03-01")!.adding(days: -29)?.description == "2026-01-31")
        #expect(CalendarDate("2024-02-28")!.adding(days: 1)?.description == "2024-02-29")
    }

    @Test func datasetColumnsReadTheStudysOwnAttribution() throws {
        let connection = try Connection(path: path)
        try connection.execute(
            """
            INSERT INTO listings (id, source, retrieved_on, window_days, shape, imported_at, content_sha256, models, models_skipped)
            VALUES (2, 'hf-hub-api', '2025-08-31', 365, 'study_dataset', '2026-03-01T00:00:00Z', ?, 6, 0)
            """, String(repeating: "b", count: 64))
        // org_country_single as the dataset writes it; derived_org_country_single counts
        // the community quantization for its base model's country.
        for (model, downloads, country, derived) in [
            ("meta-llama/Llama-3.1-8B", 500, "USA", "USA"), ("Qwen/Qwen2.5-7B", 300, "China", "China"),
            ("lmstudio-community/Qwen-GGUF", 100, "International/Online", "China"),
            ("someone/tiny", 50, "User", "User"), ("mystery/model", 30, "", ""), ("atlantis/model", 20, "Atlantis", "Atlantis"),
        ] {
            try connection.execute(
                """
                INSERT INTO listing_models (listing_id, model, author, downloads, org_country, derived_org_country)
                VALUES (2, ?, ?, ?, nullif(?, ''), nullif(?, ''))
                """, model, String(model.split(separator: "/")[0]), downloads, country, derived)
        }
        let own = try warehouse.deriveShares(DerivationRequest(listing: .id(2), method: .datasetColumns))
        #expect(shares(own) == ["US 50.00", "CN 30.00", "INTL 10.00", "UNKNOWN 5.00", "USER 5.00"])
        #expect(own.attributionVersion == nil && own.period == Period("2024-09/2025-08"))
        #expect(own.unmatched.map(\.name) == ["(none)", "Atlantis"])
        let derived = try warehouse.deriveShares(DerivationRequest(listing: .id(2), method: .datasetColumns, derivedColumns: true))
        #expect(shares(derived) == ["US 50.00", "CN 40.00", "UNKNOWN 5.00", "USER 5.00"])
        #expect(derived.shareMeasure == "hub_download_share_365d_dataset_columns_derived")
    }

    @Test func aTableVersionThatMovesNoFigureLeavesTheSnapshotsUnchanged() throws {
        _ = try warehouse.deriveShares(DerivationRequest(method: .publisher))
        let connection = try Connection(path: path)
        // An author with no model in the listing: no figure moves.
        try insertAttribution(version: 2, rows: Self.attribution + [("newco", "US", "company")], on: connection)
        let receipt = try warehouse.deriveShares(DerivationRequest(method: .publisher))
        #expect(receipt.attributionVersion == 2 && receipt.snapshots.map(\.outcome) == [.unchanged, .unchanged])
    }

    @Test func thirtyDayWindowsAreOneSeriesWhetherOrNotTheyAreAMonth() throws {
        _ = try warehouse.deriveShares(DerivationRequest(method: .publisher))  // 2026-01-31/2026-03-01
        let connection = try Connection(path: path)
        // The next retrieval, on 2026-03-31: the 30 days from 2026-03-02, not the month.
        try connection.execute(
            """
            INSERT INTO listings (id, source, retrieved_on, window_days, shape, imported_at, content_sha256, models, models_skipped)
            VALUES (3, 'hf-hub-api', '2026-03-31', 30, 'hub_api', '2026-03-31T00:00:00Z', ?, 2, 0)
            """, String(repeating: "c", count: 64))
        try connection.execute(
            "INSERT INTO listing_models (listing_id, model, author, downloads) VALUES (3, 'meta-llama/x', 'meta-llama', 600), (3, 'Qwen/y', 'Qwen', 400)"
        )
        _ = try warehouse.deriveShares(DerivationRequest(listing: .id(3), method: .publisher))
        let series = try warehouse.series(entities: ["US", "CN"], scope: QueryScope(measure: "hub_download_share_30d_publisher"))
        #expect(series.periodLength == .days(30))
        #expect(Set(series.points.map(\.period)) == [Period("2026-01-31/2026-03-01")!, Period("2026-03-02/2026-03-31")!])
        let compare = try warehouse.compareLatest(scope: QueryScope(measure: "hub_download_share_30d_publisher"))
        #expect(compare.from == Period("2026-01-31/2026-03-01") && compare.to == Period("2026-03-02/2026-03-31"))
    }

    @Test func contributorsBeyondTheTopAreSummedAndANationWithoutAFigureIsAnError() throws {
        _ = try warehouse.deriveShares(DerivationRequest(method: .publisher))
        let result = try warehouse.contributors(entity: "US", top: 1)
        #expect(result.organisations.map(\.author) == ["meta-llama"] && result.organisationCount == 2)
        #expect(result.others?.downloads == 1000 && result.others?.models == 1)
        let sum = result.organisations.reduce(0) { $0 + $1.shareOfTotal } + (result.others?.shareOfTotal ?? 0)
        #expect(abs(sum - 45.05) < 0.01)
        #expect(throws: DerivationError.self) { try warehouse.contributors(entity: "France") }
    }

    @Test func filteredMeasuresKeepTheirKeysAPairWithinSixtyFourCharacters() throws {
        let request = DerivationRequest(
            method: .publisher, pipelineTag: "text-generation", createdFrom: CalendarDate("2025-01-01"), minimumDownloads: 10)
        let measures = DerivedCatalog.measures(request: request, windowDays: 30)
        let (count, share) = (measures.count.key, measures.share.key)
        #expect(count.count <= 64 && share.count <= 64)
        #expect(count.dropFirst("hub_downloads_".count) == share.dropFirst("hub_download_share_".count), "\(count) \(share)")
    }
}
