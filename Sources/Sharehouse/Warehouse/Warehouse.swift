import Foundation
public import SharehouseDB

/// A Sharehouse warehouse: one SQLite file (or memory) holding entities, measures,
/// sources, snapshots and their figures.
///
/// Opening a warehouse for writing creates the file if needed and brings its schema up to
/// date with the migrations carried in the library (``WarehouseSchema``). A warehouse is
/// `Sendable`: share one between threads and tasks; access is serialized underneath.
///
/// ```swift
/// let warehouse = try Warehouse(path: "shares.sqlite")
/// let china = try warehouse.resolveEntity("الصّين")   // CN
/// ```
public final class Warehouse: Sendable {
    /// How to open a warehouse.
    public struct Options: Sendable {
        /// Create the file when it does not exist (ignored when read-only).
        public var createIfMissing: Bool
        /// Open without writing anything: no migrations run, and a warehouse whose
        /// schema is out of date is refused.
        public var readOnly: Bool
        /// How long to wait for another process's write lock.
        public var busyTimeout: Duration

        /// How long a writer waits for another process's write unless told otherwise.
        public static let defaultBusyTimeout = Duration.seconds(10)

        /// Options for opening a warehouse; the defaults create a missing file, open it read-write, and wait 10 s for another writer.
        public init(createIfMissing: Bool = true, readOnly: Bool = false, busyTimeout: Duration = defaultBusyTimeout) {
            self.createIfMissing = createIfMissing
            self.readOnly = readOnly
            self.busyTimeout = busyTimeout
        }
    }

    /// The serialized connection to the warehouse, for queries of your own.
    public let database: DatabaseQueue
    /// The file's path, or `":memory:"`.
    public let path: String
    /// The warehouse migrations that opening applied (empty when it was up to date).
    public let migrationsApplied: [AppliedMigration]
    private let resolverCache = Locked<EntityResolver?>(nil)

    /// Opens the warehouse at `path`, creating and migrating it unless `options` say not to.
    public convenience init(path: String, options: Options = Options()) throws {
        if !FileManager.default.fileExists(atPath: path) {
            if options.readOnly || !options.createIfMissing { throw SharehouseError.warehouseNotFound(path: path) }
            // SQLite would say only "unable to open database file".
            let folder = (path as NSString).deletingLastPathComponent
            var isFolder: ObjCBool = false
            if !folder.isEmpty, !FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) || !isFolder.boolValue {
                throw SharehouseError.folderNotFound(path: path, folder: folder)
            }
        }
        let mode: Connection.Options.Mode = options.readOnly ? .readOnly : .readWrite(create: true)
        try self.init(
            database: try DatabaseQueue(path: path, options: .init(mode: mode, busyTimeout: options.busyTimeout)),
            path: path, readOnly: options.readOnly)
    }

    /// A new, private warehouse in memory, with the full schema.
    public static func inMemory() throws -> Warehouse {
        try Warehouse(database: try DatabaseQueue(inMemoryWith: .init()), path: ":memory:", readOnly: false)
    }

    private init(database: DatabaseQueue, path: String, readOnly: Bool) throws {
        self.database = database
        self.path = path
        self.migrationsApplied = try Self.prepareSchema(of: database, path: path, readOnly: readOnly)
    }

    private static func prepareSchema(of database: DatabaseQueue, path: String, readOnly: Bool) throws -> [AppliedMigration] {
        try database.withConnection { connection in
            if readOnly {
                let status = try WarehouseSchema.migrator.status(of: connection)
                if let problem = status.problem { throw problem }
                if status.pendingCount > 0 {
                    let applied = status.items.filter { $0.state == .applied || $0.state == .baselined }
                    throw SharehouseError.schemaOutOfDate(
                        path: path, version: applied.last?.version ?? 0,
                        expected: WarehouseSchema.version)
                }
                return []
            }
            return try WarehouseSchema.migrator.migrate(connection)
        }
    }

    /// Where the warehouse's own migrations stand.
    public func schemaStatus() throws -> MigrationStatus {
        try database.withConnection { try WarehouseSchema.migrator.status(of: $0) }
    }

    // MARK: Entities

    /// Every entity, or those of one kind, by code.
    public func entities(kind: EntityKind? = nil) throws -> [Entity] {
        let all = try entityResolver().entities
        guard let kind else { return all }
        return all.filter { $0.kind == kind }
    }

    /// The entity a name stands for: a code, an English or Arabic name, or an alias.
    /// - Throws: ``SharehouseError/unknownEntity(name:suggestions:)`` with suggestions,
    ///   ``SharehouseError/ambiguousEntity(name:candidates:)``, or
    ///   ``SharehouseError/aggregateRow(name:)`` for a "Total" row.
    public func resolveEntity(_ name: String) throws -> EntityMatch {
        try entityResolver().resolve(name)
    }

    /// Every entity's English name by code, read straight from the table (without
    /// building the resolver), for labelling results.
    public func entityNames() throws -> [String: String] {
        try entityNames(in: .english)
    }

    /// Every entity's name in `language` by code (Arabic where the entity has an Arabic
    /// name, else English).
    public func entityNames(in language: ReportLanguage) throws -> [String: String] {
        let sql = language == .arabic ? "SELECT code, coalesce(name_ar, name_en) FROM entities" : "SELECT code, name_en FROM entities"
        return try database.read { connection in
            var names: [String: String] = [:]
            try connection.cachedStatement(sql).forEachRow { row in
                names[try row.get(0)] = try row.get(1)
            }
            return names
        }
    }

    /// The resolver over this warehouse's entities and aliases, loaded once.
    public func entityResolver() throws -> EntityResolver {
        if let cached = resolverCache.withLock({ $0 }) { return cached }
        let resolver = try database.read { connection in
            let entities = try connection.fetchAll(
                """
                SELECT code, kind, name_en, name_ar, iso3, iso_numeric, description FROM entities ORDER BY code
                """
            ) { row in
                Entity(
                    code: try row.get(0), kind: EntityKind(rawValue: try row.get(1)) ?? .other,
                    nameEnglish: try row.get(2), nameArabic: try row.get(3), iso3: try row.get(4),
                    isoNumeric: try row.get(5), description: try row.get(6))
            }
            let aliases = try connection.fetchAll("SELECT alias, code FROM entity_aliases ORDER BY alias") { row in
                (alias: try row.get(0) as String, code: try row.get(1) as String)
            }
            return EntityResolver(entities: entities, aliases: aliases)
        }
        resolverCache.withLock { $0 = resolver }
        return resolver
    }
}
