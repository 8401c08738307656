import Foundation
import Sharehouse
import SharehouseDB
import SharehouseTestSupport
import Testing

/// One file that must be refused: where, and why.
struct BadInput: Sendable, CustomTestStringConvertible {
    let name: String
    let file: String
    var bytes: [UInt8]
    var sidecar: String? = ImportWorkspace.metadataJSON
    var line: Int?
    var column: Int?
    let reason: String
    var decimalComma = false
    var published: String?
    var measure: String?
    var source: String?

    init(_ name: String, file: String = "bad.csv", _ text: String, line: Int?, column: Int? = nil, reason: String) {
        self.name = name
        self.file = file
        self.bytes = Array(text.utf8)
        self.line = line
        self.column = column
        self.reason = reason
    }

    var testDescription: String { name }

    func with(_ change: (inout BadInput) -> Void) -> BadInput {
        var copy = self
        change(&copy)
        return copy
    }
}

@Suite("Import: strict validation writes nothing")
struct ImportValidationTests {
    static let header = "entity,period,value\n"

    static let cases: [BadInput] = [
        BadInput(
            "a share above 100", header + "CN,2025-08,17.1\nUS,2025-08,117.1\n", line: 3, column: 12, reason: "the share 117.1 is above 100"
        ),
        BadInput("a negative share", header + "CN,2025-08,-1.5\n", line: 2, column: 12, reason: "the share -1.5 is below 0"),
        BadInput("a non-number", header + "CN,2025-08,seventeen\n", line: 2, column: 12, reason: "\"seventeen\" is not a number"),
        BadInput("an empty value", header + "CN,2025-08,17.1\nUS,2025-08,\n", line: 3, column: 12, reason: "the value is empty"),
        BadInput("NaN", header + "CN,2025-08,NaN\n", line: 2, column: 12, reason: "is not a number"),
        BadInput(
            "a duplicate entity and period", header + "CN,2025-08,17.1\nUS,2025-08,15.8\nChina,2025-08,17.1\n",
            line: 4, column: 1, reason: "CN is given twice for 2025-08"),
        BadInput(
            "shares adding up to more than 100", header + "CN,2025-08,60.0\nUS,2025-08,50.0\nGB,2025-07,3.6\n",
            line: 3, reason: "the 2 shares of 2025-08 (lines 2-3) add up to 110.0, more than 100"),
        BadInput(
            "a Total row", header + "CN,2025-08,17.1\nTotal,2025-08,100\n", line: 3, column: 1,
            reason: "\"Total\" is a total of other rows"),
        BadInput("a World row in Arabic", header + "العالم,2025-08,100\n", line: 2, column: 1, reason: "is a total of other rows"),
        BadInput(
            "an unknown entity", header + "CN,2025-08,17.1\nChna,2025-08,1.0\n", line: 3, column: 1,
            reason: "unknown country or group \"Chna\"; did you mean China (CN)?"),
        BadInput("an unknown period", header + "CN,Augst 2025,17.1\n", line: 2, column: 4, reason: "\"Augst 2025\" is not a period"),
        BadInput("a reversed period", header + "CN,2025-08/2025-07,17.1\n", line: 2, column: 4, reason: "is not a period"),
        BadInput(
            "a Latin-1 file", header + "C\u{00F4}te d'Ivoire,2025-08,1.0\n", line: 2, column: 2,
            reason: "the text is not UTF-8 (it looks like Latin-1"
        ).with { bad in
            bad.bytes = Array((header + "C").utf8) + [0xF4] + Array("te d'Ivoire,2025-08,1.0\n".utf8)
        },
        BadInput("a UTF-16 file", header, line: 1, column: 1, reason: "the text is not UTF-8 (it looks like UTF-16 (little-endian))").with {
            bad in
            bad.bytes = [0xFF, 0xFE] + Array((header + "CN,2025-08,17.1\n").utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        },
        BadInput(
            "a semicolon file with unknown headers read as CSV", "land;monat;wert\nCN;2025-08;17,1\n", line: 1, column: 1,
            reason: "the file looks semicolon-delimited"),
        BadInput(
            "a ragged row", header + "CN,2025-08,17.1,extra\n", line: 2, column: 17, reason: "the row has 4 field(s) but the header has 3"),
        BadInput("a short row", header + "CN,2025-08\n", line: 2, reason: "the row has 2 field(s) but the header has 3"),
        BadInput("a quote left open", header + "\"CN,2025-08,17.1\nUS,2025-08,15.8\n", line: 2, column: 1, reason: "never closed"),
        BadInput("a quote inside a field", header + "C\"N,2025-08,17.1\n", line: 2, column: 2, reason: "a quote inside an unquoted field"),
        BadInput(
            "text after a closing quote", header + "\"CN\"x,2025-08,17.1\n", line: 2, column: 5,
            reason: "unexpected text after the closing quote"),
        BadInput(
            "a decimal comma without the option in a comma file", "entity,period,value\nCN,2025-08,\"17,1\"\n", line: 2, column: 12,
            reason: "has a comma"
        ),
        BadInput(
            "an unexpected column", "entity,period,value,note\nCN,2025-08,17.1,x\n", line: 1, column: 21,
            reason: "unexpected column \"note\""),
        BadInput("no entity column", "name,period,value\nCN,2025-08,17.1\n", line: 1, column: 1, reason: "no entity column"),
        BadInput("an empty file", "", line: 1, column: 1, reason: "the file is empty"),
        BadInput("a header only", header, line: nil, reason: "the snapshot has no observations"),
        BadInput(
            "a percentage for a count", header + "CN,2025-08,17%\n", line: 2, column: 12, reason: "is a percentage, but the measure counts"
        )
        .with { $0.sidecar = ImportWorkspace.countMetadataJSON },
        BadInput(
            "no citation", header + "CN,2025-08,17.1\n", line: nil, reason: "no source: a figure without a citation cannot be imported"
        )
        .with { $0.sidecar = #"{"measure": "test_share", "published_on": "2026-01-15"}"# },
        BadInput("a source without a title", header + "CN,2025-08,17.1\n", line: 3, column: 12, reason: "the source has no title")
            .with {
                $0.sidecar = """
                    {"measure": {"key": "m", "name": "M", "unit": "percent", "universe": "u", "attribution": "a"},
                     "published_on": "2026-01-15",
                     "source": {"key": "s", "url": "https://example.invalid", "kind": "news"}}
                    """
            },
        BadInput("an unknown measure", header + "CN,2025-08,17.1\n", line: nil, reason: "no measure nope in the warehouse")
            .with {
                $0.sidecar = nil
                $0.measure = "nope"
                $0.source = "nope"
                $0.published = "2026-01-15"
            },
        BadInput("no publication date", header + "CN,2025-08,17.1\n", line: nil, reason: "no publication date")
            .with { $0.sidecar = ImportWorkspace.metadataJSON.replacingOccurrences(of: #""published_on": "2026-01-15", "#, with: "") },
        BadInput(
            "the sidecar and the options disagree", header + "CN,2025-08,17.1\n", line: nil,
            reason: "gives published_on 2026-01-15 but the command line gives 2026-02-01"
        ).with { $0.published = "2026-02-01" },
        BadInput(
            "a misspelt member in the sidecar", header + "CN,2025-08,17.1\n", line: 1, column: 2,
            reason: "unknown member \"pubished_on\" in a snapshot"
        ).with { $0.sidecar = #"{"pubished_on": "2026-01-15"}"# },
        BadInput(
            "JSON: a value of the wrong type", file: "bad.json",
            """
            {"measure": "test_share", "source": "test-source", "published_on": "2026-01-15",
             "observations": [{"entity": "CN", "period": "2025-08", "value": true}]}
            """, line: 2, column: 66, reason: "found true or false"
        ).with { $0.sidecar = nil },
        BadInput(
            "JSON: a key given twice", file: "bad.json",
            """
            {"measure": "test_share", "measure": "x", "observations": []}
            """, line: 1, column: 27, reason: "the member \"measure\" appears twice"
        ).with { $0.sidecar = nil },
        BadInput(
            "JSON: nesting without end", file: "bad.json", String(repeating: "[", count: 100) + String(repeating: "]", count: 100),
            line: 1, column: 65, reason: "nested more than 64 levels deep"
        ).with { $0.sidecar = nil },
        BadInput(
            "JSON: cut short", file: "bad.json", #"{"measure": "test_share", "observations": [{"entity": "CN""#,
            line: 1, column: 59, reason: "the object is never closed"
        ).with { $0.sidecar = nil },
        BadInput(
            "NDJSON: a bad line", file: "bad.ndjson",
            """
            {"entity": "CN", "period": "2025-08", "value": 17.1}
            {"entity": "US", "period": "2025-08", "value": 15.8,}
            """, line: 2, column: 53, reason: "expected a member name in quotes"),
        BadInput(
            "NDJSON: an unknown member", file: "bad.ndjson",
            """
            {"entity": "CN", "period": "2025-08", "value": 17.1, "share": 3}
            """, line: 1, column: 54, reason: "unknown member \"share\" in an observation"),
    ]

    @Test(arguments: cases)
    func isRefusedWithItsPlaceAndWritesNothing(_ bad: BadInput) throws {
        let workspace = try ImportWorkspace()
        // An earlier import, so "nothing changed" covers existing data too.
        try workspace.write("good.csv", Self.header + "CN,2025-07,17.1\n")
        _ = try workspace.importFile("good.csv")
        let before = try workspace.fingerprint()

        let path = try workspace.directory.write(bad.file, bytes: bad.bytes)
        if let sidecar = bad.sidecar { try workspace.directory.write(bad.file + ".json", sidecar) }
        var options = ImportOptions(decimalComma: bad.decimalComma)
        options.description.publishedOn = bad.published.flatMap { CalendarDate($0) }
        options.description.measure = bad.measure.map { .key($0) }
        options.description.source = bad.source.map { .key($0) }
        let error = try #require(throws: ImportError.self) {
            try workspace.warehouse.importSnapshot(from: .file(path), options: options)
        }
        #expect(error.reason.contains(bad.reason) || error.description.contains(bad.reason), "\(error)")
        if bad.sidecar?.contains("pubished") == true || bad.name.contains("source without a title") {
            #expect(error.file == path + ".json", "a sidecar's error names the sidecar")
        } else {
            #expect(error.file == path)
        }
        #expect(error.line == bad.line, "\(error)")
        if let column = bad.column { #expect(error.column == column, "\(error)") }
        #expect(error.description.hasPrefix(error.place + ": "))
        #expect(try workspace.fingerprint() == before, "a refused import must leave every table as it was")
    }

    @Test func sharesWithinRoundingOfOneHundredAreAccepted() throws {
        let workspace = try ImportWorkspace()
        try workspace.write("ok.csv", Self.header + "CN,2025-08,33.4\nUS,2025-08,33.4\nGB,2025-08,33.3\n")
        #expect(try workspace.importFile("ok.csv").rowsStored == 3)
    }

    @Test func aDuplicateOnTheLastLineOfAHundredThousandRowsWritesNothing() throws {
        let workspace = try ImportWorkspace()
        let before = try workspace.fingerprint()
        var text = Self.header
        text.reserveCapacity(3_000_000)
        // 100,000 rows: 249 countries x 402 months (shares far below 100 per month).
        let countries = try workspace.warehouse.entities(kind: .country).map(\.code)
        var rows = 0
        var month = CalendarDate(year: 1990, month: 1, day: 1)!
        outer: while true {
            for code in countries {
                text += "\(code),\(Period(start: month, end: month.endOfMonth)!),0.1\n"
                rows += 1
                if rows == 99_999 { break outer }
            }
            month = month.firstOfMonth(adding: 1)!
        }
        text += "\(countries[0]),1990-01,0.1\n"  // the 100,000th row repeats the first
        try workspace.write("large.csv", text)
        let error = try #require(throws: ImportError.self) { try workspace.importFile("large.csv") }
        #expect(error.line == 100_001)
        #expect(error.reason.contains("given twice for 1990-01"))
        #expect(try workspace.fingerprint() == before)
        #expect(try workspace.snapshotCount() == 0)
    }

    @Test(arguments: [2, 64, 65, 100, 128, 129])
    func aDuplicateInsideABatchOfRowsNamesItsOwnLine(row duplicateRow: Int) throws {
        // Rows go in 64 to a statement: a duplicate anywhere in a batch, or on its edge,
        // must still be reported at its own line.
        let workspace = try ImportWorkspace()
        let before = try workspace.fingerprint()
        let countries = try workspace.warehouse.entities(kind: .country).map(\.code)
        var lines = countries.prefix(200).map { "\($0),2025-08,0.1" }
        lines.insert(lines[0], at: duplicateRow - 1)
        try workspace.write("batch.csv", Self.header + lines.joined(separator: "\n") + "\n")
        let error = try #require(throws: ImportError.self) { try workspace.importFile("batch.csv") }
        #expect(error.line == duplicateRow + 1, "the header is line 1")
        #expect(error.reason.contains("\(countries[0]) is given twice for 2025-08"))
        #expect(try workspace.fingerprint() == before)
    }

    @Test func aConflictingDefinitionIsRefusedNotApplied() throws {
        let workspace = try ImportWorkspace()
        try workspace.write("one.csv", Self.header + "CN,2025-07,17.1\n")
        _ = try workspace.importFile("one.csv")
        let before = try workspace.fingerprint()
        try workspace.write(
            "two.csv", Self.header + "CN,2025-08,17.1\n",
            sidecar: ImportWorkspace.metadataJSON.replacingOccurrences(of: "synthetic test data", with: "another universe"))
        let error = try #require(throws: ImportError.self) { try workspace.importFile("two.csv") }
        #expect(error.category == .refused)
        #expect(error.reason.contains("the measure test_share is already in the warehouse with another definition"))
        #expect(error.reason.contains("universe: stored \"synthetic test data\", given \"another universe\""))
        #expect(try workspace.fingerprint() == before)
    }

    @Test func aMissingFileIsMissingInput() throws {
        let workspace = try ImportWorkspace()
        let error = try #require(throws: ImportError.self) { try workspace.importFile("nowhere.csv") }
        #expect(error.category == .missingInput)
        #expect(error.reason == "no such file")
    }
}
