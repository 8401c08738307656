import Foundation
import SharehouseDB
import SharehouseTestSupport
import Testing

@Suite("Migration engine")
struct MigrationTests {
    @Test func freshApplyRunsEveryMigrationInOrder() throws {
        let workspace = try MigrationWorkspace()
        let connection = try workspace.connection()
        let applied = try workspace.migrator().migrate(connection)
        #expect(applied.map(\.version) == [1, 2, 3])
        #expect(applied.map(\.fileName) == ["0001_create_countries.sql", "0002_create_shares.sql", "0003_add_leaders.sql"])
        // The trigger with semicolons in its body was created whole and fired.
        let audit = try connection.fetchAll("SELECT message FROM audit ORDER BY rowid") { try $0.get(0) as String }
        #expect(audit == ["share for CN", "value 17.1"])
        let status = try workspace.migrator().status(of: connection)
        #expect(status.isUpToDate)
        #expect(status.items.map(\.state) == [.applied, .applied, .applied])
        #expect(status.items.allSatisfy { $0.appliedAt != nil })
    }

    @Test func reRunningIsANoOp() throws {
        let workspace = try MigrationWorkspace()
        try workspace.migrator().migrate(try workspace.connection())
        let before = try workspace.contentFingerprint()
        let again = try workspace.migrator().migrate(try workspace.connection())
        #expect(again.isEmpty)
        #expect(try workspace.contentFingerprint() == before)
    }

