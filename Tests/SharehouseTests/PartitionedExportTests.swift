import Foundation
import Sharehouse
import SharehouseDB
import SharehouseTestSupport
import Testing

/// `Warehouse.exportFigures` and `exportListings`: every file read back without the
/// library, every row checked against the warehouse, and the folder's safety rules.
@Suite("Partitioned export")
struct PartitionedExportTests {
    static let figureColumns = [
        "source", "entity_code", "entity_name", "value", "decimals", "unit", "start_date", "end_date", "snapshot_id", "published_on",
        "verification", "coverage",
    ]
    static let figureNumbers: Set<String> = ["value", "decimals", "snapshot_id"]
    static let listingColumns = [
        "listing_id", "source", "retrieved_on", "window_days", "model", "author", "downloads", "downloads_all_time", "created_on",
        "pipeline_tag", "library", "org_country", "derived_org_country",
    ]
    static let listingNumbers: Set<String> = ["listing_id", "window_days", "downloads", "downloads_all_time"]
    static let baseColumns = ["listing_id", "model", "base_model", "relation"]

    /// Rows of `sql` as column name to text (nil for NULL), numbers in `numeric` normalised
    /// as the reader normalises NDJSON's.
    static func expected(_ warehouse: Warehouse, _ sql: String, numeric: Set<String>, format: ExportFileFormat) throws
        -> [[String: String?]]
    {
        try warehouse.database.read { connection in
            try connection.fetchAll(sql) { row in
                var values: [String: String?] = [:]
                for (index, name) in row.columnNames.enumerated() {
                    let text: String? =
                        switch row.values[index] {
                        case .null: nil
                        case .integer(let number): String(number)
                        case .real(let number): String(number)
                        case .text(let text): text
                        case .blob: "?"
                        }
                    values[name] = numeric.contains(name) && format == .ndjson ? text.map { String(Double($0)!) } : text
                }
                return values
            }
        }
    }

    /// The rows as sorted lines, to compare as multisets.
    static func lines(_ rows: [[String: String?]], _ columns: [String]) -> [String] {
        rows.map { row in columns.map { (row[$0] ?? nil) ?? "<null>" }.joined(separator: "|") }.sorted()
    }

    @Test(arguments: ExportFileFormat.allCases)
    func everyFigureInForceIsReadBackFromItsPartition(_ format: ExportFileFormat) throws {
        let fixtures = try FixtureWarehouse()
        let folder = fixtures.workspace.directory.file("out")
        let receipt = try fixtures.warehouse.exportFigures(to: folder, options: FigureExportOptions(format: format))
        #expect(receipt.files.allSatisfy { $0.outcome == .written && $0.table == "figures" && $0.rows > 0 })
        let reader = PartitionedExportReader(directory: folder, format: format)
        #expect(try reader.files("figures") == receipt.files.map(\.path).sorted())
        let rows = try reader.rows(
            "figures", columns: Self.figureColumns, partitions: ["measure", "period"], numeric: Self.figureNumbers)
        let expected = try Self.expected(
            fixtures.warehouse,
            """
            SELECT measure, period, source, entity_code, entity_name, value_text AS value, decimals, unit, start_date, end_date,
                   snapshot_id, known_from AS published_on, verification, coverage
            FROM current_figures
            """, numeric: Self.figureNumbers, format: format)
        #expect(expected.count > 150)
        #expect(rows.count == expected.count)
        #expect(receipt.rows == expected.count)
        let columns = ["measure", "period"] + Self.figureColumns
        #expect(Self.lines(rows.map(\.values), columns) == Self.lines(expected, columns))
        // One file per measure and period, each with its own rows only.
        let partitions = Set(expected.map { [$0["measure"]!!, $0["period"]!!] })
        #expect(receipt.files.count == partitions.count)
        // A period of whole months is a folder with its `/` escaped, and reads back with it.
        #expect(receipt.files.contains { $0.path.hasPrefix("figures/measure=eoi_download_share_12m/period=2024-09%2F2025-08/part-0.") })
        #expect(rows.contains { $0.values["period"] == "2024-09/2025-08" })
        if format == .csv {
            // The published digits, as published.
            let text = try String(
                contentsOfFile: folder + "/figures/measure=eoi_download_share_12m/period=2024-09%2F2025-08/part-0.csv", encoding: .utf8)
            #expect(text.contains(",FR,France,1.0,1,percent,2024-09-01,2025-08-31,"), "\(text)")
        }
    }

