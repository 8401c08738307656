import Foundation
import Sharehouse
import SharehouseDB
import SharehouseTestSupport
import Testing

/// Ad-hoc SQL is whatever a person (or a program passing a person's text) types:
/// everything that could change the file or reach outside it is refused, a runaway query
/// is stopped, and the file's bytes are the same afterwards.
@Suite("Hostile ad-hoc SQL")
struct HostileSQLTests {
    let fixtures: FixtureWarehouse
    init() throws { fixtures = try FixtureWarehouse() }

    /// The bytes of the database and its write-ahead log (the shared-memory index may
    /// change with any read).
    func fileBytes() throws -> [Data?] {
        ["", "-wal"].map { FileManager.default.contents(atPath: fixtures.workspace.path + $0) }
    }

    static let refused: [String] = [
        // Writes and schema changes, plain and disguised.
        "DELETE FROM observations",
        "INSERT INTO measures (key, name, unit, universe, attribution) VALUES ('x', 'x', 'count', 'u', 'a')",
        "UPDATE snapshots SET note = 'x'",
        "REPLACE INTO sources (key, title, kind) VALUES ('x', 'x', 'article')",
        "WITH x AS (SELECT 1) DELETE FROM observations",
        "DROP TABLE sources",
        "DROP VIEW current_figures",
        "CREATE TABLE t (x)",
        "CREATE TEMP TABLE t (x)",
        "CREATE TEMP VIEW v AS SELECT 1",
        "CREATE INDEX i ON observations (value)",
        "CREATE TRIGGER t AFTER INSERT ON sources BEGIN SELECT 1; END",
        "ALTER TABLE sources ADD COLUMN x",
        "ALTER TABLE sources RENAME TO s",
        "REINDEX",
        "ANALYZE",
        "VACUUM",
        // Transactions, other files, extensions.
        "BEGIN",
        "COMMIT",
        "SAVEPOINT s",
        "ATTACH 'other.sqlite' AS other",
        "ATTACH ':memory:' AS other",
        "DETACH main",
        "SELECT load_extension('libc.so.6')",
        "SELECT load_extension('/tmp/x.so', 'sqlite3_extension_init')",
        "SELECT readfile('/etc/passwd')",
        "SELECT writefile('/tmp/sharehouse-hostile', 'x')",
        "SELECT fts3_tokenizer('simple')",
        // Settings that write, or change how the file is written.
        "PRAGMA writable_schema = ON",
        "PRAGMA journal_mode = DELETE",
        "PRAGMA user_version = 99",
        "PRAGMA foreign_keys = OFF",
        "PRAGMA query_only = OFF",
        "PRAGMA synchronous = OFF",
        "PRAGMA schema.user_version = 1",
        "PRAGMA main.journal_mode = OFF",
        "PRAGMA wal_checkpoint(TRUNCATE)",
        "PRAGMA optimize",
        "PRAGMA incremental_vacuum",
        "PRAGMA temp_store_directory = '/tmp'",
        "PRAGMA mmap_size = 1000000000",
        "SELECT * FROM pragma_journal_mode('DELETE')",
    ]

