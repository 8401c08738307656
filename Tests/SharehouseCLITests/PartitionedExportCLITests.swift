import Foundation
import SharehouseTestSupport
import Testing

/// `sharehouse export figures|listings` run as a user runs them, and the export read by
/// another program: Python's standard library walks the `key=value` folders, reads each
/// file with `csv` or `json`, and compares every row with the warehouse read through its
/// own `sqlite3` module.
@Suite("sharehouse export figures, export listings")
struct PartitionedExportCLITests {
    let directory: TemporaryDirectory
    var database: String { directory.file("w.sqlite") }

    init() throws {
        directory = try TemporaryDirectory("cli-partitioned")
    }

    func run(_ arguments: [String]) throws -> ProcessResult {
        try SharehouseBinary.run(arguments + ["--db", database], in: directory.path)
    }

    /// The fixtures' snapshots, the synthetic Hub listing and the study's rows.
    func importEverything() throws {
        let imported = try run(["import"] + Repository.fixtureFiles)
        #expect(imported.status == 0, "\(imported.stderr)")
        let source = try run([
            "sources", "add", "--key", "hub-synthetic", "--title", "Synthetic listing (not real data)", "--url",
            "https://example.invalid/listing", "--kind", "dataset",
        ])
        #expect(source.status == 0, "\(source.stderr)")
        let hub = try run([
            "listing", "import", Repository.path("Fixtures/listings/synthetic-hub-2026-06"), "--source", "hub-synthetic",
            "--retrieved-on", "2026-06-30",
        ])
        #expect(hub.status == 0, "\(hub.stderr)")
        let study = try run([
            "listing", "import", Repository.path("Fixtures/listings/synthetic-study-dataset-weekly.csv"), "--source", "hub-synthetic",
            "--retrieved-on", "2025-06-30", "--window-days", "28",
        ])
        #expect(study.status == 0, "\(study.stderr)")
    }

    /// Reads the export in `folder` and the warehouse with Python's standard library and
    /// compares every row of every table; prints `{"counts": ..., "problems": [...]}`.
    static let reader = #"""
        import csv, decimal, json, os, re, sqlite3, sys, urllib.parse

        db, out, fmt = sys.argv[1:4]
        problems = []
        plain = re.compile(r"^-?[0-9]+(\.[0-9]+)?$")

        def read(table, columns, numeric):
            """Every row of a table's files as a tuple of text (None when absent), partition columns first."""
            rows = []
            root = os.path.join(out, table)
            partitions = None
            for folder, dirs, files in os.walk(root):
                dirs.sort()
                for name in sorted(files):
                    if not name.endswith("." + fmt):
                        continue
                    path = os.path.join(folder, name)
                    parts = [segment.partition("=") for segment in os.path.relpath(folder, root).split(os.sep)]
                    keys = [key for key, _, _ in parts]
                    if partitions is None:
                        partitions = keys
                    elif partitions != keys:
                        problems.append(f"{path}: partitions {keys}, not {partitions}")
                    values = [urllib.parse.unquote(value) for _, _, value in parts]
                    with open(path, newline="", encoding="utf-8") as handle:
                        if fmt == "csv":
                            reader = csv.reader(handle)
                            header = next(reader)
                            if header != columns:
                                problems.append(f"{path}: header {header}")
                            records = []
                            for record in reader:
                                row = {}
                                for column, field in zip(header, record):
                                    if column in numeric and field and not plain.match(field):
                                        problems.append(f"{path}: {column} {field!r} is not a plain number")
                                    row[column] = field if field != "" else None
                                records.append(row)
                        else:
                            records = []
                            for line in handle:
                                row = json.loads(line, parse_float=decimal.Decimal)
                                if list(row) != columns:
                                    problems.append(f"{path}: members {list(row)}")
                                for column, value in row.items():
                                    number = isinstance(value, (int, decimal.Decimal)) and not isinstance(value, bool)
                                    if value is not None and number != (column in numeric):
                                        problems.append(f"{path}: {column} {value!r} has the wrong JSON type")
                                    row[column] = None if value is None else str(value)
                                records.append(row)
                    for row in records:
                        for key in keys:
                            if key in row:
                                problems.append(f"{path}: the partition column {key} is repeated in the file")
                        rows.append(tuple(values) + tuple(row.get(column) for column in columns))
            return sorted(rows, key=repr)

        connection = sqlite3.connect(f"file:{db}?mode=ro", uri=True)

        def expected(sql):
            return sorted((tuple(None if value is None else str(value) for value in row) for row in connection.execute(sql)), key=repr)

