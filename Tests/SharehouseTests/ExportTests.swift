import Foundation
import Sharehouse
import SharehouseDB
import SharehouseTestSupport
import Testing

@Suite("Export")
struct ExportTests {
    /// Everything a reader can see of the figures, citations and vintages, without the
    /// parts that record an act of importing (when, from which file name).
    static func visibleContent(_ path: String) throws -> [String] {
        let connection = try Connection(path: path, options: .readOnly)
        var lines: [String] = []
        lines += try connection.fetchAll(
            """
            SELECT measure, source, period, entity_code, value_text, known_from, coalesce(known_to, '-'), verification, coverage
            FROM figure_history ORDER BY measure, source, start_date, end_date, entity_code, known_from
            """
        ) { row in (0..<9).map { (try? row.get($0) as String) ?? "?" }.joined(separator: " ") }
        lines += try connection.fetchAll("SELECT * FROM sources ORDER BY key") { $0.values.map { "\($0)" }.joined(separator: "|") }
        lines += try connection.fetchAll("SELECT * FROM measures ORDER BY key") { $0.values.map { "\($0)" }.joined(separator: "|") }
        lines += try connection.fetchAll(
            """
            SELECT id, measure, source, published_on, content_sha256, verification, coverage, coalesce(note, '') FROM snapshots ORDER BY id
            """
        ) { $0.values.map { "\($0)" }.joined(separator: "|") }
        return lines
    }

    @Test func exportThenImportRoundTripsExactly() throws {
        let original = try FixtureWarehouse()
        let folder = original.workspace.directory.file("export")
        let files = try original.warehouse.export(to: folder)
        #expect(files.count == 9)
        #expect(
            files.map { ($0.path as NSString).lastPathComponent }.first
                == "0001-atom_cumulative_downloads-informationmachine-39549-2026-07-04.json")
        let copy = try ImportWorkspace()
        let receipts = try copy.warehouse.importSnapshots(from: files.map { .file($0.path) })
        #expect(receipts.allSatisfy { $0.outcome == .imported })
        let before = try Self.visibleContent(original.workspace.path)
        let after = try Self.visibleContent(copy.path)
        #expect(before.count > 200)
        #expect(before == after)
        // Exporting again into the same folder overwrites nothing.
        #expect(throws: QueryError.self) { try original.warehouse.export(to: folder) }
    }

    @Test func exportKeepsThePublishedDigitsAndCanBeFiltered() throws {
        let original = try FixtureWarehouse()
        let folder = original.workspace.directory.file("argaam")
        let files = try original.warehouse.export(to: folder, source: "argaam-1862466")
        #expect(files.count == 2)
        let text = try String(contentsOfFile: files[0].path, encoding: .utf8)
        #expect(text.contains(#""entity": "FR", "period": "2024-09/2025-08", "value": 1.0}"#))
        #expect(text.contains(#""derived_from": "ft-2025-11-26""#))
        #expect(try original.warehouse.export(to: original.workspace.directory.file("none"), measure: "nope").isEmpty)
    }
}

@Suite("Read-only SQL")
struct ReadOnlySQLTests {
    @Test(arguments: [
        "INSERT INTO measures (key, name, unit, universe, attribution) VALUES ('x', 'x', 'count', 'u', 'a')",
        "UPDATE sources SET title = 'x'", "DELETE FROM observations", "DROP TABLE observations",
        "DROP VIEW current_figures", "CREATE TABLE x (a)", "ATTACH ':memory:' AS other", "SELECT load_extension('x')",
        "PRAGMA writable_schema = 1", "PRAGMA user_version = 7", "VACUUM INTO '/tmp/sharehouse-vacuum-into.sqlite'",
        "BEGIN", "REINDEX", "ANALYZE", "PRAGMA foreign_keys = OFF",
        "WITH x AS (SELECT 1) DELETE FROM snapshots",
    ])
    func refusalsLeaveTheFileUnchanged(_ sql: String) throws {
        let fixtures = try FixtureWarehouse()
        let before = try fileBytes(fixtures.workspace.path)
        let fingerprint = try fixtures.workspace.fingerprint()
        let error = try #require(throws: SQLiteError.self) { try fixtures.warehouse.query(sql) }
        #expect(error.code == .authorization, "\(error)")
        #expect(error.category == .refused)
        #expect(error.message.hasPrefix("refused: "))
        #expect(try fileBytes(fixtures.workspace.path) == before)
        #expect(try fixtures.workspace.fingerprint() == fingerprint)
        #expect(!FileManager.default.fileExists(atPath: "/tmp/sharehouse-vacuum-into.sqlite"))
    }

    @Test func aRunawayQueryIsStoppedWithinTheLimit() throws {
        let fixtures = try FixtureWarehouse()
        let started = ContinuousClock.now
        let error = try #require(throws: SQLiteError.self) {
            try fixtures.warehouse.query(
                "WITH RECURSIVE r(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM r) SELECT count(*) FROM r",
                timeLimit: .milliseconds(250))
        }
        #expect(error.code.primary == .interrupt)
        #expect(ContinuousClock.now - started < .seconds(5))
        // A huge cross join is stopped the same way.
        #expect(throws: SQLiteError.self) {
            try fixtures.warehouse.query(
                "SELECT count(*) FROM entities a, entities b, entities c, entities d", timeLimit: .milliseconds(250))
        }
    }

    @Test func namedParametersRowLimitsAndCleanNumbers() throws {
        let fixtures = try FixtureWarehouse()
        let output = try fixtures.warehouse.query(
            "SELECT entity_code, value, value_text FROM current_figures WHERE source = :source ORDER BY value DESC",
            parameters: ["source": "argaam-1862466"], maxRows: 2)
        #expect(output.columns == ["entity_code", "value", "value_text"])
        #expect(output.rows == [[.text("US"), .real(27.5), .text("27.5")], [.text("CN"), .real(17.1), .text("17.1")]])
        #expect(output.truncated)
        if case .real(let number) = output.rows[1][1] { #expect(number.description == "17.1") }
        #expect(throws: SQLiteError.self) { try fixtures.warehouse.query("SELECT :missing") }
        #expect(throws: SQLiteError.self) { try fixtures.warehouse.query("SELECT 1", parameters: ["extra": "1"]) }
        #expect(throws: SQLiteError.self) { try fixtures.warehouse.query("SELECT ?") }
        // Parameters are text: an identifier like 004 is never turned into 4.
        let code = try fixtures.warehouse.query("SELECT code FROM entities WHERE iso_numeric = :n", parameters: ["n": "004"])
        #expect(code.rows == [[.text("AF")]])
    }
}
