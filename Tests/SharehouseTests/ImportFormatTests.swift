import Foundation
import Sharehouse
import SharehouseDB
import SharehouseTestSupport
import Testing

@Suite("Import: formats")
struct ImportFormatTests {
    let workspace: ImportWorkspace
    init() throws { workspace = try ImportWorkspace() }

    static let expected = ["CN 2025-07=17.1", "CN 2025-08=17.10", "US 2025-07=15.8", "US 2025-08=15.86"]

    @Test func csvLongForm() throws {
        try workspace.write("long.csv", "entity,period,value\nCN,2025-07,17.1\nUS,2025-07,15.8\nCN,2025-08,17.10\nUS,2025-08,15.86\n")
        let receipt = try workspace.importFile("long.csv")
        #expect(receipt.outcome == .imported)
        #expect(receipt.rowsRead == 4)
        #expect(receipt.rowsStored == 4)
        #expect(receipt.periods.map(\.description) == ["2025-07", "2025-08"])
        #expect(try workspace.currentFigures() == Self.expected)
    }

    @Test func csvWideForm() throws {
        try workspace.write("wide.csv", "country,2025-07,2025-08\nChina,17.1,17.10\nUnited States,15.8,15.86\n")
        #expect(try workspace.importFile("wide.csv").rowsStored == 4)
        #expect(try workspace.currentFigures() == Self.expected)
    }

    @Test func tsvWithQuotesCRLFAndABOM() throws {
        try workspace.write(
            "shares.tsv",
            "\u{FEFF}code\tshare\tperiod\r\n\"CN\"\t17.1%\t2025-07\r\nUS\t\"15.8\"\t2025-07\r\nCN\t17.10\t2025-08\r\nUS\t15.86 %\t2025-08\r\n"
        )
        #expect(try workspace.importFile("shares.tsv").rowsStored == 4)
        #expect(try workspace.currentFigures() == Self.expected)
    }

    @Test func ndjson() throws {
        try workspace.write(
            "rows.ndjson",
            """
            {"entity": "CN", "period": "2025-07", "value": 17.1}
            {"entity": "US", "period": "2025-07", "value": "15.8"}

            {"entity": "China", "period": "2025-08", "value": 17.10}
            {"entity": "USA", "period": "2025-08", "value": 15.86}
            """)
        #expect(try workspace.importFile("rows.ndjson").rowsStored == 4)
        #expect(try workspace.currentFigures() == Self.expected)
    }

    @Test func aSelfDescribingJSONSnapshot() throws {
        try workspace.directory.write(
            "snapshot.json",
            """
            {"measure": {"key": "test_share", "name": "Test share", "unit": "percent",
                         "universe": "synthetic test data", "attribution": "synthetic"},
             "source": {"key": "test-source", "title": "Synthetic test source (not real data)",
                        "url": "https://example.invalid/test", "kind": "dataset"},
             "published_on": "2026-01-15", "coverage": "complete",
             "observations": [
                {"entity": "CN", "period": "2025-07", "value": 17.1}, {"entity": "US", "period": "2025-07", "value": 15.8},
                {"entity": "CN", "period": "2025-08", "value": 17.10}, {"entity": "US", "period": "2025-08", "value": "15.86"}]}
            """)
        let receipt = try workspace.importFile("snapshot.json")
        #expect(receipt.addedMeasures == ["test_share"])
        #expect(receipt.addedSources == ["test-source"])
        #expect(receipt.coverage == .complete)
        #expect(receipt.verification == .unverified, "verification defaults to unverified")
        #expect(try workspace.currentFigures() == Self.expected)
    }

    @Test func arabicHeadersNamesAndDigits() throws {
        try workspace.write(
            "arabic.csv",
            """
            الدولة,الفترة,الحصة
            الصين,٢٠٢٥-٠٧,١٧٫١
            الولايات المتحدة,2025-07,15.8
            الصّين,2025-08,17.10
            أمريكا,2025-08,١٥٫٨٦
            """)
        let receipt = try workspace.importFile("arabic.csv")
        #expect(receipt.rowsStored == 4)
        #expect(Set(receipt.matchedByName.map(\.input)) == ["الصين", "الولايات المتحدة", "الصّين", "أمريكا"])
        #expect(receipt.matchedByName.first { $0.input == "أمريكا" }?.matchedBy == .alias)
        #expect(try workspace.currentFigures() == Self.expected)
    }

    @Test func aDefaultPeriodForRowsWithout() throws {
        try workspace.write("table.csv", "country,share\nChina,17.1\nUnited States,15.8\n")
        var options = ImportOptions()
        options.description.period = Period("2024-09/2025-08")
        #expect(try workspace.importFile("table.csv", options: options).rowsStored == 2)
        #expect(try workspace.currentFigures() == ["CN 2024-09/2025-08=17.1", "US 2024-09/2025-08=15.8"])
    }

    @Test func metadataFromOptionsInsteadOfASidecar() throws {
        _ = try workspace.warehouse.addMeasure(
            Measure(
                key: "opt_share", name: "Option share", unit: .percent,
                universe: "synthetic test data", attribution: "synthetic"))
        _ = try workspace.warehouse.addSource(
            Source(
                key: "opt-source", title: "Synthetic (not real data)",
                url: "https://example.invalid/opt", kind: .dataset))
        try workspace.write("plain.csv", "entity,period,value\nCN,2025-08,17.1\n", sidecar: nil)
        let options = ImportOptions(
            description: SnapshotDescription(
                measure: .key("opt_share"), source: .key("opt-source"), publishedOn: CalendarDate("2026-02-01"),
                verification: .primary))
        let receipt = try workspace.importFile("plain.csv", options: options)
        #expect(receipt.measure == "opt_share")
        #expect(receipt.verification == .primary)
        #expect(receipt.coverage == .topN, "coverage defaults to a partial list")
    }

    @Test func aDecimalCommaWhenAsked() throws {
        try workspace.write("comma.csv", "entity;value\nCN;17,1\n".replacingOccurrences(of: ";", with: "\t"))
        var options = ImportOptions(format: .tsv, decimalComma: true)
        options.description.period = Period("2025-08")
        #expect(try workspace.importFile("comma.csv", options: options).rowsStored == 1)
        #expect(try workspace.currentFigures() == ["CN 2025-08=17.1"])
    }

    @Test func countsAreWholeNumbersAsPublished() throws {
        try workspace.write(
            "counts.csv", "entity,period,value\nCN,2022-12/2026-03,1150000000\nUS,2022-12/2026-03,723000000\n",
            sidecar: ImportWorkspace.countMetadataJSON)
        #expect(try workspace.importFile("counts.csv").rowsStored == 2)
        #expect(try workspace.currentFigures(measure: "test_count") == ["CN 2022-12/2026-03=1150000000", "US 2022-12/2026-03=723000000"])
    }
}