        figure_columns = ["source", "entity_code", "entity_name", "value", "decimals", "unit", "start_date", "end_date",
                          "snapshot_id", "published_on", "verification", "coverage"]
        listing_columns = ["listing_id", "source", "retrieved_on", "window_days", "model", "author", "downloads",
                           "downloads_all_time", "created_on", "pipeline_tag", "library", "org_country", "derived_org_country"]
        base_columns = ["listing_id", "model", "base_model", "relation"]
        tables = {
            "figures": (figure_columns, {"value", "decimals", "snapshot_id"},
                        "SELECT measure, period, source, entity_code, entity_name, value_text, decimals, unit, start_date, end_date, "
                        "snapshot_id, known_from, verification, coverage FROM current_figures"),
            "listings": (listing_columns, {"listing_id", "window_days", "downloads", "downloads_all_time"},
                         "SELECT substr(l.retrieved_on, 1, 7), l.id, l.source, l.retrieved_on, l.window_days, m.model, m.author, "
                         "m.downloads, m.downloads_all_time, m.created_on, m.pipeline_tag, m.library, m.org_country, "
                         "m.derived_org_country FROM listing_models AS m JOIN listings AS l ON l.id = m.listing_id"),
            "listing_bases": (base_columns, {"listing_id"},
                              "SELECT substr(l.retrieved_on, 1, 7), b.listing_id, b.model, b.base_model, b.relation "
                              "FROM listing_bases AS b JOIN listings AS l ON l.id = b.listing_id"),
        }
        counts = {}
        for table, (columns, numeric, sql) in tables.items():
            got, want = read(table, columns, numeric), expected(sql)
            counts[table] = len(got)
            if got != want:
                missing = [row for row in want if row not in got][:3]
                extra = [row for row in got if row not in want][:3]
                problems.append(f"{table}: {len(got)} rows read, {len(want)} in the warehouse; missing {missing}, extra {extra}")
        print(json.dumps({"counts": counts, "problems": problems[:20]}))
        """#

    @Test(arguments: ["csv", "ndjson"])
    func anotherProgramReadsEveryRowOfTheExport(_ format: String) throws {
        try importEverything()
        let folder = directory.file("out")
        let figures = try run(["export", "figures", "--out", folder, "--format", format])
        #expect(figures.status == 0, "\(figures.stderr)")
        #expect(
            figures.stdout.contains("29 files (\(format)) in \(folder): 29 written, 0 replaced, 0 unchanged; 169 rows"), "\(figures.stdout)"
        )
        let listings = try run(["export", "listings", "--out", folder, "--format", format, "--receipt", "json"])
        #expect(listings.status == 0, "\(listings.stderr)")
        let receipt = try #require(try JSONSerialization.jsonObject(with: Data(listings.stdout.utf8)) as? [String: Any])
        let files = try #require(receipt["files"] as? [[String: Any]])
        #expect(
            files.map { $0["path"] as? String } == [
                "listings/month=2026-06/part-1.\(format)", "listing_bases/month=2026-06/part-1.\(format)",
                "listings/month=2025-06/part-2.\(format)", "listing_bases/month=2025-06/part-2.\(format)",
            ])
        #expect(files.map { $0["rows"] as? Int } == [12, 11, 4, 2])
        let python = try runProcess("/usr/bin/env", ["python3", "-c", Self.reader, database, folder, format])
        #expect(python.status == 0, "\(python.stderr)")
        let result = try #require(try JSONSerialization.jsonObject(with: Data(python.stdout.utf8)) as? [String: Any], "\(python.stdout)")
        #expect(result["problems"] as? [String] == [], "\(python.stdout)")
        #expect(result["counts"] as? [String: Int] == ["figures": 169, "listings": 16, "listing_bases": 13])
    }

    /// A self-describing snapshot of two or three test figures.
    func snapshot(_ name: String, published: String, figures: String) throws -> String {
        try directory.write(
            name,
            """
            {"measure": {"key": "test_share", "name": "Test share", "unit": "percent", "universe": "synthetic test data",
                         "attribution": "synthetic"},
             "source": {"key": "test-source", "title": "Synthetic test source (not real data)", "url": "https://example.invalid/test",
                        "kind": "dataset"},
             "published_on": "\(published)", "observations": [\(figures)]}
            """)
    }

    /// Every file under `folder` with its bytes, and every folder.
    func tree(_ folder: String) throws -> [String: Data] {
        var tree: [String: Data] = [:]
        for path in try #require(FileManager.default.subpaths(atPath: folder)) {
            var isFolder: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: folder + "/" + path, isDirectory: &isFolder)
            tree[path] = isFolder.boolValue ? Data("<dir>".utf8) : try Data(contentsOf: URL(fileURLWithPath: folder + "/" + path))
        }
        return tree
    }

    /// A folder named by one letter, relative to where the command runs, alone or under a
    /// folder that does not exist yet (Foundation's `deletingLastPathComponent` trapped on
    /// those), and an empty name.
    @Test func shortAndMissingFoldersAreMadeAndAnEmptyNameIsRefused() throws {
        let first = try snapshot("a.json", published: "2026-01-15", figures: #"{"entity": "CN", "period": "2025-07", "value": 17.1}"#)
        #expect(try run(["import", first]).status == 0)
        for folder in ["t", "u/", "a/b"] {
            let written = try run(["export", "figures", "--out", folder])
            #expect(written.status == 0, "\(folder): \(written.stderr)")
            #expect(
                FileManager.default.fileExists(atPath: directory.file(folder + "/figures/measure=test_share/period=2025-07/part-0.csv")),
                "\(folder)")
        }
        let empty = try run(["export", "listings", "--out", ""])
        #expect(empty.status == 65)
        #expect(empty.stderr.contains("the folder to export into is empty"), "\(empty.stderr)")
    }

    @Test func aRerunChangesNothingAndAChangedFileIsRefusedUnlessReplaced() throws {
        let first = try snapshot(
            "a.json", published: "2026-01-15",
            figures: #"{"entity": "CN", "period": "2025-07", "value": 17.1}, {"entity": "US", "period": "2025-07", "value": 15.8}"#)
        #expect(try run(["import", first]).status == 0)
        let folder = directory.file("out")
        try directory.write("out/notes.txt", "not the export's\n")
        let written = try run(["export", "figures", "--out", folder])
        #expect(written.status == 0, "\(written.stderr)")
        #expect(written.stdout.contains("1 file (csv) in \(folder): 1 written, 0 replaced, 0 unchanged; 2 rows"), "\(written.stdout)")
        let before = try tree(folder)
        let again = try run(["export", "figures", "--out", folder])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout.contains("0 written, 0 replaced, 1 unchanged"), "\(again.stdout)")
        #expect(try tree(folder) == before)

        let later = try snapshot(
            "b.json", published: "2026-02-01",
            figures: #"{"entity": "CN", "period": "2025-07", "value": 18.0}, {"entity": "US", "period": "2025-07", "value": 15.8}, "#
                + #"{"entity": "CN", "period": "2025-08", "value": 19}"#)
        #expect(try run(["import", later]).status == 0)
        let refused = try run(["export", "figures", "--out", folder])
        #expect(refused.status == 77)
        #expect(
            refused.stderr.contains(
                "1 file in \(folder) would change: figures/measure=test_share/period=2025-07/part-0.csv; nothing was written"),
            "\(refused.stderr)")
        #expect(refused.stderr.contains("--replace"))
        #expect(try tree(folder) == before, "nothing written: not the new period's file, nor its folder")

        let replaced = try run(["export", "figures", "--out", folder, "--replace", "--receipt", "json"])
        #expect(replaced.status == 0, "\(replaced.stderr)")
        let receipt = try #require(try JSONSerialization.jsonObject(with: Data(replaced.stdout.utf8)) as? [String: Any])
        let files = try #require(receipt["files"] as? [[String: Any]])
        #expect(files.map { $0["outcome"] as? String } == ["replaced", "written"])
        #expect(receipt["format"] as? String == "csv")
        let after = try tree(folder)
        #expect(after["notes.txt"] == before["notes.txt"])
        #expect(
            Set(after.keys)
                == Set(before.keys).union([
                    "figures/measure=test_share/period=2025-08", "figures/measure=test_share/period=2025-08/part-0.csv",
                ]))
        let text = try String(contentsOfFile: folder + "/figures/measure=test_share/period=2025-07/part-0.csv", encoding: .utf8)
        #expect(text.contains("test-source,CN,China,18.0,1,percent,2025-07-01,2025-07-31,2,2026-02-01,"), "\(text)")

        // The snapshot export is still the default, and the data format is checked.
        let snapshots = try run(["export", "--out", directory.file("snapshots"), "--format", "json"])
        #expect(snapshots.status == 0, "\(snapshots.stderr)")
        #expect(snapshots.stdout.contains("0002-test_share-test-source-2026-02-01.json"))
        let wrong = try run(["export", "figures", "--out", folder, "--format", "json"])
        #expect(wrong.status == 64)
        #expect(wrong.stderr.contains("csv") && wrong.stderr.contains("ndjson"), "\(wrong.stderr)")
    }
}