    @Test func everyVintageIsTheHistoryWithItsEnd() throws {
        let fixtures = try FixtureWarehouse()
        let folder = fixtures.workspace.directory.file("out")
        let receipt = try fixtures.warehouse.exportFigures(
            to: folder, options: FigureExportOptions(format: .ndjson, measure: "synthetic_monthly_share", vintages: .all))
        #expect(receipt.files.allSatisfy { $0.table == "figure_history" && $0.path.hasSuffix("/part-0.ndjson") })
        let columns = Array(Self.figureColumns.prefix(10)) + ["known_to"] + Self.figureColumns.suffix(2)
        let rows = try PartitionedExportReader(directory: folder, format: .ndjson).rows(
            "figure_history", columns: columns, partitions: ["measure", "period"], numeric: Self.figureNumbers)
        let expected = try Self.expected(
            fixtures.warehouse,
            """
            SELECT measure, period, source, entity_code, entity_name, value_text AS value, decimals, unit, start_date, end_date,
                   snapshot_id, known_from AS published_on, known_to, verification, coverage
            FROM figure_history WHERE measure = 'synthetic_monthly_share'
            """, numeric: Self.figureNumbers, format: .ndjson)
        #expect(rows.count == expected.count)
        #expect(expected.contains { $0["known_to"]! != nil }, "the fixtures have a revision")
        #expect(Self.lines(rows.map(\.values), ["measure", "period"] + columns) == Self.lines(expected, ["measure", "period"] + columns))
        #expect(!FileManager.default.fileExists(atPath: folder + "/figures"))
    }

    /// The synthetic Hub listing, the study's rows, and a listing whose text needs quoting.
    static func listings() throws -> ListingWorkspace {
        let workspace = try ListingWorkspace()
        try workspace.importFiles(ListingWorkspace.pageFiles)
        try workspace.importFiles([ListingWorkspace.study], workspace.options(retrievedOn: "2025-06-30", windowDays: 28))
        let odd = try workspace.write(
            "odd.ndjson",
            """
            {"id": "org/quoted", "author": "org", "downloads": 7, "library_name": "a, \\"b\\"\\nc", "pipeline_tag": "text,gen", "tags": ["base_model:org/base"]}
            {"id": "org/plain", "downloads": 12345678901, "downloadsAllTime": 0, "createdAt": "2026-07-01T00:00:00.000Z"}

            """)
        try workspace.importFiles([odd], workspace.options(retrievedOn: "2026-07-31"))
        return workspace
    }

