import Foundation
import Sharehouse
import SharehouseDB
import SharehouseTestSupport
import Testing

@Suite("The warehouse schema")
struct WarehouseSchemaTests {
    @Test func embeddedMigrationsMatchTheFolder() throws {
        let folder = try MigrationSet.load(directory: Repository.path("Migrations"), name: WarehouseSchema.setName)
        let embedded = WarehouseSchema.migrations
        #expect(
            embedded.migrations.map(\.fileName) == folder.migrations.map(\.fileName),
            "Migrations/ and the copy in the library differ: run python3 Scripts/embed-migrations.py")
        for (carried, file) in zip(embedded.migrations, folder.migrations) {
            #expect(
                carried.checksum == file.checksum,
                "\(file.fileName) differs from its copy in the library: run python3 Scripts/embed-migrations.py")
        }
    }

    @Test func aNewWarehouseHasEveryMigrationAndACleanFile() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("new.sqlite")
        let warehouse = try Warehouse(path: path)
        #expect(warehouse.migrationsApplied.map(\.version) == WarehouseSchema.migrations.migrations.map(\.version))
        let status = try warehouse.schemaStatus()
        #expect(status.isUpToDate)
        try warehouse.database.read { connection throws in
            #expect(try connection.fetchOne("PRAGMA integrity_check") { try $0.get(0) as String } == "ok")
            #expect(try connection.fetchAll("PRAGMA foreign_key_check") { try $0.get(0) as String }.isEmpty)
            #expect(try connection.fetchOne("PRAGMA user_version") { try $0.get(0) as Int64 } == WarehouseSchema.version)
        }
        // Opening again applies nothing.
        #expect(try Warehouse(path: path).migrationsApplied.isEmpty)
    }

    @Test func entitiesCoverISO3166AndTheGroupsSourcesUse() throws {
        let warehouse = try Warehouse.inMemory()
        let countries = try warehouse.entities(kind: .country)
        #expect(countries.count == 249)
        #expect(countries.allSatisfy { $0.nameArabic != nil && $0.iso3 != nil && $0.isoNumeric?.count == 3 })
        #expect(countries.first { $0.code == "CN" }?.nameArabic == "الصين")
        #expect(countries.first { $0.code == "TR" }?.nameArabic == "تركيا")
        let others = Set(try warehouse.entities().filter { $0.kind != .country }.map(\.code))
        #expect(others.isSuperset(of: ["EU", "INTL", "USER", "UNKNOWN", "OTHER"]))
        try warehouse.database.read { connection throws in
            let current = try connection.fetchOne(
                """
                SELECT count(*) FROM group_members WHERE group_code = 'EU' AND member_until IS NULL
                """
            ) { try $0.get(0) as Int }
            #expect(current == 27)
            let brexit = try connection.fetchOne(
                """
                SELECT member_until FROM group_members WHERE group_code = 'EU' AND member_code = 'GB'
                """
            ) { try $0.get(0) as String }
            #expect(brexit == "2020-01-31")
        }
    }

    /// No two shipped names or aliases meet: the only ambiguous names are the six the
    /// resolver refuses on purpose (Korea, the Virgin Islands, Saint Martin, in both languages).
    @Test func theShippedNamesHaveNoAmbiguity() throws {
        let resolver = try Warehouse.inMemory().entityResolver()
        #expect(
            Set(resolver.ambiguousKeys.values) == [["KP", "KR"], ["VG", "VI"], ["MF", "SX"]] && resolver.ambiguousKeys.count == 6,
            "\(resolver.ambiguousKeys)")
    }

    @Test func readOnlyOpeningWritesNothingAndRefusesAnOldSchema() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("old.sqlite")
        #expect(throws: SharehouseError.warehouseNotFound(path: path)) {
            _ = try Warehouse(path: path, options: .init(readOnly: true))
        }
        #expect(throws: SharehouseError.warehouseNotFound(path: path)) {
            _ = try Warehouse(path: path, options: .init(createIfMissing: false))
        }
        #expect(!FileManager.default.fileExists(atPath: path))
        // A warehouse made by an older build: only the first migration.
        let firstOnly = try MigrationSet(
            name: WarehouseSchema.setName, origin: "old build",
            migrations: Array(WarehouseSchema.migrations.migrations.prefix(1)))
        try Migrator(set: firstOnly).migrate(try Connection(path: path))
        let before = try fileBytes(path)
        let error = try #require(throws: SharehouseError.self) {
            _ = try Warehouse(path: path, options: .init(readOnly: true))
        }
        #expect(error == .schemaOutOfDate(path: path, version: 1, expected: WarehouseSchema.version))
        #expect(error.description.contains("sharehouse migrate up"))
        #expect(try fileBytes(path) == before)
        // Opened for writing, it is upgraded.
        let upgraded = try Warehouse(path: path)
        #expect(upgraded.migrationsApplied.first?.version == 2)
        _ = try Warehouse(path: path, options: .init(readOnly: true))
    }

    @Test func aWarehouseFromANewerSharehouseIsRefusedUntouched() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("newer.sqlite")
        _ = try Warehouse(path: path)
        let future =
            WarehouseSchema.migrations.migrations + [
                try Migration(fileName: "9999_from_the_future.sql", contents: "CREATE TABLE future (x INTEGER);")
            ]
        try Migrator(set: try MigrationSet(name: WarehouseSchema.setName, origin: "newer build", migrations: future))
            .migrate(try Connection(path: path))
        let before = try fileBytes(path)
        let error = try #require(throws: MigrationError.self) { _ = try Warehouse(path: path) }
        #expect(error.category == .refused)
        #expect(error.description.contains("9999_from_the_future.sql"))
        #expect(try fileBytes(path) == before)
    }

    @Test func upgradingToVersion4RecordsWhichPeriodsExistingSnapshotsCover() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("v3.sqlite")
        let firstThree = try MigrationSet(
            name: WarehouseSchema.setName, origin: "version 3",
            migrations: Array(WarehouseSchema.migrations.migrations.prefix(3)))
        let connection = try Connection(path: path)
        try Migrator(set: firstThree).migrate(connection)
        try connection.executeScript(
            """
            INSERT INTO measures (key, name, unit, universe, attribution) VALUES ('m', 'M', 'percent', 'u', 'a');
            INSERT INTO sources (key, title, url, kind) VALUES ('s', 'S', 'https://example.invalid', 'news');
            INSERT INTO periods (id, start_date, end_date) VALUES (1, '2025-07-01', '2025-07-31'), (2, '2025-08-01', '2025-08-31');
            INSERT INTO snapshots (id, measure, source, published_on, imported_at, content_sha256, verification, coverage)
            VALUES (1, 'm', 's', '2026-01-01', 'x', '\(String(repeating: "0", count: 64))', 'primary', 'complete');
            INSERT INTO observations VALUES (1, 1, 'CN', 10, 0), (1, 2, 'CN', 11, 0), (1, 2, 'US', 9, 0);
            """)
        let warehouse = try Warehouse(path: path)
        #expect(warehouse.migrationsApplied.map(\.version).first == 4)
        let coverage = try warehouse.database.read {
            try $0.fetchAll("SELECT snapshot_id, period_id FROM snapshot_periods ORDER BY period_id") {
                "\(try $0.get(0) as Int)/\(try $0.get(1) as Int)"
            }
        }
        #expect(coverage == ["1/1", "1/2"])
        let current = try warehouse.query("SELECT count(*) FROM current_figures")
        #expect(current.rows == [[.integer(3)]])
    }

    @Test func aSnapshotIsSealedOnceAndThenNeverChanges() throws {
        let warehouse = try Warehouse.inMemory()
        try ViewFixture.load(into: warehouse)
        let zeros = String(repeating: "0", count: 64)
        let sealed = String(repeating: "c", count: 64)
        try warehouse.database.write { connection in
            try connection.execute(
                """
                INSERT INTO snapshots (id, measure, source, published_on, imported_at, content_sha256, verification, coverage)
                VALUES (3, 'eoi_download_share_1y', 'eoi-2025', '2026-05-01', 'x', ?, 'primary', 'complete')
                """, zeros)
        }
        // Unsealed: only the hash may change, and only once.
        #expect(throws: SQLiteError.self) {
            try warehouse.database.write { try $0.execute("UPDATE snapshots SET note = 'x' WHERE id = 3") }
        }
        try warehouse.database.write { try $0.execute("UPDATE snapshots SET content_sha256 = ? WHERE id = 3", sealed) }
        #expect(throws: SQLiteError.self) {
            try warehouse.database.write { try $0.execute("UPDATE snapshots SET content_sha256 = ? WHERE id = 3", zeros) }
        }
    }

    @Test func importedFiguresCannotBeChangedOrDeleted() throws {
        let warehouse = try Warehouse.inMemory()
        try ViewFixture.load(into: warehouse)
        for statement in [
            "UPDATE observations SET value = 99", "DELETE FROM observations",
            "UPDATE snapshots SET note = 'x'", "DELETE FROM snapshots",
        ] {
            let error = try #require(throws: SQLiteError.self) {
                try warehouse.database.write { try $0.execute(statement) }
            }
            #expect(error.code.primary == .constraint, "\(statement)")
        }
        #expect(try warehouse.database.read { try $0.fetchOne("SELECT count(*) FROM observations") { try $0.get(0) as Int } } == 5)
    }
}
