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

        try ViewFixture.load(into: warehouse)
        let figures = try warehouse.database.read { db in
            try db.fetchAll("SELECT entity_code, value_text FROM current_figures WHERE period = ?", "2024-09/2025-08") { row in
                (code: try row.get(0) as String, value: try row.get(1) as String)
            }
        }
        #expect(figures.map { "\($0.code)=\($0.value)" }.sorted() == ["CN=17.1", "US=15.86"])
    }
}
