import Foundation
import SharehouseDB
import SharehouseTestSupport
import Testing

/// The monthly habit: one folder, one command, every month. The same command again writes
/// nothing; a new file is the only one imported; sidecars are metadata, never snapshots,
/// whether the files come from a folder or a glob.
@Suite("sharehouse import: folders and files as people have them")
struct FolderImportCLITests {
    let directory: TemporaryDirectory
    var database: String { directory.file("w.sqlite") }
    var inbox: String { directory.file("inbox") }

    init() throws {
        directory = try TemporaryDirectory("cli-folder")
        try FileManager.default.createDirectory(atPath: directory.file("inbox"), withIntermediateDirectories: true)
        // Three monthly files with their sidecars, and what a real folder also holds.
        for month in 1...3 { try writeMonth(month) }
        _ = try directory.write("inbox/README.md", "Monthly exports, one file a month.\n")
        _ = try directory.write("inbox/.~lock.shares-2026-01.csv#", "locked\n")
        _ = try directory.write("inbox/shares-2026-01.csv~", "entity,period,value\n")
        _ = try directory.write("inbox/chart.png", "not data")
    }

    /// A sidecar for the test measure and source, published on `date`, with `extra`
    /// members (reading hints) before its closing brace.
    static func sidecar(publishedOn date: String, extra: String = "") -> String {
        """
        {"measure": {"key": "monthly_share", "name": "Monthly download share (test)", "unit": "percent",
          "universe": "a test universe", "attribution": "a test attribution"},
         "source": {"key": "monthly-test", "title": "Monthly test shares", "url": "https://example.invalid/monthly",
          "kind": "dataset"},
         "published_on": "\(date)", "coverage": "top_n"\(extra)}
        """
    }

    /// A month's shares (CSV) and its sidecar (measure, source, publication date).
    func writeMonth(_ month: Int) throws {
        let period = "2026-0\(month)"
        let csv = "entity,period,value\r\nCN,\(period),\(17 + month).1\r\nUS,\(period),\(16 - month).5\r\nGB,\(period),3.\(month)\r\n"
        _ = try directory.write("inbox/shares-\(period).csv", csv)
        _ = try directory.write("inbox/shares-\(period).json", Self.sidecar(publishedOn: "2026-0\(month)-28"))
    }

    func run(_ arguments: [String]) throws -> ProcessResult {
        try SharehouseBinary.run(arguments + ["--db", database], in: directory.path)
    }

    func snapshots() throws -> Int {
        try Connection(path: database, options: .readOnly).fetchOne("SELECT count(*) FROM snapshots") { try $0.get(0) as Int } ?? -1
    }

