import Foundation
import Sharehouse
import SharehouseDB
import SharehouseTestSupport

/// A warehouse file in a temporary directory with a source for listings, and the bundled
/// synthetic listing fixtures.
struct ListingWorkspace {
    static let source = "hub-listing-synthetic"
    static let pages = Repository.path("Fixtures/listings/synthetic-hub-2026-06")
    static let pageFiles = ["page-0001.json", "page-0002.json"].map { pages + "/" + $0 }
    static let ndjson = Repository.path("Fixtures/listings/synthetic-hub-2026-06.ndjson")
    static let study = Repository.path("Fixtures/listings/synthetic-study-dataset-weekly.csv")

    let directory: TemporaryDirectory
    let path: String
    let warehouse: Warehouse

    init() throws {
        directory = try TemporaryDirectory("listing")
        path = directory.file("warehouse.sqlite")
        warehouse = try Warehouse(path: path)
        try warehouse.addSource(
            Source(
                key: Self.source, title: "Synthetic model listing (not real data)", url: "https://example.invalid/listing",
                kind: .dataset))
    }

    func options(
        retrievedOn: String = "2026-06-30", windowDays: Int? = nil, shape: ListingShape? = nil, dryRun: Bool = false
    ) -> ListingImportOptions {
        ListingImportOptions(
            source: Self.source, retrievedOn: CalendarDate(retrievedOn)!, windowDays: windowDays, shape: shape, dryRun: dryRun)
    }

    @discardableResult
    func importFiles(_ paths: [String], _ options: ListingImportOptions? = nil) throws -> ListingReceipt {
        try warehouse.importListing(from: paths.map { .file($0) }, options: options ?? self.options())
    }

    /// Writes `contents` to `name` in the workspace and returns its path.
    @discardableResult
    func write(_ name: String, _ contents: String) throws -> String {
        try directory.write(name, contents)
    }

    func fingerprint() throws -> String {
        try databaseFingerprint(path)
    }

    /// `model=downloads` of a listing's models, by model.
    func downloads(listing: Int64) throws -> [String: Int64] {
        try warehouse.database.read { connection in
            Dictionary(
                uniqueKeysWithValues: try connection.fetchAll(
                    "SELECT model, downloads FROM listing_models WHERE listing_id = ?", listing
                ) { (try $0.get(0) as String, try $0.get(1) as Int64) })
        }
    }

    /// `model base relation` of a listing's bases, sorted.
    func bases(listing: Int64) throws -> [String] {
        try warehouse.database.read { connection in
            try connection.fetchAll(
                "SELECT model || ' ' || base_model || ' ' || relation FROM listing_bases WHERE listing_id = ? ORDER BY 1", listing
            ) { try $0.get(0) as String }
        }
    }
}
