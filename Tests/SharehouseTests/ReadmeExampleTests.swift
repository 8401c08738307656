import Testing
import Sharehouse
import SharehouseDB
import SharehouseTestSupport

@Suite("README")
struct ReadmeExampleTests {
    /// Does what the README's "Embedding the library" example shows, on a real file.
    @Test func readmeEmbeddingExampleWorks() throws {
        let directory = try TemporaryDirectory("readme")
        let warehouse = try Warehouse(path: directory.file("shares.sqlite"))
        let china = try warehouse.resolveEntity("الصّين").entity
        #expect(china.code == "CN")
        #expect(china.nameEnglish == "China")
        #expect(china.nameArabic == "الصين")

        try warehouse.importSnapshot(from: .file(Repository.path("Fixtures/eoi-12m-ft-2025-11-26.json")))
        let receipt = try warehouse.importSnapshot(
            [ObservationInput(entity: "China", value: "17.1"), ObservationInput(entity: "USA", value: "15.8")],
            description: SnapshotDescription(measure: .key("eoi_download_share_12m"), source: .key("ft-2025-11-26"),
                                             publishedOn: CalendarDate("2025-11-26"), period: Period("2024-09/2025-08")))
        #expect(receipt.outcome == .imported)
        #expect(receipt.snapshotID == 2)

        let figures = try warehouse.database.read { db in
            try db.fetchAll("SELECT entity_code, value_text FROM current_figures WHERE period = ?", "2024-09/2025-08") { row in
                (code: try row.get(0) as String, value: try row.get(1) as String)
            }
        }
        // Two snapshots of one source published on one day: the later import is current.
        #expect(figures.map { "\($0.code)=\($0.value)" }.sorted() == ["CN=17.1", "US=15.8"])
    }
}
