import Foundation

/// The history of applied migrations, kept in the database they changed.
///
/// One table holds every set, keyed by (set, version). Each row is written in the same
/// transaction as the migration it records, so there is never a "dirty" state to repair:
/// either both the schema change and its row are there, or neither is. The canonical
/// text that ran is kept too, so an edited file can be shown with what changed.
enum MigrationLedger {
    static let table = "sharehouse_migrations"

    struct Entry {
        let version: Int64
        let name: String
        let fileName: String
        let checksum: String
        let checksumAlgorithm: String
        let appliedAt: String
        let method: String
        let sql: String?
    }

    static func create(in connection: Connection) throws {
        try connection.execute(
            """
            CREATE TABLE IF NOT EXISTS \(table) (
                migration_set      TEXT NOT NULL,
                version            INTEGER NOT NULL CHECK (version > 0),
                name               TEXT NOT NULL,
                file_name          TEXT NOT NULL,
                checksum           TEXT NOT NULL,
                checksum_algorithm TEXT NOT NULL,
                applied_at         TEXT NOT NULL,
                execution_ms       INTEGER NOT NULL,
                method             TEXT NOT NULL CHECK (method IN ('applied', 'baseline')),
                runner_version     TEXT NOT NULL,
                sql                TEXT,
                PRIMARY KEY (migration_set, version)
            ) STRICT, WITHOUT ROWID
            """)
    }

    static func exists(in connection: Connection) throws -> Bool {
        try connection.fetchOne(
            "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?", table
        ) { _ in true } ?? false
    }

    /// The applied migrations of `set`, by version; none when the table does not exist.
    static func entries(of set: String, in connection: Connection) throws -> [Entry] {
        guard try exists(in: connection) else { return [] }
        return try connection.fetchAll(
            """
            SELECT version, name, file_name, checksum, checksum_algorithm, applied_at, method, sql
            FROM \(table) WHERE migration_set = ? ORDER BY version
            """, set
        ) { row in
            Entry(
                version: try row.get(0), name: try row.get(1), fileName: try row.get(2), checksum: try row.get(3),
                checksumAlgorithm: try row.get(4), appliedAt: try row.get(5), method: try row.get(6),
                sql: try row.get(7))
        }
    }

    static func record(
        _ migration: Migration, set: String, method: String, executionMilliseconds: Int64,
        in connection: Connection
    ) throws {
        try connection.execute(
            """
            INSERT INTO \(table) (migration_set, version, name, file_name, checksum, checksum_algorithm,
                                  applied_at, execution_ms, method, runner_version, sql)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, set, migration.version, migration.name, migration.fileName, migration.checksum,
            CanonicalText.algorithm, Date().ISO8601Format(), executionMilliseconds, method,
            PackageVersion.current, migration.sql)
    }
}