    @Test(arguments: refused)
    func isRefusedAndChangesNothing(_ sql: String) throws {
        let before = try fileBytes()
        let fingerprint = try databaseFingerprint(fixtures.workspace.path)
        let count = try fixtures.warehouse.query("SELECT count(*) FROM snapshots").rows.first?.first
        let error = try #require(throws: SQLiteError.self) { try fixtures.warehouse.query(sql) }
        // A refusal says what was refused; SQLite's own errors (a missing function,
        // a syntax it does not allow in a query) are errors too, never a success.
        #expect(
            [ResultCode.authorization, .error, .readOnly].contains { $0 ~= error.code },
            "\(sql): \(error.code) \(error.message)")
        #expect(try fileBytes() == before, "\(sql)")
        #expect(try databaseFingerprint(fixtures.workspace.path) == fingerprint, "\(sql)")
        // The connection is left as it was: the next query reads.
        #expect(try fixtures.warehouse.query("SELECT count(*) FROM snapshots").rows.first?.first == count)
    }

    @Test func vacuumIntoWritesNoFile() throws {
        let target = fixtures.workspace.directory.file("copy.sqlite")
        let before = try fileBytes()
        #expect(throws: SQLiteError.self) { try fixtures.warehouse.query("VACUUM INTO '\(target)'") }
        #expect(!FileManager.default.fileExists(atPath: target))
        #expect(try fileBytes() == before)
    }

    static let runaway: [String] = [
        "WITH RECURSIVE r(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM r) SELECT count(*) FROM r",
        "SELECT count(*) FROM observations AS a, observations AS b, observations AS c, observations AS d",
        "WITH RECURSIVE r(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM r) SELECT x FROM r ORDER BY random() LIMIT 1",
    ]

    @Test(arguments: runaway)
    func aRunawayQueryIsStoppedWithinItsTimeLimit(_ sql: String) throws {
        let started = ContinuousClock.now
        let error = try #require(throws: SQLiteError.self) {
            try fixtures.warehouse.query(sql, timeLimit: .milliseconds(300))
        }
        let elapsed = ContinuousClock.now - started
        #expect(ResultCode.interrupt ~= error.code, "\(error.code) \(error.message)")
        #expect(elapsed < .seconds(3), "stopped after \(elapsed)")
    }

    static let memoryBombs: [String] = [
        "SELECT randomblob(1000000000)",
        "SELECT zeroblob(2000000000)",
        "SELECT length(printf('%.*c', 20000000, 'x'))",
        "SELECT length(replace(hex(zeroblob(10000000)), '0', '00000000'))",
        "WITH RECURSIVE r(x, s) AS (SELECT 1, 'x' UNION ALL SELECT x + 1, s || s FROM r WHERE x < 40) SELECT length(s) FROM r",
    ]

    @Test(arguments: memoryBombs)
    func aHugeValueIsRefusedNotAllocated(_ sql: String) throws {
        // Past the length limit SQLite fails the statement, or (printf) gives NULL; either
        // way nothing near the size asked for is allocated.
        do {
            let output = try fixtures.warehouse.query(sql, timeLimit: .seconds(5))
            #expect(output.rows.first?.first == .null, "\(sql) gave \(output.rows)")
        } catch let error as SQLiteError {
            #expect(ResultCode.tooBig ~= error.code || ResultCode.interrupt ~= error.code, "\(error.code) \(error.message)")
        }
        // The limit applies only while ad-hoc SQL runs.
        #expect(try fixtures.warehouse.query("SELECT length(zeroblob(1000))").rows.first?.first == .integer(1000))
    }

    @Test func parametersAreBoundNeverSpliced() throws {
        let hostile = "x' OR '1'='1"
        let output = try fixtures.warehouse.query("SELECT count(*) FROM sources WHERE key = :key", parameters: ["key": hostile])
        #expect(output.rows.first?.first == .integer(0))
        let drop = "'); DROP TABLE sources; --"
        _ = try fixtures.warehouse.query("SELECT :v", parameters: ["v": drop])
        #expect(try fixtures.warehouse.query("SELECT count(*) FROM sources").rows.first?.first != .integer(0))
    }

    @Test func namesThatLookLikeSQLReachOtherCommandsAsValues() throws {
        let before = try fileBytes()
        #expect(throws: (any Error).self) { try fixtures.warehouse.series(entities: ["CN'; DROP TABLE observations; --"]) }
        #expect(throws: (any Error).self) {
            try fixtures.warehouse.series(entities: ["CN"], scope: QueryScope(measure: "x' OR 1=1 --"))
        }
        #expect(try fixtures.warehouse.source(key: "' OR ''='") == nil)
        #expect(try fileBytes() == before)
    }
}
