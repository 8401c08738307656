import Foundation
public import SharehouseDB

/// Migrations run against a warehouse file: its own schema, or a user's folder of
/// migrations tracked apart from it (for tables, views or indexes of their own).
///
/// Status and plan never write, and work on a file that does not exist yet (everything
/// is pending). Up creates and migrates the warehouse's own schema first, so a user's
/// migrations can build on its tables.
public enum WarehouseMigrations {
    /// The name a user's migrations folder is recorded under unless another is given.
    public static let defaultUserSetName = "user"

    /// The migrations of a user's folder.
    public static func userSet(directory: String, name: String = defaultUserSetName) throws -> MigrationSet {
        guard name != WarehouseSchema.setName else {
            throw SharehouseError.reservedMigrationSetName(name)
        }
        return try MigrationSet.load(directory: directory, name: name)
    }

    /// How long `up` waits for another writer unless told otherwise: longer than other
    /// writes, since another process may be applying a long migration of the same set.
    public static let migrationBusyTimeout = Duration.seconds(60)

    /// Where `set` (the warehouse's own schema when nil) stands in the warehouse at `path`.
    public static func status(path: String, set: MigrationSet? = nil) throws -> MigrationStatus {
        try withReadOnlyConnection(path) { try migrator(for: set).status(of: $0) }
    }

    /// The migrations `up` would apply, without writing anything.
    public static func plan(path: String, set: MigrationSet? = nil, upTo target: Int64? = nil) throws -> [Migration] {
        try withReadOnlyConnection(path) { try migrator(for: set).plan(for: $0, upTo: target) }
    }

    /// Applies pending migrations of `set` (the warehouse's own schema when nil), creating
    /// the warehouse when it does not exist, waiting up to `busyTimeout` for another writer.
    @discardableResult
    public static func up(
        path: String, set: MigrationSet? = nil, upTo target: Int64? = nil, busyTimeout: Duration? = nil,
        applied: ((AppliedMigration) -> Void)? = nil
    ) throws -> [AppliedMigration] {
        let busyTimeout = busyTimeout ?? migrationBusyTimeout
        guard let set else {
            // Opening a warehouse runs its own migrations; do it here so a target applies.
            let database = try DatabaseQueue(path: path, options: .init(busyTimeout: busyTimeout))
            return try database.withConnection { try WarehouseSchema.migrator.migrate($0, upTo: target, applied: applied) }
        }
        let warehouse = try Warehouse(path: path, options: .init(busyTimeout: busyTimeout))
        return try warehouse.database.withConnection { try Migrator(set: set).migrate($0, upTo: target, applied: applied) }
    }

    /// Records the migrations of `set` up to `version` as applied without running them.
    /// The warehouse must exist: baselining marks a schema that is there as applied.
    @discardableResult
    public static func baseline(
        path: String, set: MigrationSet? = nil, version: Int64,
        busyTimeout: Duration? = nil
    ) throws -> [Migration] {
        let busyTimeout = busyTimeout ?? Warehouse.Options.defaultBusyTimeout
        guard FileManager.default.fileExists(atPath: path) else { throw SharehouseError.warehouseNotFound(path: path) }
        if let set {
            let warehouse = try Warehouse(path: path, options: .init(createIfMissing: false, busyTimeout: busyTimeout))
            return try warehouse.database.withConnection { try Migrator(set: set).baseline($0, version: version) }
        }
        let database = try DatabaseQueue(path: path, options: .init(mode: .readWrite(create: false), busyTimeout: busyTimeout))
        return try database.withConnection { try WarehouseSchema.migrator.baseline($0, version: version) }
    }

    private static func migrator(for set: MigrationSet?) -> Migrator {
        set.map { Migrator(set: $0) } ?? WarehouseSchema.migrator
    }

    /// A read-only connection to the file, or an empty in-memory database when there is
    /// no file yet (so everything reads as pending and nothing is created).
    private static func withReadOnlyConnection<T>(_ path: String, _ body: (Connection) throws -> T) throws -> T {
        let connection =
            FileManager.default.fileExists(atPath: path)
            ? try Connection(path: path, options: .readOnly)
            : try Connection.inMemory()
        return try body(connection)
    }
}
