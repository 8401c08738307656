import Foundation
import Sharehouse
import SharehouseDB
import SharehouseTestSupport
import Testing

/// The Hub's listing: pages of `/api/models` are one listing, stored once, with the
/// models that have downloads, their authors and the bases their tags name.
@Suite("Listings: the Hub's model listing")
struct ListingImportTests {
    @Test func twoPagesAreOneListingOfTheModelsWithDownloads() throws {
        let workspace = try ListingWorkspace()
        let receipt = try workspace.importFiles(ListingWorkspace.pageFiles)
        #expect(receipt.outcome == .imported)
        #expect(receipt.listingID == 1)
        #expect(receipt.shape == .hubAPI)
        #expect(receipt.windowDays == 30)
        #expect(receipt.rowsRead == 13)
        #expect(receipt.modelsStored == 12)
        #expect(receipt.modelsSkipped == 1)
        #expect(receipt.files == ListingWorkspace.pageFiles)
        let downloads = try workspace.downloads(listing: 1)
        #expect(downloads.count == 12)
        #expect(downloads["meta-llama/Llama-3.1-8B-Instruct"] == 5_400_000)
        #expect(downloads["janedoe/loop-b"] == 190)
        #expect(downloads["janedoe/abandoned-test"] == nil, "0 downloads: not stored")

        let stored = try #require(try workspace.warehouse.listings().first)
        #expect(stored.models == 12 && stored.modelsSkipped == 1)
        #expect(stored.files == ["page-0001.json", "page-0002.json"])
        #expect(
            stored.downloads == 5_400_000 + 3_100_000 + 2_200_000 + 1_500_000 + 900_000 + 800_000 + 700_000 + 450_000 + 120_000 + 3400 + 210
                + 190)
        #expect(stored.retrievedOn == CalendarDate("2026-06-30"))
    }

    @Test func authorsAndFieldsAreStoredAsGivenOrFromTheID() throws {
        let workspace = try ListingWorkspace()
        try workspace.importFiles(ListingWorkspace.pageFiles)
        let rows = try workspace.warehouse.database.read { connection in
            try connection.fetchAll(
                """
                SELECT model, author, downloads_all_time, created_on, pipeline_tag, library FROM listing_models
                WHERE model IN ('google/gemma-2-2b-it', 'meta-llama/Llama-3.1-8B-Instruct', 'bartowski/Qwen2.5-7B-Instruct-GGUF')
                ORDER BY model
                """
            ) { row in
                [
                    try row.get(0), try row.get(1), (try row.get(2) as Int64?).map(String.init) ?? "-", try row.get(3),
                    try row.get(4) as String? ?? "-", try row.get(5) as String? ?? "-",
                ].joined(separator: " ")
            }
        }
        #expect(
            rows == [
                "bartowski/Qwen2.5-7B-Instruct-GGUF bartowski - 2024-09-19 text-generation -",
                // modelId without id, no author: the author is the id's organisation.
                "google/gemma-2-2b-it google - 2024-07-16 text-generation transformers",
                "meta-llama/Llama-3.1-8B-Instruct meta-llama 98000000 2024-07-18 text-generation transformers",
            ])
    }

    @Test func theTagsNameTheBasesWithTheirRelation() throws {
        let workspace = try ListingWorkspace()
        try workspace.importFiles(ListingWorkspace.pageFiles)
        let bases = try workspace.bases(listing: 1)
        // A plain base_model:X beside base_model:finetune:X is one base, a fine-tune.
        #expect(bases.contains("meta-llama/Llama-3.1-8B-Instruct meta-llama/Llama-3.1-8B finetune"))
        #expect(!bases.contains("meta-llama/Llama-3.1-8B-Instruct meta-llama/Llama-3.1-8B base"))
        #expect(bases.contains("bartowski/Qwen2.5-7B-Instruct-GGUF Qwen/Qwen2.5-7B-Instruct quantized"))
        #expect(bases.contains("zz-lab-unknown/phi3-support-lora microsoft/Phi-3-mini-4k-instruct adapter"))
        // A merge of two bases.
        #expect(
            bases.filter { $0.hasPrefix("mlabonne/Daredevil-Merge-7B ") } == [
                "mlabonne/Daredevil-Merge-7B Qwen/Qwen2.5-7B-Instruct merge",
                "mlabonne/Daredevil-Merge-7B mistralai/Mistral-7B-Instruct-v0.3 merge",
            ])
        // A cycle is stored as the tags say it; a base outside the listing too.
        #expect(bases.contains("janedoe/loop-a janedoe/loop-b finetune") && bases.contains("janedoe/loop-b janedoe/loop-a finetune"))
        #expect(bases.contains("deepseek-ai/DeepSeek-R1-Distill-Qwen-7B Qwen/Qwen2.5-Math-7B finetune"))
        #expect(bases.count == 11)
        #expect(try workspace.warehouse.listings()[0].models == 12)
    }

    @Test func theSameListingAsNDJSONIsUnchangedAndWritesNothing() throws {
        let workspace = try ListingWorkspace()
        let first = try workspace.importFiles(ListingWorkspace.pageFiles)
        let before = try workspace.fingerprint()
        let again = try workspace.importFiles([ListingWorkspace.ndjson])
        #expect(again.outcome == .unchanged)
        #expect(again.listingID == first.listingID)
        #expect(again.modelsStored == 12 && again.modelsSkipped == 0)
        #expect(try workspace.fingerprint() == before)
        // The pages in the other order: unchanged too.
        let reversed = try workspace.importFiles(ListingWorkspace.pageFiles.reversed())
        #expect(reversed.outcome == .unchanged)
        #expect(try workspace.fingerprint() == before)
    }

    @Test func anotherDateOrWindowIsAnotherListing() throws {
        let workspace = try ListingWorkspace()
        try workspace.importFiles(ListingWorkspace.pageFiles)
        let later = try workspace.importFiles(ListingWorkspace.pageFiles, workspace.options(retrievedOn: "2026-07-31"))
        #expect(later.outcome == .imported && later.listingID == 2)
        let window = try workspace.importFiles(ListingWorkspace.pageFiles, workspace.options(windowDays: 28))
        #expect(window.outcome == .imported && window.listingID == 3 && window.windowDays == 28)
        #expect(try workspace.latestListingID() == 2)
    }

    @Test func aFolderOfPagesImportsAsOneListing() throws {
        let workspace = try ListingWorkspace()
        let selection = try ImportSelection.select([ListingWorkspace.pages])
        #expect(selection.inputs.map(\.name) == ListingWorkspace.pageFiles)
        let receipt = try workspace.warehouse.importListing(from: selection.inputs, options: workspace.options())
        #expect(receipt.outcome == .imported && receipt.modelsStored == 12)
        #expect(try workspace.warehouse.listings().count == 1)
    }

    @Test func aDryRunChecksEverythingAndWritesNothing() throws {
        let workspace = try ListingWorkspace()
        let before = try workspace.fingerprint()
        let receipt = try workspace.importFiles(ListingWorkspace.pageFiles, workspace.options(dryRun: true))
        #expect(receipt.outcome == .dryRun && receipt.modelsStored == 12 && receipt.listingID == 1)
        #expect(try workspace.fingerprint() == before)
    }

    @Test func theDetailListsTheTopModelsWithTheirBases() throws {
        let workspace = try ListingWorkspace()
        try workspace.importFiles(ListingWorkspace.pageFiles)
        let detail = try #require(try workspace.warehouse.listing(id: 1, top: 3))
        #expect(
            detail.topModels.map(\.model) == [
                "meta-llama/Llama-3.1-8B-Instruct", "Qwen/Qwen2.5-7B-Instruct", "deepseek-ai/DeepSeek-R1-Distill-Qwen-7B",
            ])
        #expect(detail.topModels[0].bases == [ListingBase(model: "meta-llama/Llama-3.1-8B", relation: .finetune)])
        // meta-llama, Qwen, deepseek-ai, mistralai, google, microsoft, bartowski, mlabonne, zz-lab-unknown, janedoe.
        #expect(detail.authors == 10)
        #expect(detail.bases == 11)
        #expect(detail.citation?.key == ListingWorkspace.source)
        #expect(try workspace.warehouse.listing(id: 99) == nil)
    }

    @Test func aSourceNotInTheCatalogueIsRefusedNamingTheCommands() throws {
        let workspace = try ListingWorkspace()
        let before = try workspace.fingerprint()
        var options = workspace.options()
        options.source = "no-such-source"
        let error = try #require(throws: ListingError.self) { try workspace.importFiles(ListingWorkspace.pageFiles, options) }
        #expect(error == .unknownSource("no-such-source"))
        #expect(error.description.contains("sharehouse sources add --key no-such-source"))
        #expect(try workspace.fingerprint() == before)
    }

    @Test func theDayNumberRoundTrips() {
        for text in ["0001-01-01", "1999-12-31", "2000-02-29", "2024-02-29", "2025-03-01", "9999-12-31"] {
            let date = CalendarDate(text)!
            #expect(CalendarDate(dayNumber: date.dayNumber) == date, "\(text)")
        }
        #expect(CalendarDate("2025-03-01")!.adding(days: -1) == CalendarDate("2025-02-28"))
        #expect(CalendarDate("2025-06-30")!.adding(days: -28) == CalendarDate("2025-06-02"))
    }
}

extension ListingWorkspace {
    func latestListingID() throws -> Int64? { try warehouse.latestListingID() }
}
