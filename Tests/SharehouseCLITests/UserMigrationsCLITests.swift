import Foundation
import Sharehouse
import SharehouseDB
import SharehouseTestSupport
import Testing

/// `sharehouse migrate ... --dir DIR`: a user's own migrations against the warehouse.
@Suite("sharehouse migrate --dir")
struct UserMigrationsCLITests {
    let directory: TemporaryDirectory
    var database: String { directory.file("w.sqlite") }
    var folder: String { directory.file("mine") }

    static let first = """
        -- Latest figure per entity, for a dashboard of our own.
        CREATE VIEW my_latest AS SELECT entity_code, value_text FROM current_figures;
        """
    static let second = """
        CREATE TABLE my_notes (entity_code TEXT NOT NULL REFERENCES entities (code), note TEXT NOT NULL);
        CREATE TRIGGER my_notes_trim BEFORE INSERT ON my_notes
        BEGIN
            SELECT RAISE(ABORT, 'empty note') WHERE trim(NEW.note) = '';
        END;
        INSERT INTO my_notes VALUES ('CN', 'leads since 2025');
        """

    init() throws {
        directory = try TemporaryDirectory("cli-dir")
        try directory.write("mine/0001_my_latest.sql", Self.first)
        try directory.write("mine/0002_my_notes.sql", Self.second)
    }

    func run(_ arguments: String...) throws -> ProcessResult {
        try SharehouseBinary.run(arguments, in: directory.path)
    }

    @Test func applyThenReRunIsANoOp() throws {
        let up = try run("migrate", "up", "--dir", folder, "--db", database)
        #expect(up.status == 0, "\(up.stderr)")
        #expect(up.stdout.contains("my_latest"))
        #expect(up.stdout.contains("my_notes"))
        let again = try run("migrate", "up", "--dir", folder, "--db", database)
        #expect(again.status == 0)
        #expect(again.stdout.isEmpty)
        #expect(again.stderr.contains("Nothing to apply"))
        // Tracked apart from the warehouse's own schema.
        let own = try run("migrate", "status", "--format", "json", "--db", database)
        #expect(own.stdout.contains("\"set\" : \"sharehouse\""))
        let mine = try run("migrate", "status", "--format", "json", "--dir", folder, "--db", database)
        #expect(mine.stdout.contains("\"set\" : \"user\""))
        #expect(mine.stdout.contains("0002_my_notes.sql"))
    }

    @Test func anEditedAppliedMigrationIsRefusedNamingTheFile() throws {
        #expect(try run("migrate", "up", "--dir", folder, "--db", database).status == 0)
        try directory.write("mine/0002_my_notes.sql", Self.second.replacingOccurrences(of: "leads", with: "led"))
        try directory.write("mine/0003_more.sql", "CREATE TABLE more (x INTEGER);")
        let before = try fileBytes(database)
        let result = try run("migrate", "up", "--dir", folder, "--db", database)
        #expect(result.status == 77)
        #expect(result.stderr.contains("mine/0002_my_notes.sql"))
        #expect(result.stderr.contains("was changed after it was applied"))
        #expect(result.stderr.contains("line 6 was"))
        #expect(try fileBytes(database) == before)
        let status = try run("migrate", "status", "--dir", folder, "--db", database)
        #expect(status.status == 77)
        #expect(status.stdout.contains("changed"))
    }

    @Test func aCRLFCheckoutOfTheSameFilesIsAccepted() throws {
        #expect(try run("migrate", "up", "--dir", folder, "--db", database).status == 0)
        try directory.write("mine/0001_my_latest.sql", Self.first.replacingOccurrences(of: "\n", with: "\r\n") + "\r\n")
        try directory.write("mine/0002_my_notes.sql", "\u{FEFF}" + Self.second.replacingOccurrences(of: "\n", with: "\r\n"))
        let status = try run("migrate", "status", "--dir", folder, "--db", database)
        #expect(status.status == 0, "\(status.stderr)")
        #expect(!status.stdout.contains("changed"))
    }

    @Test func aFailingMigrationExits65WithFileAndLineAndKeepsNothing() throws {
        try directory.write(
            "mine/0003_broken.sql",
            """
            CREATE TABLE half (x INTEGER);

            INSERT INTO my_notes VALUES ('CN', '   ');
            """)
        let result = try run("migrate", "up", "--dir", folder, "--db", database)
        #expect(result.status == 65)
        #expect(result.stderr.contains("mine/0003_broken.sql:3:1"))
        #expect(result.stderr.contains("empty note"), "the trigger's message reaches the user")
        let status = try run("migrate", "status", "--format", "json", "--dir", folder, "--db", database)
        #expect(status.stdout.contains("\"state\" : \"pending\""))
        let connection = try Connection(path: database, options: .readOnly)
        #expect(try connection.fetchOne("SELECT count(*) FROM sqlite_schema WHERE name = 'half'") { try $0.get(0) as Int } == 0)
    }

