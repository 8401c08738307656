import Foundation
import SharehouseDB
import SharehouseTestSupport
import Testing

/// `sharehouse import` and `sharehouse migrate up` killed with SIGKILL at random moments:
/// after every kill the file passes `PRAGMA integrity_check`, what was there before is
/// untouched, the interrupted work is wholly present or wholly absent, and the next run
/// succeeds. CI makes a few kills of each; `Scripts/crash-test.sh --kills N` makes many
/// (it sets SHAREHOUSE_KILLS) and prints the tally.
@Suite("Killed mid-way", .serialized)
struct CrashTests {
    static let kills = Int(ProcessInfo.processInfo.environment["SHAREHOUSE_KILLS"] ?? "") ?? 4

    let directory: TemporaryDirectory
    init() throws { directory = try TemporaryDirectory("crash") }

    func writeLargeFile(_ name: String, published: String, seed: UInt64) throws -> String {
        try LargeShareFile.write(name, in: directory, warehouse: directory.file("pristine.sqlite"), published: published, seed: seed)
    }

    func integrity(_ path: String) throws -> String {
        // Opened for writing, as the next command would open it: that replays or drops
        // whatever the killed process left in the write-ahead log.
        let connection = try Connection(path: path)
        return try connection.fetchAll("PRAGMA integrity_check") { try $0.get(0) as String }.joined(separator: "; ")
    }

    /// What the file holds: every small table whole (`databaseFingerprint`'s way) and the
    /// observations as per-snapshot aggregates, which is fast enough to run after every
    /// kill in a debug build.
    func state(_ path: String) throws -> String {
        let connection = try Connection(path: path, options: .readOnly)
        let tables = try connection.fetchAll(
            "SELECT name FROM sqlite_schema WHERE type = 'table' AND name <> 'observations' ORDER BY name"
        ) { try $0.get(0) as String }
        var lines: [String] = []
        for table in tables {
            let rows = try connection.fetchAll("SELECT * FROM \"\(table)\"") { row in
                row.values.map { "\($0)" }.joined(separator: "|")
            }.sorted()
            lines.append("\(table): \(rows.count) rows: \(rows.joined(separator: "; "))")
        }
        lines += try connection.fetchAll(
            """
            SELECT snapshot_id, count(*), sum(value), sum(decimals), sum(period_id * unicode(entity_code))
            FROM observations GROUP BY snapshot_id ORDER BY snapshot_id
            """
        ) { row in row.values.map { "\($0)" }.joined(separator: " ") }
        return lines.joined(separator: "\n")
    }

    func copyDatabase(_ from: String, to: String) throws {
        for suffix in ["", "-wal", "-shm"] {
            try? FileManager.default.removeItem(atPath: to + suffix)
            if FileManager.default.fileExists(atPath: from + suffix) {
                try FileManager.default.copyItem(atPath: from + suffix, toPath: to + suffix)
            }
        }
    }

