import Foundation
import Sharehouse
import SharehouseDB
import SharehouseTestSupport
import Testing

/// Inputs real tools produce, and the corners a review found.
@Suite("Import: edge cases")
struct ImportEdgeTests {
    let workspace: ImportWorkspace
    init() throws { workspace = try ImportWorkspace() }

    @Test func relayedSourcesMayComeInAnyOrder() throws {
        let original = try String(contentsOfFile: Repository.path("Fixtures/eoi-12m-argaam-2025-11.json"), encoding: .utf8)
        let data = try #require(try JSONSerialization.jsonObject(with: Data(original.utf8)) as? [String: Any])
        let sources = try #require(data["sources"] as? [[String: Any]])
        #expect(sources.map { $0["key"] as? String } == ["eoi-2025", "ft-2025-11-26"])
        // The FT (derived from the study) before the study it is derived from.
        var object = data
        object["sources"] = Array(sources.reversed())
        let bytes = try JSONSerialization.data(withJSONObject: object)
        // JSONSerialization writes 1.0 as 1; the figures here are not what is tested.
        let receipt = try workspace.warehouse.importSnapshot(from: .bytes([UInt8](bytes), name: "reversed.json"))
        #expect(receipt.addedSources.sorted() == ["argaam-1862466", "eoi-2025", "ft-2025-11-26"])
    }