    @Test func foreignKeyViolationsAreCaughtBeforeCommit() throws {
        try directory.write("mine/0003_orphan.sql", "INSERT INTO my_notes VALUES ('XX', 'no such entity');\n")
        let result = try run("migrate", "up", "--dir", folder, "--db", database)
        #expect(result.status == 65)
        #expect(result.stderr.contains("my_notes row 2 refers to a missing row of entities"))
        let connection = try Connection(path: database, options: .readOnly)
        #expect(try connection.fetchOne("SELECT count(*) FROM my_notes") { try $0.get(0) as Int } == 1)
    }

    @Test func aMissingFolderExits66() throws {
        let result = try run("migrate", "up", "--dir", directory.file("nowhere"), "--db", database)
        #expect(result.status == 66)
        #expect(result.stderr.contains("no such migrations folder"))
        #expect(!FileManager.default.fileExists(atPath: database))
    }

    @Test func aBadFileNameExits65() throws {
        try directory.write("mine/3_oops.sql", "SELECT 1;")
        let result = try run("migrate", "up", "--dir", folder, "--db", database)
        #expect(result.status == 65)
        #expect(result.stderr.contains("3_oops.sql"))
        #expect(result.stderr.contains("NNNN_description.sql"))
    }

    @Test func baselineThenUp() throws {
        #expect(try run("init", "--db", database).status == 0)
        let connection = try Connection(path: database)
        try connection.executeScript(Self.first)
        let baseline = try run("migrate", "baseline", "1", "--dir", folder, "--db", database)
        #expect(baseline.status == 0, "\(baseline.stderr)")
        #expect(baseline.stdout.contains("baselined"))
        let up = try run("migrate", "up", "--dir", folder, "--format", "json", "--db", database)
        #expect(up.status == 0)
        #expect(up.stdout.contains("0002_my_notes.sql"))
        #expect(!up.stdout.contains("0001_my_latest.sql"))
        #expect(try run("migrate", "baseline", "2", "--dir", folder, "--db", database).status == 77)
    }

    @Test func baselineNeedsAnExistingWarehouse() throws {
        for arguments in [
            ["migrate", "baseline", "1", "--db", database],
            ["migrate", "baseline", "1", "--dir", folder, "--db", database],
        ] {
            let result = try SharehouseBinary.run(arguments, in: directory.path)
            #expect(result.status == 66, "\(arguments)")
            #expect(result.stderr.contains("no warehouse at"))
            #expect(!FileManager.default.fileExists(atPath: database))
        }
    }

    @Test func theWarehouseSetNameIsReserved() throws {
        let result = try run("migrate", "up", "--dir", folder, "--set", "sharehouse", "--db", database)
        #expect(result.status == 65)
    }

    /// Two `sharehouse migrate up` processes on one new file at the same moment: both
    /// succeed, and every migration (the warehouse's and the folder's) is applied once.
    @Test(arguments: 1...3)
    func twoProcessesMigratingAtOnceApplyEachMigrationOnce(_ round: Int) throws {
        for version in 3...6 {
            try directory.write(
                "mine/000\(version)_slow.sql",
                """
                CREATE TABLE slow_\(version) (x INTEGER);
                INSERT INTO slow_\(version)
                    WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 30000) SELECT x FROM n;
                """)
        }
        let results = Locked<[Result<ProcessResult, any Error>]>([])
        let database = self.database
        let folder = self.folder
        let cwd = directory.path
        DispatchQueue.concurrentPerform(iterations: 2) { _ in
            let result = Result { try SharehouseBinary.run(["migrate", "up", "--dir", folder, "--db", database], in: cwd) }
            results.withLock { $0.append(result) }
        }
        for result in try results.withLock({ try $0.map { try $0.get() } }) {
            #expect(result.status == 0, "\(result.stderr)")
        }
        let connection = try Connection(path: database, options: .readOnly)
        let ledger = try connection.fetchAll(
            """
            SELECT migration_set, count(*), count(DISTINCT version) FROM sharehouse_migrations GROUP BY migration_set ORDER BY 1
            """
        ) { row in "\(try row.get(0) as String) \(try row.get(1) as Int) \(try row.get(2) as Int)" }
        let own = WarehouseSchema.migrations.migrations.count
        #expect(ledger == ["sharehouse \(own) \(own)", "user 6 6"])
        for version in 3...6 {
            #expect(try connection.fetchOne("SELECT count(*) FROM slow_\(version)") { try $0.get(0) as Int } == 30000)
        }
        #expect(try connection.fetchOne("SELECT count(*) FROM my_notes") { try $0.get(0) as Int } == 1)
    }
}
