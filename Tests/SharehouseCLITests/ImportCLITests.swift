import Foundation
import SharehouseDB
import SharehouseTestSupport
import Testing

@Suite("sharehouse import, sources, measures")
struct ImportCLITests {
    let directory: TemporaryDirectory
    var database: String { directory.file("w.sqlite") }

    init() throws {
        directory = try TemporaryDirectory("cli-import")
    }

    func run(_ arguments: [String], input: String? = nil) throws -> ProcessResult {
        try SharehouseBinary.run(arguments + ["--db", database], in: directory.path, input: input)
    }

    var fixtures: [String] { Repository.fixtureFiles }

    func snapshots() throws -> Int {
        try Connection(path: database, options: .readOnly).fetchOne("SELECT count(*) FROM snapshots") { try $0.get(0) as Int } ?? -1
    }

    @Test func everyFixtureLoadsAndASecondImportLeavesOneSnapshotEach() throws {
        let first = try run(["import"] + fixtures)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("imported"))
        #expect(first.stdout.contains("الصين → CN"))
        #expect(try snapshots() == 9)
        let second = try run(["import"] + fixtures + ["--format", "json"])
        #expect(second.status == 0)
        let receipts = try #require(try JSONSerialization.jsonObject(with: Data(second.stdout.utf8)) as? [[String: Any]])
        #expect(receipts.count == 9)
        #expect(receipts.allSatisfy { $0["outcome"] as? String == "unchanged" })
        #expect(try snapshots() == 9)
    }

    @Test func theArticlesTableGivesExactFigures() throws {
        #expect(try run(["import", Repository.path("Fixtures/eoi-12m-argaam-2025-11.json")]).status == 0)
        let connection = try Connection(path: database, options: .readOnly)
        let figures = try connection.fetchAll(
            """
            SELECT entity_code, value FROM current_figures WHERE period = '2024-09/2025-08' AND entity_code IN ('CN', 'US')
            ORDER BY entity_code
            """
        ) { row in "\(try row.get(0) as String)=\(try row.get(1) as Double)" }
        #expect(figures == ["CN=17.1", "US=15.8"])
    }

    @Test func oneBadRowAnywhereExits65WithFileAndLineAndChangesNothing() throws {
        #expect(try run(["import", Repository.path("Fixtures/eoi-12m-ft-2025-11-26.json")]).status == 0)
        let before = try databaseFingerprint(database)
        var rows = ["entity,period,value"]
        for month in 1...12 { rows.append("CN,2024-\(String(format: "%02d", month)),10.0") }
        rows.insert("US,2024-05,ten", at: 7)
        try directory.write("bad.csv", rows.joined(separator: "\n") + "\n")
        try directory.write(
            "bad.csv.json",
            """
            {"measure": "eoi_download_share_12m", "source": "ft-2025-11-26", "published_on": "2026-01-01"}
            """)
        let result = try run(["import", directory.file("bad.csv")])
        #expect(result.status == 65)
        #expect(result.stderr.contains(directory.file("bad.csv") + ":8:12: \"ten\" is not a number"))
        #expect(result.stdout.isEmpty)
        #expect(try databaseFingerprint(database) == before)
    }

    @Test func standardInputWithMetadataOptions() throws {
        #expect(try run(["import", Repository.path("Fixtures/eoi-12m-ft-2025-11-26.json")]).status == 0)
        let result = try run(
            [
                "import", "-", "--input-format", "csv", "--measure", "eoi_download_share_12m",
                "--source", "ft-2025-11-26", "--published", "2026-05-01", "--period", "2025-09/2026-08",
                "--verification", "secondary", "--format", "json",
            ],
            input: "country,share\nالصين,18.2\nUnited States,15.1\n")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("\"file\" : \"-\""))
        #expect(result.stdout.contains("\"verification\" : \"secondary\""))
        #expect(try snapshots() == 2)
        let missingFormat = try run(["import", "-"], input: "")
        #expect(missingFormat.status == 64)
    }

    @Test func standardInputGivenTwiceIsUnchangedTheSecondTime() throws {
        // Standard input cannot be read twice to hash it first: the rows are written in a
        // savepoint and undone when they repeat a stored snapshot.
        let arguments = [
            "import", "-", "--input-format", "csv", "--measure", "eoi_download_share_12m",
            "--source", "ft-2025-11-26", "--published", "2026-05-01", "--period", "2025-09/2026-08",
        ]
        #expect(try run(["import", Repository.path("Fixtures/eoi-12m-ft-2025-11-26.json")]).status == 0)
        let input = "country,share\nCN,18.2\nUS,15.1\n"
        #expect(try run(arguments, input: input).status == 0)
        let before = try databaseFingerprint(database)
        let again = try run(arguments, input: input)
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout.contains("the same content is already imported"))
        #expect(try databaseFingerprint(database) == before)
        // Other figures on the same date are a correction: refused, then stored when asked.
        #expect(try run(arguments, input: "country,share\nCN,18.3\nUS,15.1\n").status == 77)
        #expect(try databaseFingerprint(database) == before)
        #expect(try run(arguments + ["--correction"], input: "country,share\nCN,18.3\nUS,15.1\n").status == 0)
        #expect(try snapshots() == 3)
    }

    @Test func aDryRunWritesNothing() throws {
        #expect(try run(["init"]).status == 0)
        let before = try databaseFingerprint(database)
        let result = try run(["import", "--dry-run", Repository.path("Fixtures/eoi-12m-argaam-2025-11.json")])
        #expect(result.status == 0)
        #expect(result.stdout.contains("dry run (not written)"))
        #expect(try databaseFingerprint(database) == before)
    }

    @Test func missingMetadataSaysWhatToGive() throws {
        try directory.write("plain.csv", "entity,period,value\nCN,2025-08,17.1\n")
        let result = try run(["import", directory.file("plain.csv")])
        #expect(result.status == 65)
        #expect(result.stderr.contains("no measure"))
        #expect(result.stderr.contains("--measure KEY"))
        let missing = try run(["import", directory.file("nowhere.csv")])
        #expect(missing.status == 66)
    }

    @Test func sourcesAndMeasures() throws {
        #expect(try run(["import", Repository.path("Fixtures/eoi-12m-argaam-2025-11.json")]).status == 0)
        let list = try run(["sources", "list"])
        #expect(list.status == 0)
        #expect(list.stdout.contains("argaam-1862466"))
        let show = try run(["sources", "show", "argaam-1862466"])
        #expect(show.stdout.contains("relays: ft-2025-11-26"))
        #expect(show.stdout.contains("access: paywalled"))
        #expect(show.stdout.contains("relays: eoi-2025"))
        let measure = try run(["measures", "show", "eoi_download_share_12m"])
        #expect(measure.stdout.contains("unit:        percent"))
        #expect(try run(["sources", "show", "nope"]).status == 65)

        let add = [
            "sources", "add", "--key", "my-report", "--title", "My report", "--url", "https://example.invalid/r",
            "--kind", "report", "--derived-from", "eoi-2025",
        ]
        #expect(try run(add).status == 0)
        let again = try run(add)
        #expect(again.status == 0)
        #expect(again.stderr.contains("already there"))
        let conflict = try run([
            "sources", "add", "--key", "my-report", "--title", "Another title",
            "--url", "https://example.invalid/r", "--kind", "report",
        ])
        #expect(conflict.status == 77)
        #expect(conflict.stderr.contains("already in the warehouse with another definition"))
        #expect(
            try run([
                "sources", "add", "--key", "orphan", "--title", "T", "--url", "https://example.invalid",
                "--kind", "news", "--derived-from", "nowhere",
            ]).status == 65)
        #expect(
            try run([
                "measures", "add", "--key", "m2", "--name", "M", "--unit", "count", "--universe", "u",
                "--attribution", "a",
            ]).status == 0)
        let measures = try run(["measures", "list", "--format", "json"])
        #expect(measures.stdout.contains("\"key\" : \"m2\""))
    }

    /// Separate processes importing into one file at the same moment: each waits for the
    /// other's write lock, and every snapshot lands once with its own id.
    @Test func fourProcessesImportingAtOnceAllLand() throws {
        #expect(try run(["import", Repository.path("Fixtures/eoi-12m-ft-2025-11-26.json")]).status == 0)
        for index in 0..<4 {
            var rows = ["entity,period,value"]
            for day in 1...28 { rows.append("CN,2024-0\(index + 1)-\(day < 10 ? "0" : "")\(day),\(index + 1).0") }
            try directory.write("p\(index).csv", rows.joined(separator: "\n") + "\n")
        }
        let results = Locked<[ProcessResult]>([])
        let database = self.database
        let folder = directory.path
        DispatchQueue.concurrentPerform(iterations: 4) { index in
            let result = try? SharehouseBinary.run(
                [
                    "import", folder + "/p\(index).csv", "--measure", "eoi_download_share_12m",
                    "--source", "ft-2025-11-26", "--published", "2026-0\(index + 1)-01", "--periods", "day",
                    "--db", database,
                ], in: folder)
            if let result { results.withLock { $0.append(result) } }
        }
        let finished = results.withLock { $0 }
        #expect(finished.count == 4)
        for result in finished { #expect(result.status == 0, "\(result.stderr)") }
        let connection = try Connection(path: database, options: .readOnly)
        #expect(
            try connection.fetchOne("SELECT count(*), count(DISTINCT id) FROM snapshots") {
                "\(try $0.get(0) as Int)/\(try $0.get(1) as Int)"
            } == "5/5")
        #expect(try connection.fetchOne("SELECT count(*) FROM observations") { try $0.get(0) as Int } == 2 + 4 * 28)
        #expect(try connection.fetchOne("PRAGMA foreign_key_check") { _ in "violation" } == nil)
    }
}
