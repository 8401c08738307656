import Foundation
import SharehouseDB
import SharehouseTestSupport
import Testing

@Suite("Connections, errors and scripts")
struct ConnectionTests {
    @Test func errorsCarryTheExtendedCodeTheMessageAndTheSQL() throws {
        let connection = try Connection.inMemory()
        try connection.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE)")
        try connection.execute("INSERT INTO t (name) VALUES (?)", "China")
        let error = try #require(throws: SQLiteError.self) {
            try connection.execute("INSERT INTO t (name) VALUES (?)", "China")
        }
        #expect(error.code == .constraintUnique)
        #expect(error.code.primary == .constraint)
        #expect(error.message == "UNIQUE constraint failed: t.name")
        #expect(error.sql == "INSERT INTO t (name) VALUES (?)")
        #expect(!error.description.contains("China"), "bound values stay out of messages")
        // Hierarchical matching: the primary code matches the extended one.
        var matchedPrimary = false
        do { try connection.execute("INSERT INTO t (name) VALUES (?)", "China") } catch ResultCode.constraint {
            matchedPrimary = true
        }
        #expect(matchedPrimary)
    }

    @Test func syntaxErrorsSayWhere() throws {
        let connection = try Connection.inMemory()
        let error = try #require(throws: SQLiteError.self) {
            _ = try connection.prepare("SELECT 1,\n  2 FORM t")
        }
        #expect(error.code == .error)
        #expect(error.message.contains("near \"t\""))
        #expect(error.location == SourceLocation(line: 2, column: 10))
    }

    @Test func prepareRefusesSeveralStatements() throws {
        let connection = try Connection.inMemory()
        let error = try #require(throws: SQLiteError.self) {
            _ = try connection.prepare("SELECT 1; SELECT 2")
        }
        #expect(error.code == .misuse)
        // A trailing semicolon or comment is not a second statement.
        _ = try connection.prepare("SELECT 1; -- done\n")
    }

    @Test func fileDatabasesUseWALWithNormalSync() throws {
        let directory = try TemporaryDirectory()
        let connection = try Connection(path: directory.file("w.sqlite"))
        #expect(try connection.fetchOne("PRAGMA journal_mode") { try $0.get(0) as String } == "wal")
        #expect(try connection.fetchOne("PRAGMA synchronous") { try $0.get(0) as Int } == 1)
        #expect(try connection.fetchOne("PRAGMA foreign_keys") { try $0.get(0) as Bool } == true)
    }

    @Test func foreignKeysAreEnforced() throws {
        let connection = try Connection.inMemory()
        try connection.executeScript(
            """
            CREATE TABLE parent (id INTEGER PRIMARY KEY);
            CREATE TABLE child (parent_id INTEGER REFERENCES parent (id));
            """)
        let error = try #require(throws: SQLiteError.self) {
            try connection.execute("INSERT INTO child VALUES (42)")
        }
        #expect(error.code == .constraintForeignKey)
    }

    @Test func doubleQuotedStringsAreIdentifiersOnly() throws {
        let connection = try Connection.inMemory()
        try connection.execute("CREATE TABLE t (a TEXT)")
        let error = try #require(throws: SQLiteError.self) {
            try connection.execute("INSERT INTO t VALUES (\"not a string\")")
        }
        #expect(error.message.contains("no such column"))
    }

    @Test func readOnlyConnectionsRefuseWrites() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("r.sqlite")
        do {
            let writer = try Connection(path: path)
            try writer.execute("CREATE TABLE t (a INTEGER)")
        }
        let before = try fileBytes(path)
        let reader = try Connection(path: path, options: .readOnly)
        #expect(reader.isReadOnly)
        let error = try #require(throws: SQLiteError.self) {
            try reader.execute("INSERT INTO t VALUES (1)")
        }
        #expect(error.code.primary == .readOnly)
        #expect(error.category == .refused)
        #expect(try fileBytes(path) == before)
    }

    @Test func openingAMissingFileReadOnlyFails() throws {
        let directory = try TemporaryDirectory()
        let error = try #require(throws: SQLiteError.self) {
            _ = try Connection(path: directory.file("none.sqlite"), options: .readOnly)
        }
        #expect(error.code.primary == .cantOpen)
        #expect(error.message.contains("none.sqlite"))
    }

    @Test func aFileThatIsNotADatabaseIsNamedAtOpen() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write("notes.txt", String(repeating: "not a database\n", count: 100))
        let before = try fileBytes(path)
        let error = try #require(throws: SQLiteError.self) { _ = try Connection(path: path) }
        #expect(error.code == .notADatabase)
        #expect(error.message == "cannot open \(path): file is not a database")
        #expect(error.category == .badInput)
        #expect(try fileBytes(path) == before)
    }

    @Test func scriptsRunThroughSQLitesParserSoTriggerBodiesKeepTheirSemicolons() throws {
        let connection = try Connection.inMemory()
        try connection.executeScript(
            """
            -- a comment with a ; inside
            CREATE TABLE t (a INTEGER, b TEXT DEFAULT 'x;y');
            CREATE TABLE log (message TEXT);
            /* block comment; */
            CREATE TRIGGER t_log AFTER INSERT ON t
            BEGIN
                INSERT INTO log VALUES ('inserted ' || NEW.a);
                INSERT INTO log VALUES ('twice; really');
            END;
            INSERT INTO t (a) VALUES (1);;
            """)
        let messages = try connection.fetchAll("SELECT message FROM log ORDER BY rowid") { try $0.get(0) as String }
        #expect(messages == ["inserted 1", "twice; really"])
        #expect(try connection.fetchOne("SELECT b FROM t") { try $0.get(0) as String } == "x;y")
    }

    @Test func scriptErrorsNameTheLineAndColumn() throws {
        let connection = try Connection.inMemory()
        let script = """
            CREATE TABLE a (x INTEGER);

            -- the next statement is fine
            INSERT INTO a VALUES (1);
            INSERT INTO a
                VALUES (2),
                       (3 4);
            """
        let error = try #require(throws: SQLiteError.self) { try connection.executeScript(script) }
        #expect(error.location == SourceLocation(line: 7, column: 15))
        #expect(error.message.contains("near \"4\": syntax error"))
        // A failure while stepping points at the statement's first keyword.
        let stepError = try #require(throws: SQLiteError.self) {
            try connection.executeScript("CREATE TABLE b (x INTEGER NOT NULL);\n\n  INSERT INTO b VALUES (NULL);")
        }
        #expect(stepError.location == SourceLocation(line: 3, column: 3))
        #expect(stepError.code == .constraintNotNull)
    }

    @Test func scriptLocationsCountCharactersNotBytes() throws {
        let connection = try Connection.inMemory()
        let error = try #require(throws: SQLiteError.self) {
            try connection.executeScript("SELECT 'الصين', nosuchcolumn;")
        }
        #expect(error.location == SourceLocation(line: 1, column: 17))
    }
}
