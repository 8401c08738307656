import Foundation
import SharehouseDB
import SharehouseTestSupport
import Testing

@Suite("sharehouse report, sql, export")
struct ReportCLITests {
    let directory: TemporaryDirectory
    var database: String { directory.file("w.sqlite") }

    init() throws {
        directory = try TemporaryDirectory("cli-report")
        let imported = try SharehouseBinary.run(["import"] + Repository.fixtureFiles + ["--db", database], in: directory.path)
        #expect(imported.status == 0, "\(imported.stderr)")
    }

    func run(_ arguments: String..., input: String? = nil) throws -> ProcessResult {
        try SharehouseBinary.run(arguments + ["--db", database], in: directory.path, input: input)
    }

    /// A read-only connection cannot remove the write-ahead log when it closes; the
    /// command does it after, unless another connection still uses the file.
    @Test func commandsThatOnlyReadLeaveNoLogFilesBehind() throws {
        func leftovers() throws -> [String] {
            try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasPrefix("w.sqlite-") }.sorted()
        }
        #expect(try leftovers() == [], "the import removed its log")
        for arguments in [
            ["report"], ["report", "--all", "--format", "html"], ["sql", "SELECT count(*) FROM observations"],
            ["sql", "DELETE FROM observations"], ["sources", "list"],
            ["chart", "leaders", "--period", "2024-09/2025-08", "--out", directory.file("c.svg")],
        ] {
            _ = try SharehouseBinary.run(arguments + ["--db", database], in: directory.path)
            #expect(try leftovers() == [], "after \(arguments.joined(separator: " "))")
        }
        // While another connection has the file open, its log stays where it is.
        let other = try Connection(path: database)
        _ = try other.fetchOne("SELECT count(*) FROM sources") { try $0.get(0) as Int }
        #expect(try run("report").status == 0)
        #expect(try leftovers() == ["w.sqlite-shm", "w.sqlite-wal"])
        #expect(try other.fetchOne("SELECT count(*) FROM sources") { try $0.get(0) as Int } ?? 0 > 0)
    }

    @Test func theHeadlineListsLeadersAndItsSources() throws {
        let result = try run("report")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Headline: Leaders, 2024-09/2025-08 [1]"))
        #expect(result.stdout.contains("CN China"))
        #expect(result.stdout.contains("15.8%"))
        #expect(result.stdout.contains("from Argaam (أرقام) (argaam-1862466): 8 entities, the fullest of 4 sources"))
        #expect(result.stdout.contains("Sources:\n  [1] Argaam"))
        let long = result.stdout.split(separator: "\n").filter { $0.count > 80 && $0.trimmingCharacters(in: .whitespaces).contains(" ") }
        #expect(long.isEmpty, "every line fits 80 columns, but for one long word (a URL): \(long)")
    }

    @Test func comparingPeriodsOfDifferentMeasuresExplainsInstead() throws {
        let result = try run(
            "report", "compare", "--from", "2024-09/2025-08", "--to", "2025-02/2026-02", "--entity", "CN", "--entity", "US")
        #expect(result.status == 65)
        #expect(result.stdout.isEmpty, "no misleading difference is printed")
        #expect(result.stderr.contains("not compared: 2024-09/2025-08 is only in eoi_download_share_12m"))
        #expect(result.stderr.contains("2025-02/2026-02 is only in hf_download_share_by_origin"))
        #expect(result.stderr.contains("report sources"))
    }

    @Test func everyReportOfTheFixturesListsItsSources() throws {
        let reports: [[String]] = [
            ["report"], ["report", "series", "--entity", "CN", "--entity", "US", "--measure", "synthetic_monthly_share"],
            ["report", "compare", "--from", "2024-01", "--to", "2025-12", "--measure", "synthetic_monthly_share"],
            ["report", "leaders", "--period", "2024-09/2025-08", "--source", "argaam-1862466"],
            ["report", "crossovers", "--entity", "CN", "--entity", "الولايات المتحدة", "--measure", "synthetic_monthly_share"],
            ["report", "crossovers", "--entity", "CN", "--entity", "US", "--measure", "synthetic_monthly_share", "--by-vintage"],
            ["report", "concentration", "--period", "2024-09/2025-08", "--source", "argaam-1862466"],
            ["report", "revisions", "--entity", "US", "--measure", "synthetic_monthly_share", "--period", "2025-10"],
            ["report", "sources", "--period", "2024-09/2025-08", "--entity", "CN", "--entity", "US"],
            ["report", "groups", "--entity", "EU", "--source", "argaam-1862466"],
        ]
        for arguments in reports {
            let result = try SharehouseBinary.run(arguments + ["--db", database], in: directory.path)
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
            #expect(result.stdout.contains("Sources:\n  [1] "), "\(arguments)")
        }
    }

    @Test func concentrationOfTheSeedPeriodIsALowerBound() throws {
        let result = try run("report", "concentration", "--period", "2024-09/2025-08", "--source", "argaam-1862466")
        #expect(result.stdout.contains("567.81"))
        #expect(result.stdout.contains("≥ (lower bound)"))
        #expect(result.stdout.contains("Argaam"))
    }

    @Test func eachOutputFormat() throws {
        let base = ["report", "leaders", "--period", "2024-09/2025-08", "--source", "argaam-1862466", "--top", "3"]
        func run(_ format: String) throws -> String {
            let result = try SharehouseBinary.run(base + ["--format", format, "--db", database], in: directory.path)
            #expect(result.status == 0, "\(format): \(result.stderr)")
            return result.stdout
        }
        let markdown = try run("markdown")
        #expect(markdown.contains("| RANK | ENTITY | SHARE |"))
        #expect(markdown.contains("|---:|---|---:|"))
        #expect(markdown.contains("1. Argaam"))
        let header = "period,kind,rank,entity,entity_name,entities,value,measure,unit,citation,citation_text"
        let csv = try run("csv")
        let csvLines = csv.components(separatedBy: "\r\n")
        #expect(csvLines[0] == header)
        #expect(csvLines[1].hasPrefix("2024-09/2025-08,entity,1,CN,China,1,17.1,eoi_download_share_12m,percent,1,\"Argaam"))
        #expect(csvLines.count == 7 && csvLines.last == "", "three leaders, the other listed, what is not broken down, each ending in CRLF")
        #expect(csvLines[4].hasPrefix("2024-09/2025-08,other_listed,,,,5,5.2,"), "the other listed: how many, their sum")
        let tsv = try run("tsv")
        #expect(tsv.split(separator: "\n")[0] == header.replacingOccurrences(of: ",", with: "\t"))
        let json = try run("json")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["report"] as? String == "leaders")
        #expect((object["citations"] as? [[String: Any]])?.count == 1)
        #expect((object["columns"] as? [String])?.joined(separator: ",") == header)
        #expect((object["rows"] as? [[String: Any]])?.count == 5)
        let ndjson = try run("ndjson").split(separator: "\n")
        #expect(ndjson.count == 5)
        for line in ndjson {
            let row = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            #expect(row.keys.sorted() == header.split(separator: ",").map(String.init).sorted())
            #expect((row["citation_text"] as? String)?.hasPrefix("Argaam") == true, "each NDJSON row carries its citation")
        }
    }

    @Test func sqlRefusesWritesWithExit77AndChangesNothing() throws {
        let before = try fileBytes(database)
        let fingerprint = try databaseFingerprint(database)
        for statement in [
            "DELETE FROM observations", "INSERT INTO measures VALUES ('x','x','count','u','a',NULL)",
            "UPDATE snapshots SET note = 'x'", "DROP TABLE sources", "ATTACH 'other.sqlite' AS other",
            "SELECT load_extension('x')", "PRAGMA writable_schema = ON",
        ] {
            let result = try run("sql", statement)
            #expect(result.status == 77, "\(statement)")
            #expect(result.stderr.contains("refused"), "\(statement)")
        }
        #expect(try fileBytes(database) == before)
        #expect(try databaseFingerprint(database) == fingerprint)
        #expect(!FileManager.default.fileExists(atPath: directory.file("other.sqlite")))
    }

    @Test func sqlFormatsParametersStdinTimeoutAndTruncation() throws {
        let table = try run(
            "sql", "SELECT entity_code, value FROM current_figures WHERE source = :s ORDER BY value DESC",
            "--param", "s=argaam-1862466", "--max-rows", "2")
        #expect(table.status == 0)
        #expect(table.stdout.contains("US           27.5"))
        #expect(!table.stdout.contains("17.10000"))
        #expect(table.stderr.contains("only the first 2 rows"))
        let json = try run(
            "sql", "--format", "json", input: "SELECT value FROM current_figures WHERE source = 'argaam-1862466' AND entity_code = 'CN'")
        #expect(json.stdout.contains("{\"value\": 17.1}"))
        let slow = try run(
            "sql", "WITH RECURSIVE r(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM r) SELECT count(*) FROM r", "--timeout-ms", "200")
        #expect(slow.status == 1)
        #expect(slow.stderr.contains("time limit of 200 ms"))
    }

    @Test func exportThenImportIntoANewWarehouse() throws {
        let folder = directory.file("export")
        let export = try run("export", "--out", folder)
        #expect(export.status == 0, "\(export.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).sorted().map { folder + "/" + $0 }
        #expect(files.count == 9)
        let copy = directory.file("copy.sqlite")
        let imported = try SharehouseBinary.run(["import"] + files + ["--db", copy], in: directory.path)
        #expect(imported.status == 0, "\(imported.stderr)")
        let original = try run("report", "revisions", "--entity", "US", "--measure", "synthetic_monthly_share", "--format", "csv")
        let again = try SharehouseBinary.run(
            [
                "report", "revisions", "--entity", "US", "--measure", "synthetic_monthly_share",
                "--format", "csv", "--db", copy,
            ], in: directory.path)
        #expect(original.stdout == again.stdout)
    }
}