    @Test func anEditedAppliedMigrationIsRefusedAndNamesTheFileAndLine() throws {
        let workspace = try MigrationWorkspace()
        try workspace.migrator().migrate(try workspace.connection())
        try workspace.write(
            "0002_create_shares.sql",
            MigrationWorkspace.second.replacingOccurrences(
                of: "value BETWEEN 0 AND 100", with: "value BETWEEN 0 AND 1000"))
        try workspace.write("0004_more.sql", "CREATE TABLE more (x INTEGER);")
        let before = try workspace.contentFingerprint()

        let error = try #require(throws: MigrationError.self) {
            try workspace.migrator().migrate(try workspace.connection())
        }
        guard case .changed(let path, let version, _, let difference) = error else {
            Issue.record("expected .changed, got \(error)")
            return
        }
        #expect(path.hasSuffix("migrations/0002_create_shares.sql"))
        #expect(version == 2)
        #expect(difference?.contains("line 3 was") == true)
        #expect(error.description.contains("0002_create_shares.sql"))
        #expect(error.description.contains("new migration"))
        #expect(error.category == .refused)
        #expect(try workspace.contentFingerprint() == before, "0004 must not run while 0002 is refused")
        let status = try workspace.migrator().status(of: workspace.connection())
        #expect(status.items.map(\.state) == [.applied, .changed, .applied, .pending])
        #expect(throws: MigrationError.self) { _ = try workspace.migrator().plan(for: workspace.connection()) }
    }

    @Test func aCopyWithCRLFBOMAndTrailingSpaceIsTheSameMigration() throws {
        let workspace = try MigrationWorkspace()
        try workspace.migrator().migrate(try workspace.connection())
        for (name, text) in [
            ("0001_create_countries.sql", MigrationWorkspace.first),
            ("0002_create_shares.sql", MigrationWorkspace.second),
            ("0003_add_leaders.sql", MigrationWorkspace.third),
        ] {
            let windows = "\u{FEFF}" + text.replacingOccurrences(of: "\n", with: "  \r\n") + "\r\n\r\n\t\r\n"
            try workspace.write(name, windows)
        }
        let status = try workspace.migrator().status(of: workspace.connection())
        #expect(status.isUpToDate)
        #expect(try workspace.migrator().migrate(workspace.connection()).isEmpty)
    }

    @Test func aMissingAppliedMigrationIsRefused() throws {
        let workspace = try MigrationWorkspace()
        try workspace.migrator().migrate(try workspace.connection())
        try workspace.remove("0002_create_shares.sql")
        let error = try #require(throws: MigrationError.self) {
            try workspace.migrator().migrate(try workspace.connection())
        }
        guard case .missing(let fileName, 2, _, _) = error else {
            Issue.record("expected .missing, got \(error)")
            return
        }
        #expect(fileName == "0002_create_shares.sql")
        #expect(error.description.contains("Restore the file"))
        let status = try workspace.migrator().status(of: workspace.connection())
        #expect(status.items.map(\.state) == [.applied, .missing, .applied])
    }

    @Test func aDatabaseNewerThanTheMigrationsIsRefusedUntouched() throws {
        let workspace = try MigrationWorkspace()
        try workspace.migrator().migrate(try workspace.connection())
        try workspace.remove("0003_add_leaders.sql")
        let before = try fileBytes(workspace.databasePath)
        let error = try #require(throws: MigrationError.self) {
            try workspace.migrator().migrate(try workspace.connection())
        }
        guard case .databaseNewer(_, let appliedFileName, 3, 2, _) = error else {
            Issue.record("expected .databaseNewer, got \(error)")
            return
        }
        #expect(appliedFileName == "0003_add_leaders.sql")
        #expect(error.category == .refused)
        let status = try workspace.migrator().status(of: Connection(path: workspace.databasePath, options: .readOnly))
        #expect(status.items.map(\.state) == [.applied, .applied, .newer])
        #expect(try fileBytes(workspace.databasePath) == before)
    }

    @Test func aFailingThirdMigrationLeavesTheFirstTwoAndNothingOfTheThird() throws {
        let workspace = try MigrationWorkspace()
        try workspace.write(
            "0003_add_leaders.sql",
            """
            CREATE TABLE partial (x INTEGER);
            INSERT INTO partial VALUES (1);

            INSERT INTO shares VALUES ('CN', 117.1);
            """)
        let connection = try workspace.connection()
        var appliedBeforeFailure: [Int64] = []
        let error = try #require(throws: MigrationError.self) {
            try workspace.migrator().migrate(connection) { appliedBeforeFailure.append($0.version) }
        }
        #expect(appliedBeforeFailure == [1, 2])
        guard case .statementFailed(let path, let location, let underlying) = error else {
            Issue.record("expected .statementFailed, got \(error)")
            return
        }
        #expect(path.hasSuffix("0003_add_leaders.sql"))
        #expect(location?.line == 4)
        #expect(underlying.code == .constraintCheck)
        #expect(error.description.contains("0003_add_leaders.sql:4:1"))
        let tables = try connection.fetchAll("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name") {
            try $0.get(0) as String
        }
        #expect(!tables.contains("partial"))
        #expect(try connection.fetchOne("SELECT count(*) FROM shares") { try $0.get(0) as Int } == 0)
        let status = try workspace.migrator().status(of: connection)
        #expect(status.items.map(\.state) == [.applied, .applied, .pending])
    }

    @Test func statementsThatWouldEscapeTheTransactionAreRefused() throws {
        for (body, statement) in [
            ("PRAGMA foreign_keys = OFF;", "PRAGMA foreign_keys"),
            ("COMMIT;", "COMMIT"), ("BEGIN;", "BEGIN"), ("VACUUM;", "VACUUM"),
            ("PRAGMA main.journal_mode = DELETE;", "PRAGMA journal_mode"),
            ("ATTACH ':memory:' AS other;", "ATTACH"),
            ("PRAGMA \"foreign_keys\" = OFF;", "PRAGMA foreign_keys"),
            ("pragma main . [journal_mode] = delete;", "PRAGMA journal_mode"),
            ("/* off */ PrAgMa 'foreign_keys'=0;", "PRAGMA foreign_keys"),
            ("begin immediate;", "BEGIN"), ("end;", "END"), ("rollback;", "ROLLBACK"),
        ] {
            let workspace = try MigrationWorkspace()
            try workspace.write("0003_add_leaders.sql", "CREATE TABLE ok (x INTEGER);\n\n   \(body)\n")
            let error = try #require(throws: MigrationError.self) {
                try workspace.migrator().migrate(try workspace.connection())
            }
            guard case .forbiddenStatement(_, let location, let refused, _) = error else {
                Issue.record("expected .forbiddenStatement for \(body), got \(error)")
                continue
            }
            #expect(refused == statement)
            #expect(location.line == 3)
            let status = try workspace.migrator().status(of: workspace.connection())
            #expect(status.items.map(\.state) == [.applied, .applied, .pending])
        }
    }

    @Test func stringLiteralsKeepTheirSpacesAndLineEnds() throws {
        let workspace = try MigrationWorkspace()
        try workspace.write("0004_text.sql", "CREATE TABLE notes (text TEXT);\r\nINSERT INTO notes VALUES ('two  \r\nlines');\r\n")
        let connection = try workspace.connection()
        try workspace.migrator().migrate(connection)
        #expect(try connection.fetchOne("SELECT text FROM notes") { try $0.get(0) as String } == "two  \r\nlines")
    }

    @Test func aMigrationWithoutStatementsIsRefused() throws {
        let workspace = try MigrationWorkspace()
        try workspace.write("0004_nothing.sql", "-- to do\n\n/* later */\n")
        #expect(throws: MigrationError.emptyMigration(workspace.folder + "/0004_nothing.sql")) {
            _ = try workspace.migrator()
        }
    }

    @Test func savepointsInsideAMigrationAreAllowed() throws {
        let workspace = try MigrationWorkspace()
        try workspace.write(
            "0003_add_leaders.sql",
            """
            SAVEPOINT trial;
            CREATE TABLE scratch (x INTEGER);
            ROLLBACK TO trial;
            RELEASE trial;
            CREATE TABLE kept (x INTEGER);
            """)
        let connection = try workspace.connection()
        try workspace.migrator().migrate(connection)
        let tables = try connection.fetchAll("SELECT name FROM sqlite_schema WHERE type = 'table'") { try $0.get(0) as String }
        #expect(tables.contains("kept"))
        #expect(!tables.contains("scratch"))
    }

    @Test func foreignKeyViolationsLeftByAMigrationRollItBack() throws {
        let workspace = try MigrationWorkspace()
        try workspace.write("0003_add_leaders.sql", "INSERT INTO shares VALUES ('XX', 1.0);\n")
        let connection = try workspace.connection()
        let error = try #require(throws: MigrationError.self) { try workspace.migrator().migrate(connection) }
        guard case .foreignKeyViolations(_, let violations) = error else {
            Issue.record("expected .foreignKeyViolations, got \(error)")
            return
        }
        #expect(violations == ["shares row 1 refers to a missing row of countries"])
        #expect(try connection.fetchOne("SELECT count(*) FROM shares") { try $0.get(0) as Int } == 0)
        // Enforcement is back on after the migration.
        #expect(try connection.fetchOne("PRAGMA foreign_keys") { try $0.get(0) as Bool } == true)
    }

    @Test func aTableRebuildWithForeignKeysWorks() throws {
        // SQLite's 12-step recipe: create new, copy, drop old, rename. With enforcement
        // on, DROP TABLE countries would fail (or cascade); the engine turns it off.
        let workspace = try MigrationWorkspace()
        try workspace.write(
            "0004_rebuild_countries.sql",
            """
            CREATE TABLE countries_new (code TEXT PRIMARY KEY, name TEXT NOT NULL, name_ar TEXT);
            INSERT INTO countries_new (code, name) SELECT code, name FROM countries;
            DROP TABLE countries;
            ALTER TABLE countries_new RENAME TO countries;
            """)
        let connection = try workspace.connection()
        try workspace.migrator().migrate(connection)
        #expect(try connection.fetchOne("SELECT count(*) FROM shares") { try $0.get(0) as Int } == 1)
        #expect(try connection.fetchOne("SELECT count(*) FROM countries") { try $0.get(0) as Int } == 2)
    }

    @Test func planShowsWhatWouldRunAndWritesNothing() throws {
        let workspace = try MigrationWorkspace()
        let connection = try workspace.connection()
        try workspace.migrator().migrate(connection, upTo: 1)
        let before = try workspace.contentFingerprint()
        let plan = try workspace.migrator().plan(for: connection)
        #expect(plan.map(\.version) == [2, 3])
        #expect(plan[0].sql.contains("CREATE TRIGGER shares_audit"))
        #expect(try workspace.contentFingerprint() == before)
        #expect(try workspace.migrator().plan(for: connection, upTo: 2).map(\.version) == [2])
        #expect(throws: MigrationError.unknownVersion(9, origin: workspace.folder)) {
            _ = try workspace.migrator().plan(for: connection, upTo: 9)
        }
    }

    @Test func baselineMarksWithoutRunningAndOnlyOnce() throws {
        let workspace = try MigrationWorkspace()
        let connection = try workspace.connection()
        // A database made by hand, before its migrations were tracked.
        try connection.executeScript(MigrationWorkspace.first)
        let marked = try workspace.migrator().baseline(connection, version: 1)
        #expect(marked.map(\.version) == [1])
        #expect(try workspace.migrator().status(of: connection).items.map(\.state) == [.baselined, .pending, .pending])
        #expect(try workspace.migrator().migrate(connection).map(\.version) == [2, 3])
        let error = try #require(throws: MigrationError.self) {
            try workspace.migrator().baseline(connection, version: 2)
        }
        #expect(error.category == .refused)
    }

    @Test func twoFilesWithOneVersionAreAnError() throws {
        let workspace = try MigrationWorkspace()
        try workspace.write("0000002_late.sql", "CREATE TABLE late (x INTEGER);")
        #expect(
            throws: MigrationError.duplicateVersion(
                version: 2, fileNames: ["0000002_late.sql", "0002_create_shares.sql"],
                origin: workspace.folder)
        ) {
            _ = try workspace.migrator()
        }
    }

    @Test func aPendingMigrationBelowAnAppliedOneIsRefused() throws {
        let workspace = try MigrationWorkspace()
        try workspace.remove("0003_add_leaders.sql")
        try workspace.write("0004_four.sql", "CREATE TABLE four (x INTEGER);")
        try workspace.migrator().migrate(try workspace.connection())
        // 0003 arrives after 0004 was applied (a merge of two branches, say).
        try workspace.write("0003_add_leaders.sql", MigrationWorkspace.third)
        let before = try workspace.contentFingerprint()
        let error = try #require(throws: MigrationError.self) {
            try workspace.migrator().migrate(try workspace.connection())
        }
        #expect(error == .outOfOrder(path: workspace.folder + "/0003_add_leaders.sql", version: 3, highestApplied: 4))
        #expect(error.description.contains("renumber it above 4"))
        #expect(try workspace.contentFingerprint() == before)
        let status = try workspace.migrator().status(of: workspace.connection())
        #expect(status.items.map(\.state) == [.applied, .applied, .outOfOrder, .applied])
    }

    @Test func setsAreTrackedApart() throws {
        let workspace = try MigrationWorkspace()
        let connection = try workspace.connection()
        try workspace.migrator(set: "one").migrate(connection, upTo: 1)
        let other = Migrator(
            set: try MigrationSet(
                name: "two", origin: "memory",
                files: [("0001_other.sql", "CREATE TABLE other (x INTEGER);")]))
        #expect(try other.migrate(connection).map(\.version) == [1])
        #expect(try workspace.migrator(set: "one").status(of: connection).pendingCount == 2)
    }

    @Test(arguments: ["1_short.sql", "0001-dash.sql", "0001_.sql", "00a1_x.sql", "0000_zero.sql", "0001_x.SQL", "0001_sp ace.sql"])
    func badFileNamesAreErrors(_ fileName: String) throws {
        let workspace = try MigrationWorkspace()
        try workspace.write(fileName, "SELECT 1;")
        let error = try #require(throws: MigrationError.self) { _ = try workspace.migrator() }
        #expect(error == .invalidFileName(workspace.folder + "/" + fileName))
        #expect(error.description.contains("NNNN_description.sql"))
    }

    @Test func otherFilesAreIgnoredAndAMissingFolderIsAnError() throws {
        let workspace = try MigrationWorkspace()
        try workspace.write("README.md", "notes")
        try workspace.write(".0004_hidden.sql", "junk")
        #expect(try workspace.migrator().set.migrations.count == 3)
        #expect(throws: MigrationError.directoryNotFound(workspace.directory.file("nope"))) {
            _ = try MigrationSet.load(directory: workspace.directory.file("nope"), name: "x")
        }
    }

    @Test func aFileThatIsNotUTF8IsRefused() throws {
        let workspace = try MigrationWorkspace()
        try workspace.directory.write("migrations/0004_latin1.sql", bytes: Array("-- C".utf8) + [0xF4] + Array("te\n".utf8))
        let error = try #require(throws: MigrationError.self) { _ = try workspace.migrator() }
        #expect(error.description.contains("not UTF-8"))
    }

    @Test func userVersionMirrorsTheSchemaVersionWhenAsked() throws {
        let workspace = try MigrationWorkspace()
        let connection = try workspace.connection()
        var migrator = try workspace.migrator()
        migrator.mirrorsUserVersion = true
        try migrator.migrate(connection)
        #expect(try connection.fetchOne("PRAGMA user_version") { try $0.get(0) as Int } == 3)
    }
}

