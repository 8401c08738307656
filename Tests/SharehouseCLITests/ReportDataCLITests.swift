import Foundation
import SharehouseDB
import SharehouseTestSupport
import Testing

/// Reports as data: every report kind in CSV, TSV, JSON and NDJSON, read by other programs
/// (Python's csv module, Foundation's JSON), each number read as a number and held against
/// the stored figure; the view a SQL user reads equals the reports; the first page tells
/// one story.
@Suite("Reports as data, the reported_figures view, one source per period")
struct ReportDataCLITests {
    let directory: TemporaryDirectory
    var database: String { directory.file("w.sqlite") }

    init() throws {
        directory = try TemporaryDirectory("cli-report-data")
        let imported = try SharehouseBinary.run(["import"] + Repository.fixtureFiles + ["--db", database], in: directory.path)
        #expect(imported.status == 0, "\(imported.stderr)")
    }

    func run(_ arguments: [String]) throws -> String {
        let result = try SharehouseBinary.run(arguments + ["--db", database], in: directory.path)
        #expect(result.status == 0, "\(arguments): \(result.stderr)")
        return result.stdout
    }

    /// Every report kind, as a user would ask for it.
    static let reports: [[String]] = [
        ["report"],
        ["report", "leaders", "--period", "2024-09/2025-08"],
        ["report", "series", "--entity", "CN", "--entity", "US", "--measure", "synthetic_monthly_share"],
        ["report", "compare", "--from", "2025-01", "--to", "2025-06", "--measure", "synthetic_monthly_share"],
        ["report", "crossovers", "--entity", "CN", "--entity", "US", "--measure", "synthetic_monthly_share"],
        ["report", "concentration", "--measure", "synthetic_monthly_share"],
        ["report", "revisions", "--entity", "US", "--measure", "synthetic_monthly_share"],
        ["report", "sources", "--period", "2024-09/2025-08"],
        ["report", "groups", "--entity", "EU"],
        ["report", "changes"],
        ["report", "changes", "--measure", "synthetic_monthly_share"],
    ]

    /// Columns that hold numbers, whatever the report.
    static let numericColumns: Set<String> = [
        "value", "from_value", "to_value", "change", "relative_change_percent", "from_rank", "to_rank", "rank_change", "rank",
        "hhi", "cr1", "cr3", "cr5", "entities", "leader_value", "overtaken_value", "members_with_figures_count",
        "members_without_figures_count", "citation", "from_citation", "to_citation", "before", "after", "rank_before",
        "rank_after", "snapshot_id", "baseline_snapshot_id", "baseline_citation",
    ]
    /// Columns of words, which may hold any character.
    static func isWords(_ column: String) -> Bool {
        column.hasSuffix("citation_text") || column.hasSuffix("_name") || column.hasSuffix("_name_ar")
            || column == "members_without_figures"
            || column == "members_with_figures"
    }

    /// CSV or TSV read by Python's csv module, as a list of rows (the header first).
    func readWithPython(_ text: String, delimiter: String) throws -> [[String]] {
        let script = "import csv, json, sys; print(json.dumps(list(csv.reader(sys.stdin, delimiter=sys.argv[1]))))"
        let result = try runProcess("/usr/bin/env", ["python3", "-c", script, delimiter], input: text)
        #expect(result.status == 0, "\(result.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String]])
    }

