import Foundation
import SharehouseDB
import SharehouseTestSupport

/// A folder of migrations and a database file next to it, in a temporary directory.
struct MigrationWorkspace {
    let directory: TemporaryDirectory
    let folder: String
    let databasePath: String

    static let first = """
        CREATE TABLE countries (code TEXT PRIMARY KEY, name TEXT NOT NULL);
        INSERT INTO countries VALUES ('CN', 'China'), ('US', 'United States');
        """
    static let second = """
        CREATE TABLE shares (
            code  TEXT NOT NULL REFERENCES countries (code),
            value REAL NOT NULL CHECK (value BETWEEN 0 AND 100)
        );
        CREATE TABLE audit (message TEXT);
        -- A trigger body holds statements separated by semicolons.
        CREATE TRIGGER shares_audit AFTER INSERT ON shares
        BEGIN
            INSERT INTO audit VALUES ('share for ' || NEW.code);
            INSERT INTO audit VALUES ('value ' || NEW.value);
        END;
        """
    static let third = """
        CREATE VIEW leaders AS SELECT code, value FROM shares ORDER BY value DESC;
        INSERT INTO shares VALUES ('CN', 17.1);
        """

    init() throws {
        directory = try TemporaryDirectory("migrations")
        folder = directory.file("migrations")
        databasePath = directory.file("db.sqlite")
        try write("0001_create_countries.sql", Self.first)
        try write("0002_create_shares.sql", Self.second)
        try write("0003_add_leaders.sql", Self.third)
    }

    func write(_ fileName: String, _ contents: String) throws {
        try directory.write("migrations/\(fileName)", contents)
    }

    func remove(_ fileName: String) throws {
        try directory.remove("migrations/\(fileName)")
    }

    func migrator(set: String = "test") throws -> Migrator {
        Migrator(set: try MigrationSet.load(directory: folder, name: set))
    }

    func connection() throws -> Connection {
        try Connection(path: databasePath)
    }

    /// Every row of every table and the schema, as text: equal before and after means
    /// nothing was changed.
    func contentFingerprint() throws -> String {
        let connection = try Connection(path: databasePath, options: .readOnly)
        var lines: [String] = []
        let objects = try connection.fetchAll(
            "SELECT type, name, sql FROM sqlite_schema ORDER BY type, name"
        ) { row in
            (try row.get(0) as String, try row.get(1) as String, try row.get(2) as String?)
        }
        for (type, name, sql) in objects {
            lines.append("\(type) \(name): \(sql ?? "")")
            guard type == "table" else { continue }
            let rows = try connection.fetchAll("SELECT * FROM \"\(name)\"") { row in
                row.values.map { "\($0)" }.joined(separator: "|")
            }
            lines.append(contentsOf: rows.sorted())
        }
        return lines.joined(separator: "\n")
    }
}