    /// Starts `sharehouse`, kills it with SIGKILL after `delay` (unless it ended before),
    /// and tells whether the kill landed.
    func runAndKill(_ arguments: [String], after delay: Duration) throws -> (killed: Bool, status: Int32) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: SharehouseBinary.path)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory.path)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = ContinuousClock.now + delay
        while process.isRunning, ContinuousClock.now < deadline { usleep(500) }
        let killed = process.isRunning
        if killed { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        return (killed, process.terminationStatus)
    }

    @Test func importKilledAtRandomMoments() throws {
        let pristine = directory.file("pristine.sqlite")
        #expect(try SharehouseBinary.run(["init", "--db", pristine]).status == 0)
        #expect(try SharehouseBinary.run(["import", Repository.path("Fixtures/eoi-12m-ft-2025-11-26.json"), "--db", pristine]).status == 0)
        let first = try writeLargeFile("first.csv", published: "2026-01-15", seed: 1)
        #expect(try SharehouseBinary.run(["import", first, "--db", pristine]).status == 0)
        let second = try writeLargeFile("second.csv", published: "2026-02-15", seed: 2)
        let before = try state(pristine)

        // How long a whole import takes, to spread the kills over it.
        let timing = directory.file("timing.sqlite")
        try copyDatabase(pristine, to: timing)
        let started = ContinuousClock.now
        #expect(try SharehouseBinary.run(["import", second, "--db", timing]).status == 0)
        let whole = ContinuousClock.now - started
        let complete = try state(timing)

        var landed = 0
        var survived = 0
        let database = directory.file("w.sqlite")
        var random = SystemRandomNumberGenerator()
        for _ in 0..<Self.kills {
            try copyDatabase(pristine, to: database)
            let delay = whole * Double.random(in: 0.05...1.05, using: &random)
            let (killed, _) = try runAndKill(["import", second, "--db", database], after: delay)
            if killed { landed += 1 }
            let check = try integrity(database)
            let after = try state(database)
            // Wholly absent (the state before) or wholly present (as a finished import
            // leaves it, but for the time of import in the snapshots table).
            let absent = after == before
            let present = Self.withoutImportTimes(after) == Self.withoutImportTimes(complete)
            #expect(check == "ok", "integrity after a kill at \(delay): \(check)")
            #expect(absent || present, "after a kill at \(delay), the snapshot is neither absent nor complete")
            if check == "ok" && (absent || present) { survived += 1 }
            // The next import succeeds (or finds the snapshot already there).
            let next = try SharehouseBinary.run(["import", second, "--db", database])
            #expect(next.status == 0, "\(next.stderr)")
            #expect(Self.withoutImportTimes(try state(database)) == Self.withoutImportTimes(complete))
        }
        print("crash test: import killed \(landed) of \(Self.kills) times mid-way; \(survived) of \(Self.kills) checks passed")
        #expect(landed > 0, "no kill landed while the import ran")
    }

    @Test func migrationKilledAtRandomMoments() throws {
        let pristine = directory.file("pristine.sqlite")
        #expect(try SharehouseBinary.run(["init", "--db", pristine]).status == 0)
        try directory.write("mine/0001_notes.sql", "CREATE TABLE my_notes (note TEXT NOT NULL);")
        // A slow migration: a table of 100,000 rows and an index over it.
        try directory.write(
            "mine/0002_big.sql",
            """
            CREATE TABLE my_big (n INTEGER NOT NULL, label TEXT NOT NULL);
            INSERT INTO my_big SELECT value, hex(randomblob(16)) FROM generate_series(1, 100000);
            CREATE INDEX my_big_by_label ON my_big (label);
            """)
        let folder = directory.file("mine")
        // generate_series is built into the sqlite3 library on some systems only: use a
        // recursive CTE where it is missing.
        if try SharehouseBinary.run(["sql", "SELECT count(*) FROM generate_series(1, 2)", "--db", pristine]).status != 0 {
            try directory.write(
                "mine/0002_big.sql",
                """
                CREATE TABLE my_big (n INTEGER NOT NULL, label TEXT NOT NULL);
                INSERT INTO my_big WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 100000)
                    SELECT n, hex(randomblob(16)) FROM r;
                CREATE INDEX my_big_by_label ON my_big (label);
                """)
        }
        let timing = directory.file("timing.sqlite")
        try copyDatabase(pristine, to: timing)
        let started = ContinuousClock.now
        let timed = try SharehouseBinary.run(["migrate", "up", "--dir", folder, "--db", timing])
        #expect(timed.status == 0, "\(timed.stderr)")
        let whole = ContinuousClock.now - started

        var landed = 0
        var survived = 0
        let database = directory.file("w.sqlite")
        var random = SystemRandomNumberGenerator()
        for _ in 0..<Self.kills {
            try copyDatabase(pristine, to: database)
            let delay = whole * Double.random(in: 0.05...1.05, using: &random)
            let (killed, _) = try runAndKill(["migrate", "up", "--dir", folder, "--db", database], after: delay)
            if killed { landed += 1 }
            let check = try integrity(database)
            let connection = try Connection(path: database, options: .readOnly)
            let applied = try connection.fetchAll(
                "SELECT version FROM sharehouse_migrations WHERE migration_set = 'user' ORDER BY version"
            ) { try $0.get(0) as Int64 }
            let tables = try connection.fetchAll(
                "SELECT name FROM sqlite_schema WHERE name IN ('my_notes', 'my_big') ORDER BY name"
            ) { try $0.get(0) as String }
            let bigRows =
                tables.contains("my_big") ? try connection.fetchOne("SELECT count(*) FROM my_big") { try $0.get(0) as Int64 } : nil
            // Each migration is wholly applied with its ledger row, or not at all.
            let consistent =
                (applied == [] && tables == [])
                || (applied == [1] && tables == ["my_notes"])
                || (applied == [1, 2] && tables == ["my_big", "my_notes"] && bigRows == 100_000)
            #expect(check == "ok", "integrity after a kill at \(delay): \(check)")
            #expect(consistent, "after a kill at \(delay): applied \(applied), tables \(tables), rows \(String(describing: bigRows))")
            if check == "ok" && consistent { survived += 1 }
            let next = try SharehouseBinary.run(["migrate", "up", "--dir", folder, "--db", database])
            #expect(next.status == 0, "\(next.stderr)")
        }
        print("crash test: migrate up killed \(landed) of \(Self.kills) times mid-way; \(survived) of \(Self.kills) checks passed")
        #expect(landed > 0, "no kill landed while the migration ran")
    }

    /// The fingerprint without the import timestamps (two imports of the same file differ
    /// only there).
    static func withoutImportTimes(_ fingerprint: String) -> String {
        fingerprint.replacing(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z/, with: "T")
    }
}