    @Test(arguments: reports)
    func everyReportIsDataInEveryDataFormat(_ arguments: [String]) throws {
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(try run(arguments + ["--format", "json"]).utf8)) as? [String: Any])
        let columns = try #require(json["columns"] as? [String])
        let rows = try #require(json["rows"] as? [[String: Any]])
        #expect(!rows.isEmpty, "\(arguments)")
        for (format, delimiter) in [("csv", ","), ("tsv", "\t")] {
            let table = try readWithPython(try run(arguments + ["--format", format]), delimiter: delimiter)
            #expect(table.first == columns, "\(format): one header, the JSON's names")
            #expect(table.count == rows.count + 1, "\(format): a line per row")
            for (row, object) in zip(table.dropFirst(), rows) {
                for (column, cell) in zip(columns, row) {
                    #expect(column == column.lowercased() && !column.contains(" ") || column.contains(": "), "snake_case: \(column)")
                    if Self.numericColumns.contains(column) || (!Self.isWords(column) && Double(cell) != nil) {
                        #expect(cell.isEmpty || Double(cell) != nil, "\(format) \(column): \(cell) is a number")
                        // The JSON holds the same number, as a number.
                        if let number = Double(cell) { #expect((object[column] as? NSNumber)?.doubleValue == number, "\(column)") }
                        if cell.isEmpty { #expect(object[column] is NSNull, "\(column): empty is null in JSON") }
                    }
                    if !Self.isWords(column) {
                        for mark in ["%", " pp", "−", "→", "▲", "▼", "–"] {
                            #expect(!cell.contains(mark), "\(format) \(column): \(cell) has \(mark)")
                        }
                    }
                }
            }
        }
        let lines = try run(arguments + ["--format", "ndjson"]).split(separator: "\n")
        #expect(lines.count == rows.count)
        for line in lines {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            #expect(Set(object.keys) == Set(columns), "NDJSON fields are the header's names")
        }
    }

    /// Every figure a report writes is the stored one, with its published digits.
    @Test func figuresInCSVAreTheStoredOnesAsPublished() throws {
        let connection = try Connection(path: database, options: .readOnly)
        let table = try readWithPython(
            try run(["report", "series", "--entity", "CN", "--entity", "US", "--measure", "synthetic_monthly_share", "--format", "csv"]),
            delimiter: ",")
        let header = try #require(table.first)
        let column = { (name: String) in header.firstIndex(of: name)! }
        #expect(table.count > 10)
        for row in table.dropFirst() {
            let stored = try connection.fetchOne(
                "SELECT value_text FROM current_figures WHERE measure = 'synthetic_monthly_share' AND source = ? AND period = ? AND entity_code = ?",
                row[column("source")], row[column("period")], row[column("entity")]
            ) { try $0.get(0) as String }
            #expect(stored == row[column("value")], "\(row)")
        }
    }

    /// The SQL view applies the reports' source policy: for every period of every fixture
    /// measure, it holds exactly the figures and the source of `report leaders`.
    @Test func theReportedFiguresViewEqualsTheLeadersReport() throws {
        let connection = try Connection(path: database, options: .readOnly)
        let pairs = try connection.fetchAll("SELECT DISTINCT measure, period FROM reported_figures ORDER BY measure, period") {
            (try $0.get(0) as String, try $0.get(1) as String)
        }
        #expect(pairs.count > 20)
        for (measure, period) in pairs {
            let view = try connection.fetchAll(
                "SELECT entity_code, value, source, choice_reason, unit FROM reported_figures WHERE measure = ? AND period = ?", measure,
                period
            ) {
                (
                    try $0.get(0) as String, try $0.get(1) as Double, try $0.get(2) as String, try $0.get(3) as String,
                    try $0.get(4) as String
                )
            }
            let json = try #require(
                try JSONSerialization.jsonObject(
                    with: Data(
                        try run(["report", "leaders", "--measure", measure, "--period", period, "--top", "1000", "--format", "json"]).utf8))
                    as? [String: Any])
            let rows = try #require(json["rows"] as? [[String: Any]]).filter { $0["kind"] as? String == "entity" }
            let report = Set(rows.map { "\($0["entity"] as! String)=\(($0["value"] as! NSNumber).doubleValue)" })
            #expect(report == Set(view.map { "\($0.0)=\($0.1)" }), "\(measure) \(period)")
            let cited = (json["citations"] as? [[String: Any]])?.first?["sources"] as? [[String: Any]]
            #expect(cited?.first?["key"] as? String == view.first?.2, "\(measure) \(period): the same source")
            #expect(Set(view.map(\.2)).count == 1, "one source per period")
            #expect(view.first?.4 == (json["measure"] as? [String: Any])?["unit"] as? String)
            let note = (json["notes"] as? [[String: Any]])?.first { $0["kind"] as? String == "source_chosen" }
            let reason = (note?["choice"] as? [String: Any])?["reason"] as? String
            #expect(reason == view.first?.3, "\(measure) \(period): the same reason")
        }
    }

    /// The first page tells one story: the headline, the leaders and the concentration of
    /// its period cite one source and agree on what it does not break down.
    @Test func theHeadlineLeadersAndConcentrationAgree() throws {
        func object(_ arguments: [String]) throws -> [String: Any] {
            try #require(try JSONSerialization.jsonObject(with: Data(try run(arguments + ["--format", "json"]).utf8)) as? [String: Any])
        }
        func source(_ json: [String: Any]) -> String? {
            ((json["citations"] as? [[String: Any]])?.first?["sources"] as? [[String: Any]])?.first?["key"] as? String
        }
        func notBrokenDown(_ json: [String: Any]) -> Double? {
            ((json["rows"] as? [[String: Any]])?.first { $0["kind"] as? String == "not_broken_down" }?["value"] as? NSNumber)?.doubleValue
        }
        let headline = try object(["report"])
        let period = try #require((headline["rows"] as? [[String: Any]])?.first?["period"] as? String)
        let leaders = try object(["report", "leaders", "--period", period])
        let concentration = try object(["report", "concentration", "--period", period])
        #expect(source(headline) == "argaam-1862466")
        #expect(source(leaders) == source(headline) && source(concentration) == source(headline))
        #expect(notBrokenDown(headline) == 58.3 && notBrokenDown(leaders) == 58.3)
        let page = try run(["report", "--all", "--format", "html"])
        #expect(page.components(separatedBy: "is not broken down").count - 1 == 1)
        #expect(page.contains("58.3%") && !page.contains("67.04%"), "the page never states two different rests for one period")
    }

    /// A group's share comes from a source that lists its members; when none does, the
    /// error names the sources looked at.
    @Test func groupsFindASourceThatListsMembers() throws {
        let groups = try run(["report", "groups", "--entity", "EU", "--format", "csv"])
        let table = try readWithPython(groups, delimiter: ",")
        let header = try #require(table.first)
        #expect(table.count == 2)
        #expect(table[1][header.firstIndex(of: "group")!] == "EU")
        #expect(Double(table[1][header.firstIndex(of: "value")!]) == 1.4, "France 1.0 and Germany 0.4 in Argaam's table")
        let none = try SharehouseBinary.run(
            ["report", "groups", "--entity", "EU", "--measure", "hf_download_share_by_origin", "--db", database], in: directory.path)
        #expect(none.status == 65)
        #expect(none.stderr.contains("sources looked at: thenewstack-2026-03-hf-spring"), "\(none.stderr)")
    }

    /// What changed with the synthetic series' second vintage, as a spreadsheet reads it:
    /// the new month against the month before (the movers first), then each restated month
    /// against its earlier vintage (the US revised down 0.4).
    @Test func whatChangedListsTheMoversInOrderWithCitations() throws {
        let table = try readWithPython(
            try run(["report", "changes", "--measure", "synthetic_monthly_share", "--format", "csv"]), delimiter: ",")
        let header = try #require(table.first)
        func column(_ name: String) throws -> Int { try #require(header.firstIndex(of: name)) }
        let (period, entity, change, status, baseline) = (
            try column("period"), try column("entity"), try column("change"), try column("status"), try column("baseline")
        )
        let rows = table.dropFirst()
        let january = rows.filter { $0[period] == "2026-01" }
        #expect(january.map { $0[entity] } == ["CN", "FR", "INTL", "US", "GB", "DE"])
        #expect(january.map { $0[change] } == ["0.6", "0.1", "0.1", "0.0", "0.0", "0.0"])
        #expect(january.allSatisfy { $0[baseline] == "previous_period" })
        for month in ["2025-10", "2025-11", "2025-12"] {
            let restated = rows.filter { $0[period] == month }
            #expect(
                restated.first.map { [$0[entity], $0[change], $0[status], $0[baseline]] } == ["US", "-0.4", "changed", "earlier_vintage"])
        }
        let citation = try column("citation_text")
        #expect(rows.allSatisfy { $0[citation].contains("Synthetic monthly shares for tests") && $0[citation].contains("2026-02-15") })
        let text = try run(["report", "changes", "--measure", "synthetic_monthly_share"])
        #expect(text.contains("vintage of 2026-01-15") && text.contains("+0.6 pp"), "\(text)")
    }
}