    @Test(arguments: ExportFileFormat.allCases)
    func everyListedModelAndBaseIsReadBackFromItsMonth(_ format: ExportFileFormat) throws {
        let workspace = try Self.listings()
        let folder = workspace.directory.file("out")
        let receipt = try workspace.warehouse.exportListings(to: folder, options: ListingExportOptions(format: format))
        let ext = format.fileExtension
        #expect(
            receipt.files.map(\.path) == [
                "listings/month=2026-06/part-1.\(ext)", "listing_bases/month=2026-06/part-1.\(ext)",
                "listings/month=2025-06/part-2.\(ext)", "listing_bases/month=2025-06/part-2.\(ext)",
                "listings/month=2026-07/part-3.\(ext)", "listing_bases/month=2026-07/part-3.\(ext)",
            ])
        let reader = PartitionedExportReader(directory: folder, format: format)
        let models = try reader.rows("listings", columns: Self.listingColumns, partitions: ["month"], numeric: Self.listingNumbers)
        let expectedModels = try Self.expected(
            workspace.warehouse,
            """
            SELECT substr(l.retrieved_on, 1, 7) AS month, l.id AS listing_id, l.source, l.retrieved_on, l.window_days, m.model, m.author,
                   m.downloads, m.downloads_all_time, m.created_on, m.pipeline_tag, m.library, m.org_country, m.derived_org_country
            FROM listing_models AS m JOIN listings AS l ON l.id = m.listing_id
            """, numeric: Self.listingNumbers, format: format)
        #expect(expectedModels.count == 12 + 4 + 2)
        #expect(models.count == expectedModels.count)
        #expect(
            Self.lines(models.map(\.values), ["month"] + Self.listingColumns) == Self.lines(expectedModels, ["month"] + Self.listingColumns)
        )
        let bases = try reader.rows("listing_bases", columns: Self.baseColumns, partitions: ["month"], numeric: ["listing_id"])
        let expectedBases = try Self.expected(
            workspace.warehouse,
            """
            SELECT substr(l.retrieved_on, 1, 7) AS month, b.listing_id, b.model, b.base_model, b.relation
            FROM listing_bases AS b JOIN listings AS l ON l.id = b.listing_id
            """, numeric: ["listing_id"], format: format)
        #expect(!expectedBases.isEmpty)
        #expect(Self.lines(bases.map(\.values), ["month"] + Self.baseColumns) == Self.lines(expectedBases, ["month"] + Self.baseColumns))
        // Each file holds its own listing only, and the receipt counts its rows.
        for file in receipt.files {
            let id = file.path.split(separator: "part-")[1].split(separator: ".")[0]
            let own = (file.table == "listings" ? models : bases).filter { $0.file == file.path }
            #expect(
                own.count == file.rows
                    && own.allSatisfy { $0.values["listing_id"] == String(Double(id)!) || $0.values["listing_id"] == String(id) })
        }
        #expect(models.contains { $0.values["library"] == "a, \"b\"\nc" && $0.values["pipeline_tag"] == "text,gen" })
        if format == .csv {
            let text = try String(contentsOfFile: folder + "/listings/month=2026-07/part-3.csv", encoding: .utf8)
            #expect(text.contains(",text,gen") == false && text.contains(",\"text,gen\",\"a, \"\"b\"\"\nc\","), "\(text)")
            #expect(text.contains(",12345678901,0,2026-07-01,,,,\r\n"), "plain digits, empty for absent: \(text)")
        } else {
            let text = try String(contentsOfFile: folder + "/listings/month=2026-07/part-3.ndjson", encoding: .utf8)
            #expect(text.contains(#""downloads": 12345678901, "downloads_all_time": 0, "created_on": "2026-07-01", "pipeline_tag": null"#))
        }
        // Only one listing, when asked.
        let one = try workspace.warehouse.exportListings(
            to: workspace.directory.file("one"), options: ListingExportOptions(format: format, listings: [2]))
        #expect(
            one.files.map(\.path)
                == ["listings/month=2025-06/part-2.\(ext)", "listing_bases/month=2025-06/part-2.\(ext)"].filter {
                    $0.hasPrefix("listings/") || expectedBases.contains { $0["listing_id"]! == "2" || $0["listing_id"]! == "2.0" }
                })
        #expect(throws: PartitionedExportError.unknownListing(9)) {
            try workspace.warehouse.exportListings(to: workspace.directory.file("none"), options: ListingExportOptions(listings: [9]))
        }
        #expect(!FileManager.default.fileExists(atPath: workspace.directory.file("none")), "a refused export creates no folder")
    }

    /// Every file and folder under `folder` with its bytes (or `<dir>`), and each file's inode.
    static func tree(_ folder: String) throws -> [String: String] {
        var tree: [String: String] = [:]
        for path in try #require(FileManager.default.subpaths(atPath: folder)) {
            let full = folder + "/" + path
            let attributes = try FileManager.default.attributesOfItem(atPath: full)
            if attributes[.type] as? FileAttributeType == .typeDirectory {
                tree[path] = "<dir>"
            } else {
                let inode = (attributes[.systemFileNumber] as? NSNumber)?.stringValue ?? "?"
                tree[path] = inode + ":" + (try String(contentsOfFile: full, encoding: .utf8))
            }
        }
        return tree
    }

    @Test func aRerunLeavesEqualFilesAloneAndRefusesToChangeOthersUnlessAsked() throws {
        let workspace = try ImportWorkspace()
        try workspace.write("a.csv", "entity,period,value\nCN,2025-07,17.1\nUS,2025-07,15.8\n")
        _ = try workspace.importFile("a.csv")
        let folder = workspace.directory.file("out")
        try workspace.directory.write("out/README.txt", "mine\n")
        try workspace.directory.write("out/figures/notes.txt", "also mine\n")
        let first = try workspace.warehouse.exportFigures(to: folder)
        #expect(first.files.map(\.path) == ["figures/measure=test_share/period=2025-07/part-0.csv"])
        #expect(first.files.map(\.outcome) == [.written])
        let before = try Self.tree(folder)
        let again = try workspace.warehouse.exportFigures(to: folder)
        #expect(again.files.map(\.outcome) == [.unchanged])
        #expect(try Self.tree(folder) == before, "same bytes, same inode: the file was not rewritten")

        // A later vintage of 2025-07 and a new period: one file would change.
        try workspace.write(
            "b.csv", "entity,period,value\nCN,2025-07,18.0\nUS,2025-07,15.8\nCN,2025-08,19\n",
            sidecar: ImportWorkspace.metadataJSON.replacingOccurrences(of: "2026-01-15", with: "2026-02-01"))
        #expect(try workspace.importFile("b.csv").outcome == .imported)
        let refusal = try #require(throws: PartitionedExportError.self) { try workspace.warehouse.exportFigures(to: folder) }
        #expect(refusal == .wouldOverwrite(directory: folder, paths: ["figures/measure=test_share/period=2025-07/part-0.csv"], count: 1))
        #expect(refusal.category == .refused)
        #expect("\(refusal)".contains("nothing was written"))
        #expect(try Self.tree(folder) == before, "refused: nothing written, not even the new period's file or its folder")

        let replaced = try workspace.warehouse.exportFigures(to: folder, options: FigureExportOptions(replace: true))
        #expect(replaced.files.map(\.outcome) == [.replaced, .written])
        let after = try Self.tree(folder)
        #expect(after["README.txt"] == before["README.txt"] && after["figures/notes.txt"] == before["figures/notes.txt"])
        #expect(after.keys.allSatisfy { !$0.contains(".tmp") }, "\(after.keys)")
        let text = try String(contentsOfFile: folder + "/figures/measure=test_share/period=2025-07/part-0.csv", encoding: .utf8)
        #expect(text.contains(",CN,China,18.0,1,"), "\(text)")
    }

    @Test func aFileWhereTheFolderShouldBeAndUnknownKeysAreRefused() throws {
        let fixtures = try FixtureWarehouse()
        let file = try fixtures.workspace.directory.write("file.txt", "x")
        #expect(throws: PartitionedExportError.notAFolder(path: file)) { try fixtures.warehouse.exportFigures(to: file) }
        let none = fixtures.workspace.directory.file("none")
        #expect(throws: QueryError.unknownMeasure("nope")) {
            try fixtures.warehouse.exportFigures(to: none, options: FigureExportOptions(measure: "nope"))
        }
        #expect(!FileManager.default.fileExists(atPath: none))
        let empty = try fixtures.warehouse.exportListings(to: none)
        #expect(empty.files.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: none), "an export with nothing to write leaves no folder behind")
    }
}
