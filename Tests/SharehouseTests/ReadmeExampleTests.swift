import Foundation
import Sharehouse
import SharehouseDB
import SharehouseTestSupport
import Testing

@Suite("README")
struct ReadmeExampleTests {
    /// The README's "Embedding the library" shows Examples/Embedding as it is: its
    /// main.swift, its target, and what it prints (which CI checks by running it).
    @Test func readmeShowsTheEmbeddingExample() throws {
        let readme = try String(contentsOfFile: Repository.path("README.md"), encoding: .utf8)
        let section = readme.components(separatedBy: "## Embedding the library\n")[1].components(separatedBy: "\n## ")[0]
        let swiftBlocks = section.components(separatedBy: "```swift\n").dropFirst().map { $0.components(separatedBy: "```")[0] }
        let textBlocks = section.components(separatedBy: "```text\n").dropFirst().map { $0.components(separatedBy: "```")[0] }
        try #require(swiftBlocks.count == 2 && textBlocks.count == 1)
        let example = "Examples/Embedding/"
        let main = try String(contentsOfFile: Repository.path(example + "Sources/Embedding/main.swift"), encoding: .utf8)
        #expect(swiftBlocks[1] == main, "README's code is Examples/Embedding/Sources/Embedding/main.swift")
        let expected = try String(contentsOfFile: Repository.path(example + "expected-output.txt"), encoding: .utf8)
        #expect(textBlocks[0] == expected, "README's output is Examples/Embedding/expected-output.txt")
        // The manifest is the example's, with the path dependency written as a versioned URL.
        let manifest = try String(contentsOfFile: Repository.path(example + "Package.swift"), encoding: .utf8)
        let target = manifest.split(separator: "\n").first { $0.contains(".executableTarget(") }.map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        #expect(target.map { swiftBlocks[0].contains($0) } == true, "README's target is the example's")
        #expect(manifest.contains(#".package(name: "Sharehouse", path: "../..")"#))
        #expect(swiftBlocks[0].contains(#".package(url: "<git URL of this repository>", from: "\#(PackageVersion.current)")"#))
    }

    /// Does what the README's "Embedding the library" example does, checking each step.
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
            description: SnapshotDescription(
                measure: .key("eoi_download_share_12m"), source: .key("ft-2025-11-26"),
                publishedOn: CalendarDate("2025-12-01"), period: Period("2024-09/2025-08")))
        #expect(receipt.outcome == .imported)
        #expect(receipt.snapshotID == 2)

        let comparison = try warehouse.compare(
            from: Period("2024-09/2025-08")!, to: Period("2024-09/2025-08")!,
            entities: ["CN", "US"], scope: QueryScope(sources: .only("ft-2025-11-26")))
        var printed: [String] = []
        for row in comparison.rows {
            printed.append("\(row.entity) \(row.to?.description ?? "-") rank \(row.toRank ?? 0) [\(comparison.toCitation)]")
        }
        for citation in comparison.context.citations { printed.append("[\(citation.number)] \(citation.summary)") }
        // A later publication of the same source is current.
        #expect(printed[0...1] == ["CN 17.1 rank 1 [1]", "US 15.8 rank 2 [1]"])
        #expect(printed[2].hasPrefix("[1] Financial Times, \"China leapfrogs US"))

        let output = try warehouse.query(
            "SELECT entity_code, value_text FROM current_figures WHERE period = :p",
            parameters: ["p": "2024-09/2025-08"])
        #expect(output.rows.sorted { "\($0)" < "\($1)" } == [[.text("CN"), .text("17.1")], [.text("US"), .text("15.8")]])
    }

    /// Runs every ```sql block of the README on the bundled fixtures: each must run and
    /// return rows, so the documented queries stay true as the views change.
    @Test func readmeQueriesRun() throws {
        let readme = try String(contentsOfFile: Repository.path("README.md"), encoding: .utf8)
        let blocks = readme.components(separatedBy: "```sql\n").dropFirst().map { $0.components(separatedBy: "```")[0] }
        #expect(blocks.count >= 3)
        let fixtures = try FixtureWarehouse()
        for block in blocks {
            let output = try fixtures.warehouse.query(block)
            #expect(!output.rows.isEmpty, "\(block)")
        }
        let knownOn = try fixtures.warehouse.query(blocks[2])
        #expect(knownOn.rows.first?.first == .text("14.7"))
        // The section's examples are ExampleQuery.readme, Datasette's canned queries.
        let section = readme.components(separatedBy: "### Ad-hoc SQL\n")[1].components(separatedBy: "\n### ")[0]
        let examples = section.components(separatedBy: "```sql\n").dropFirst().map { $0.components(separatedBy: "```")[0] }
        #expect(examples == ExampleQuery.readme.map(\.readmeBlock))
        let reported = try fixtures.warehouse.query(blocks[0])
        #expect(reported.rows.count == 8, "Argaam's eight entities")
        #expect(reported.rows.first?[3] == .text("argaam-1862466") && reported.rows.first?[4] == .text("most_entities"))
    }
}