@Suite("Canonical text")
struct CanonicalTextTests {
    @Test func lineEndingsBOMAndTrailingSpaceDoNotMatter() {
        let plain = "CREATE TABLE t (x);\n\nINSERT INTO t VALUES (1);\n"
        let variants = [
            "CREATE TABLE t (x);\r\n\r\nINSERT INTO t VALUES (1);\r\n",
            "\u{FEFF}CREATE TABLE t (x);  \n\t\nINSERT INTO t VALUES (1);",
            "CREATE TABLE t (x);\r\rINSERT INTO t VALUES (1);\n\n\n   \n",
        ]
        for variant in variants {
            #expect(CanonicalText.canonicalize(variant) == plain)
            #expect(CanonicalText.checksum(of: CanonicalText.canonicalize(variant)) == CanonicalText.checksum(of: plain))
        }
    }

    @Test func realEditsChangeTheChecksum() {
        let base = CanonicalText.checksum(of: CanonicalText.canonicalize("SELECT 1;\n"))
        #expect(CanonicalText.checksum(of: CanonicalText.canonicalize("SELECT 2;\n")) != base)
        #expect(CanonicalText.checksum(of: CanonicalText.canonicalize("  SELECT 1;\n")) != base, "leading space is kept")
        #expect(CanonicalText.checksum(of: CanonicalText.canonicalize("\nSELECT 1;\n")) != base, "leading lines keep line numbers")
    }

    @Test func theChecksumIsSHA256OfTheCanonicalText() {
        // sha256("") and sha256("abc\n"), as printed by sha256sum.
        #expect(CanonicalText.checksum(of: "") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(CanonicalText.checksum(of: "abc\n") == "edeaaff3f1774ad2888673770c6d64097e391bc362d7d6fb34982ddf0efd18cb")
    }
}