    @Test func aNoteLongerThan64KiBIsRefusedAtItsPlace() throws {
        let original = try String(contentsOfFile: Repository.path("Fixtures/eoi-12m-argaam-2025-11.json"), encoding: .utf8)
        var object = try #require(try JSONSerialization.jsonObject(with: Data(original.utf8)) as? [String: Any])
        object["note"] = String(repeating: "x", count: 64 << 10)
        let fits = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
        #expect(
            try workspace.warehouse.importSnapshot(from: .bytes([UInt8](fits), name: "fits.json"), options: ImportOptions(dryRun: true))
                .rowsRead > 0)
        object["note"] = String(repeating: "x", count: (64 << 10) + 1)
        let long = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
        let before = try workspace.fingerprint()
        let error = try #require(throws: ImportError.self) {
            try workspace.warehouse.importSnapshot(from: .bytes([UInt8](long), name: "long.json"))
        }
        #expect(error.file == "long.json" && error.line == 1 && error.column != nil, "\(error)")
        #expect(error.reason == "the text here is 65537 bytes long; names, titles and notes are at most 64 KiB", "\(error)")
        #expect(try workspace.fingerprint() == before)
    }

    @Test func theSameFiguresWithOtherMetadataAreRefusedNotLost() throws {
        try workspace.write("a.csv", "entity,period,value\nCN,2025-08,17.1\n")
        _ = try workspace.importFile("a.csv")
        let before = try workspace.fingerprint()
        var options = ImportOptions()
        options.description.verification = .primary
        let error = try #require(throws: ImportError.self) { try workspace.importFile("a.csv", options: options) }
        #expect(error.category == .refused)
        #expect(error.reason.contains("already imported as snapshot 1, with verification unverified, this import primary"))
        #expect(try workspace.fingerprint() == before)
    }

    @Test func aFileIsNeverItsOwnSidecar() throws {
        try workspace.write("data", "entity,period,value\nCN,2025-08,17.1\n")
        let csv = try workspace.importFile("data", options: ImportOptions(format: .csv))
        #expect(csv.rowsStored == 1)
        let ndjson = try workspace.directory.write("rows.json", #"{"entity": "US", "period": "2025-08", "value": 15.8}"# + "\n")
        let options = ImportOptions(
            format: .ndjson,
            description: SnapshotDescription(
                measure: .key("test_share"), source: .key("test-source"), publishedOn: CalendarDate("2026-02-01")))
        #expect(try workspace.warehouse.importSnapshot(from: .file(ndjson), options: options).rowsStored == 1)
    }

    /// R's write.csv2 and European spreadsheets: quoted fields, semicolons, decimal
    /// commas. The header says the delimiter; the receipt says how the file was read.
    @Test func aQuotedSemicolonHeaderIsReadAsSemicolonDelimited() throws {
        try workspace.write("r.csv", "\"entity\";\"period\";\"value\"\n\"CN\";\"2025-08\";\"17,1\"\n")
        let receipt = try workspace.importFile("r.csv")
        #expect(receipt.rowsStored == 1)
        #expect(receipt.delimiterFound == "semicolon" && receipt.decimalCommasRead)
    }

    /// A header no delimiter splits into known columns is read as its name says, and
    /// refused with what it looks like and the options that read it.
    @Test func aHeaderWithUnknownColumnsAndAnotherDelimiterIsReported() throws {
        try workspace.write("r.csv", "\"land\";\"monat\";\"wert\"\n\"CN\";\"2025-08\";\"17,1\"\n")
        let error = try #require(throws: ImportError.self) { try workspace.importFile("r.csv") }
        #expect(error.reason.contains("the file looks semicolon-delimited"))
        #expect(error.expected?.contains("--delimiter ';'") == true && error.expected?.contains("--entity-column") == true)
        #expect(error.line == 1)
        #expect(error.column == 7)
    }

    @Test func encodingsAreNamed() throws {
        // NDJSON in UTF-16 without a byte-order mark.
        let utf16 = Array(#"{"entity": "CN", "value": 1}"#.utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        try workspace.directory.write("u.ndjson", bytes: utf16)
        try workspace.directory.write("u.ndjson.json", ImportWorkspace.metadataJSON)
        let error = try #require(throws: ImportError.self) { try workspace.importFile("u.ndjson") }
        #expect(error.reason.contains("it looks like UTF-16"))
        // Arabic in Windows-1256: الصين is C7 E1 D5 ED E4.
        try workspace.directory.write(
            "ar.csv",
            bytes: Array("entity,period,value\n".utf8) + [0xC7, 0xE1, 0xD5, 0xED, 0xE4]
                + Array(",2025-08,17.1\n".utf8))
        try workspace.directory.write("ar.csv.json", ImportWorkspace.metadataJSON)
        let arabic = try #require(throws: ImportError.self) { try workspace.importFile("ar.csv") }
        #expect(arabic.reason.contains("Windows-1256"))
        #expect(arabic.line == 2)
        #expect(arabic.column == 1)
        // In a quoted field the column points at the bad byte, after the quote.
        try workspace.directory.write("q.csv", bytes: Array("entity,period,value\n\"C".utf8) + [0xE9] + Array("N\",2025-08,1\n".utf8))
        try workspace.directory.write("q.csv.json", ImportWorkspace.metadataJSON)
        let quoted = try #require(throws: ImportError.self) { try workspace.importFile("q.csv") }
        #expect(quoted.column == 3)
    }

    @Test func aDryRunOfTwoFilesWithOneContentNamesTheFirst() throws {
        try workspace.write("d1.csv", "entity,period,value\nCN,2025-08,17.1\n")
        try workspace.write("d2.csv", "period,entity,value\n2025-08,China,17.1\n")
        let receipts = try workspace.warehouse.importSnapshots(
            from: [.file(workspace.directory.file("d1.csv")), .file(workspace.directory.file("d2.csv"))],
            options: ImportOptions(dryRun: true))
        #expect(receipts.map(\.outcome) == [.dryRun, .unchanged])
        #expect(receipts[1].sameAsFileInThisRun == workspace.directory.file("d1.csv"))
        #expect(try workspace.snapshotCount() == 0)
    }

    @Test func whatRealToolsWrite() throws {
        // JSON numbers with exponents (Python writes 1e-05), null periods, bidi marks,
        // and the empty rows a spreadsheet leaves below a table.
        try workspace.directory.write(
            "py.json",
            """
            {"measure": "test_share", "source": "test-source", "published_on": "2026-01-15", "period": "2025-08",
             "observations": [{"entity": "CN", "value": 1e-05}, {"entity": "US", "value": 1.50e1, "period": null}]}
            """)
        try workspace.write("seed.csv", "entity,period,value\nGB,2025-07,1\n")
        _ = try workspace.importFile("seed.csv")
        _ = try workspace.importFile("py.json")
        #expect(try workspace.currentFigures().contains("CN 2025-08=0.00001"))
        #expect(try workspace.currentFigures().contains("US 2025-08=15.0"))
        try workspace.write(
            "excel.csv", "entity,period,value\r\nFR,2025-06,\u{200F}1.0\u{200E}\r\n,,\r\n,,\r\n",
            sidecar: ImportWorkspace.metadataJSON.replacingOccurrences(of: "2026-01-15", with: "2026-01-16"))
        #expect(try workspace.importFile("excel.csv").rowsStored == 1)
    }

    /// Files are read in 64 KiB chunks: fields and line ends that straddle a chunk's end
    /// must read as if the file were one piece, and errors keep their line and column.
    @Test(arguments: [65_530, 65_533, 65_535, 65_536, 65_537, 65_540])
    func chunkBoundariesChangeNothing(_ target: Int) throws {
        var text = "entity,period,value\r\n"
        var line = 1
        var day = 0
        // Pad with rows until the next row would cross `target`, then put a bad value there.
        while text.utf8.count < target - 40 {
            let date = CalendarDate(year: 1990 + day / 336, month: (day / 28) % 12 + 1, day: day % 28 + 1)!
            text += "CN,\(date),0.1\r\n"
            line += 1
            day += 1
        }
        let padding = String(repeating: " ", count: max(0, target - text.utf8.count - 14))
        text += "\"US\",\(padding)\"2025-08\",abc\r\n"
        try workspace.write("chunks.csv", text)
        var days = ImportOptions()
        days.bareDates = .day
        let error = try #require(throws: ImportError.self) { try workspace.importFile("chunks.csv", options: days) }
        #expect(error.line == line + 1, "\(error)")
        #expect(
            error.reason.contains("unexpected text after the closing quote") || error.reason.contains("\"abc\" is not a number")
                || error.reason.contains("quote"), "\(error)")
    }

    @Test func aLongFileReadsTheSameWhateverTheChunking() throws {
        var text = "entity,period,value\n"
        var expected = 0
        for day in 0..<4000 {
            let date = CalendarDate(year: 1990 + day / 336, month: (day / 28) % 12 + 1, day: day % 28 + 1)!
            text += "CN,\(date),0.\(day % 9 + 1)\nUS,\(date),\"1\(day % 10).5\"\n"
            expected += 2
        }
        try workspace.write("long.csv", text)
        #expect(text.utf8.count > 2 * 65_536)
        var days = ImportOptions()
        days.bareDates = .day
        let receipt = try workspace.importFile("long.csv", options: days)
        #expect(receipt.rowsStored == expected)
        let sum = try workspace.warehouse.query("SELECT sum(value) FROM observations").rows.first?.first
        var total = 0.0
        for day in 0..<4000 { total += Double(day % 9 + 1) / 10 + Double(10 + day % 10) + 0.5 }
        if case .real(let stored) = sum { #expect(abs(stored - total) < 1e-6) } else { Issue.record("no sum") }
    }

    @Test func countsAreWhole() throws {
        try workspace.write("c.csv", "entity,period,value\nCN,2025-08,1.5\n", sidecar: ImportWorkspace.countMetadataJSON)
        let error = try #require(throws: ImportError.self) { try workspace.importFile("c.csv") }
        #expect(error.reason.contains("is not a whole number"))
    }

    @Test func aMissingFileIsMissingWhateverItsName() throws {
        let error = try #require(throws: ImportError.self) { try workspace.importFile("no-extension") }
        #expect(error.category == .missingInput)
    }

    @Test func exponentsExpandExactly() {
        #expect(PublishedValue.expandingExponent("1e-05") == "0.00001")
        #expect(PublishedValue.expandingExponent("1.5E2") == "150")
        #expect(PublishedValue.expandingExponent("1.50e1") == "15.0")
        #expect(PublishedValue.expandingExponent("-2.5e-1") == "-0.25")
        #expect(PublishedValue.expandingExponent("17.1") == nil)
        #expect(PublishedValue(value: 1, decimals: -3).description == "1")
    }
}