    @Test func oneCommandEveryMonthImportsExactlyTheNewFiles() throws {
        let first = try run(["import", inbox])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(try snapshots() == 3)
        #expect(first.stdout.components(separatedBy: " imported ").count - 1 == 3, "\(first.stdout)")
        for skipped in [
            "README.md: a README", "shares-2026-01.json: the sidecar of", "shares-2026-01.csv~: an editor's backup",
            ".~lock.shares-2026-01.csv#: a hidden file", "chart.png: not a data file",
        ] {
            #expect(first.stderr.contains(skipped), "said: \(skipped)\n\(first.stderr)")
        }
        // The same command again writes nothing.
        let before = try databaseFingerprint(database)
        let again = try run(["import", inbox])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout.components(separatedBy: "unchanged (already imported)").count - 1 == 3)
        #expect(try databaseFingerprint(database) == before)
        // A fourth month: the only file imported.
        try writeMonth(4)
        let next = try run(["import", inbox, "--format", "json"])
        #expect(next.status == 0, "\(next.stderr)")
        let receipts = try #require(try JSONSerialization.jsonObject(with: Data(next.stdout.utf8)) as? [[String: Any]])
        #expect(receipts.map { $0["outcome"] as? String } == ["unchanged", "unchanged", "unchanged", "imported"])
        #expect((receipts.last?["file"] as? String)?.hasSuffix("shares-2026-04.csv") == true)
        #expect(try snapshots() == 4)
    }

    @Test func aGlobWithSidecarsImportsTheDataFilesOnly() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: inbox).filter { !$0.hasPrefix(".") && !$0.hasSuffix(".png") }
        let result = try run(["import"] + names.sorted().map { inbox + "/" + $0 })
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try snapshots() == 3)
        #expect(result.stderr.contains("shares-2026-02.json: the sidecar of"))
    }

    @Test func aFolderWithoutDataFilesAndAMissingFolderAreMissingInput() throws {
        try FileManager.default.createDirectory(atPath: directory.file("empty"), withIntermediateDirectories: true)
        _ = try directory.write("empty/README.txt", "nothing here\n")
        let empty = try run(["import", directory.file("empty")])
        #expect(empty.status == 66)
        #expect(empty.stderr.contains("the folder holds no data file"), "\(empty.stderr)")
        let missing = try run(["import", directory.file("nowhere")])
        #expect(missing.status == 66)
        #expect(missing.stderr.contains("no such file or folder"))
        let snapshotsNow = FileManager.default.fileExists(atPath: database) ? try snapshots() : 0
        #expect(snapshotsNow == 0)
    }

    @Test func aWarehouseInAFolderThatDoesNotExistIsSaidSo() throws {
        let result = try SharehouseBinary.run(["--db", directory.file("missing/dir/w.sqlite"), "init"], in: directory.path)
        #expect(result.status == 66)
        #expect(result.stderr.contains("the folder \(directory.file("missing/dir")) does not exist"), "\(result.stderr)")
    }

    /// A wide table whose headers are months as a spreadsheet writes them, English and
    /// Arabic: each column is its month.
    @Test func monthHeadersAsSpreadsheetsWriteThem() throws {
        _ = try directory.write(
            "months/shares.csv", "country,Jan 2026,Feb 2026,مارس 2026\r\nChina,17.1,17.4,17.9\r\nUSA,15.0,14.8,14.1\r\n")
        _ = try directory.write("months/shares.json", Self.sidecar(publishedOn: "2026-04-01"))
        let result = try run(["import", directory.file("months")])
        #expect(result.status == 0, "\(result.stderr)")
        let periods = try Connection(path: database, options: .readOnly).fetchAll(
            "SELECT DISTINCT period FROM figure_history ORDER BY period"
        ) { try $0.get(0) as String }
        #expect(periods == ["2026-01", "2026-02", "2026-03"])
    }

    /// Three months exported the way a spreadsheet in a European locale writes them: a
    /// byte-order mark, CRLF, semicolons, decimal commas with a percent sign, two empty
    /// columns at the end, headers such as "Country Name", months written "Mar 2026".
    /// One command imports them, the receipt says how they were read, the same command
    /// again writes nothing.
    @Test func spreadsheetExportsImportAsTheyCame() throws {
        for (month, name) in [(1, "Jan 2026"), (2, "Feb 2026"), (3, "Mar 2026")] {
            let rows =
                "\u{FEFF}Country Name;Period;Download share;;\r\n" + "China;\(name);\(17 + month),\(month)%;;\r\n"
                + "United States;\(name);15,\(month)%;;\r\n" + "Germany;\(name);0,\(month)%;;\r\n"
            _ = try directory.write("exports/shares-\(month).csv", rows)
            _ = try directory.write("exports/shares-\(month).json", Self.sidecar(publishedOn: "2026-0\(month)-28"))
        }
        let first = try run(["import", directory.file("exports")])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("read as: semicolon-delimited (from its header), decimal commas"), "\(first.stdout)")
        let connection = try Connection(path: database, options: .readOnly)
        let figures = try connection.fetchAll(
            "SELECT period, entity_code, value_text FROM current_figures ORDER BY period, entity_code"
        ) { "\(try $0.get(0) as String) \(try $0.get(1) as String) \(try $0.get(2) as String)" }
        #expect(figures.count == 9)
        #expect(figures.prefix(3) == ["2026-01 CN 18.1", "2026-01 DE 0.1", "2026-01 US 15.1"])
        #expect(figures.last == "2026-03 US 15.3")
        let before = try databaseFingerprint(database)
        let again = try run(["import", directory.file("exports")])
        #expect(again.status == 0 && again.stdout.components(separatedBy: "unchanged (already imported)").count - 1 == 3)
        #expect(try databaseFingerprint(database) == before)
    }

    /// A month a spreadsheet turned into a date (2026-03 -> 2026-03-01) is refused with
    /// both readings named, then read as the month, or as one day, when told.
    @Test func bareDatesAreRefusedThenReadAsMonthsOrDays() throws {
        try writeMonth(1)
        _ = try directory.write("dates/shares.csv", "entity,period,value\r\nCN,2026-03-01,18.0\r\nUS,2026-03-01,15.0\r\n")
        _ = try directory.write("dates/shares.json", Self.sidecar(publishedOn: "2026-04-28"))
        let refused = try run(["import", directory.file("dates/shares.csv")])
        #expect(refused.status == 65)
        #expect(refused.stderr.contains("shares.csv:2:4: \"2026-03-01\" is a date, not a period"), "\(refused.stderr)")
        #expect(refused.stderr.contains("--periods month") && refused.stderr.contains("--periods day"))
        let months = try run(["import", directory.file("dates/shares.csv"), "--periods", "month", "--dry-run"])
        #expect(months.status == 0 && months.stdout.contains(" 2026-03 "), "\(months.stdout)")
        let days = try run(["import", directory.file("dates/shares.csv"), "--periods", "day"])
        #expect(days.status == 0 && days.stdout.contains("2026-03-01"), "\(days.stdout)")
    }

    /// Shares written as fractions of 1 are refused with the hint, then read as percent
    /// with their precision (three decimals of a fraction, one of a percent).
    @Test func fractionsAreRefusedThenReadWithScaleFraction() throws {
        try writeMonth(1)
        _ = try directory.write("fractions/f.csv", "entity,period,value\nCN,2026-05,0.171\nUS,2026-05,0.158\nGB,2026-05,0.04\n")
        _ = try directory.write("fractions/f.json", Self.sidecar(publishedOn: "2026-06-01"))
        let refused = try run(["import", directory.file("fractions/f.csv")])
        #expect(refused.status == 65)
        #expect(refused.stderr.contains("the figures look like fractions") && refused.stderr.contains("--scale fraction"))
        let read = try run(["import", directory.file("fractions/f.csv"), "--scale", "fraction"])
        #expect(read.status == 0, "\(read.stderr)")
        let values = try Connection(path: database, options: .readOnly).fetchAll(
            "SELECT value_text FROM current_figures WHERE period = '2026-05' ORDER BY entity_code"
        ) { try $0.get(0) as String }
        #expect(values == ["17.1", "4", "15.8"])
    }

    /// A sidecar says how to read its file, as the options would: delimiter, decimal
    /// commas, how to read dates, the columns' names. Where both say, they must agree.
    @Test func aSidecarSaysHowToReadItsFile() throws {
        _ = try directory.write("german/anteile.csv", "Land;Monat;Anteil\r\nChina;2026-03-01;17,1\r\nUSA;2026-03-01;15,8\r\n")
        _ = try directory.write(
            "german/anteile.json",
            Self.sidecar(
                publishedOn: "2026-04-02",
                extra: #", "delimiter": ";", "decimal_comma": true, "periods": "month", "entity_column": "Land", "#
                    + #""period_column": "Monat", "value_column": "Anteil""#))
        let contradicted = try run(["import", directory.file("german"), "--delimiter", ","])
        #expect(contradicted.status == 65)
        #expect(contradicted.stderr.contains("says delimiter"), "\(contradicted.stderr)")
        let result = try run(["import", directory.file("german")])
        #expect(result.status == 0, "\(result.stderr)")
        let figures = try Connection(path: database, options: .readOnly).fetchAll(
            "SELECT period || ' ' || entity_code || ' ' || value_text FROM current_figures ORDER BY entity_code"
        ) { try $0.get(0) as String }
        #expect(figures == ["2026-03 CN 17.1", "2026-03 US 15.8"])
    }

    @Test func aBadFileListsEveryProblemAndTheFolderWritesNothing() throws {
        #expect(try run(["import", inbox]).status == 0)
        let before = try databaseFingerprint(database)
        // A spreadsheet's export with five bad rows among good ones.
        let bad =
            "\u{FEFF}Country;Month;Share\r\nChina;Apr 2026;17,1\r\nAtlantis;Apr 2026;1,0\r\nUnited States;Apr 2026;lots\r\n"
            + "Germany;Apr 2026;-2,0\r\nFrance;Apx 2026;1,0\r\nChina;Apr 2026;17,1\r\nJapan;Apr 2026;2,0\r\n"
        _ = try directory.write("inbox/shares-2026-04.csv", bad)
        _ = try directory.write("inbox/shares-2026-04.json", Self.sidecar(publishedOn: "2026-04-28"))
        let result = try run(["import", inbox])
        #expect(result.status == 65)
        let places = result.stderr.split(separator: "\n").compactMap { line in
            line.range(of: "shares-2026-04.csv:").map { String(line[$0.upperBound...].prefix { $0 != " " }) }
        }
        #expect(places == ["3:1:", "4:24:", "5:18:", "6:8:", "7:1:"], "\(result.stderr)")
        #expect(try databaseFingerprint(database) == before)
    }

    @Test func aCorrectedMonthIsRefusedThenStoredWithCorrectionAndShown() throws {
        #expect(try run(["import", inbox]).status == 0)
        let before = try databaseFingerprint(database)
        // The source republishes March with another figure for CN, under the same date.
        let original = try String(contentsOfFile: directory.file("inbox/shares-2026-03.csv"), encoding: .utf8)
        _ = try directory.write("original-2026-03.csv", original)
        _ = try directory.write("original-2026-03.json", Self.sidecar(publishedOn: "2026-03-28"))
        _ = try directory.write("inbox/shares-2026-03.csv", original.replacingOccurrences(of: "CN,2026-03,20.1", with: "CN,2026-03,20.4"))
        let refused = try run(["import", inbox])
        #expect(refused.status == 77)
        #expect(
            refused.stderr.contains("shares-2026-03.csv: snapshot 3 (imported from shares-2026-03.csv) has the same measure"),
            "\(refused.stderr)")
        #expect(refused.stderr.contains("CN 2026-03 20.1 → 20.4") && refused.stderr.contains("expected --correction"))
        #expect(try databaseFingerprint(database) == before)

        let stored = try run(["import", inbox, "--correction"])
        #expect(stored.status == 0, "\(stored.stderr)")
        #expect(stored.stdout.contains("imported (correction)") && stored.stdout.contains("corrects snapshot 3"), "\(stored.stdout)")
        #expect(stored.stdout.components(separatedBy: "unchanged (already imported)").count - 1 == 2)

        let revisions = try run(["report", "revisions", "--entity", "CN", "--period", "2026-03"])
        #expect(
            revisions.stdout.contains("corrected by snapshot 4") && revisions.stdout.contains("2026-03-28 (correction)"),
            "\(revisions.stdout)")
        #expect(revisions.stdout.contains("published 2026-03-28, corrected"))

        let again = try run(["import", directory.file("original-2026-03.csv")])
        #expect(again.status == 0)
        #expect(again.stdout.contains("snapshot 3 was corrected by snapshot 4: its figures are not in force"), "\(again.stdout)")
    }

    /// A mistyped --db is not a silent new warehouse: a new one is said, and a failed or dry
    /// import leaves no file behind.
    @Test func aNewWarehouseIsSaidAndAFailedImportLeavesNone() throws {
        let typo = directory.file("typo.sqlite")
        _ = try directory.write("empty/notes.md", "nothing here\n")
        let failed = try SharehouseBinary.run(["import", directory.file("empty"), "--db", typo], in: directory.path)
        #expect(failed.status == 66 && failed.stderr.contains("left out: notes.md"), "\(failed.stderr)")
        #expect(!FileManager.default.fileExists(atPath: typo))
        let dry = try SharehouseBinary.run(["import", inbox, "--dry-run", "--db", typo], in: directory.path)
        #expect(dry.status == 0 && !FileManager.default.fileExists(atPath: typo))
        let created = try SharehouseBinary.run(["import", inbox, "--db", typo], in: directory.path)
        #expect(created.status == 0 && created.stderr.contains("created the warehouse \(typo)"), "\(created.stderr)")
        let again = try SharehouseBinary.run(["import", inbox, "--db", typo], in: directory.path)
        #expect(!again.stderr.contains("created the warehouse"))
    }
}
