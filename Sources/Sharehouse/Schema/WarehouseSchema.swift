public import SharehouseDB

/// The warehouse's own schema: the migrations of the repository's `Migrations/` folder,
/// carried in the library (`embeddedFiles`), so that the installed binary and every
/// program that embeds the library can create and upgrade a warehouse without the folder.
public enum WarehouseSchema {
    /// The name the warehouse's migrations are recorded under; a user's own migrations
    /// folder uses another name and is tracked apart.
    public static let setName = "sharehouse"

    /// The warehouse's migrations, in order.
    public static let migrations: MigrationSet = {
        do {
            return try MigrationSet(name: setName, origin: "the built-in warehouse schema", files: embeddedFiles)
        } catch {
            // The embedded files are checked by the test suite; a failure here is a
            // defect of the build, not of any input.
            fatalError("the built-in warehouse migrations are invalid: \(error)")
        }
    }()

    /// The schema version this build creates and expects.
    public static var version: Int64 { migrations.latestVersion }

    /// The engine configured for the warehouse: it also mirrors the schema version into
    /// `PRAGMA user_version`, so other tools can read it.
    public static var migrator: Migrator { Migrator(set: migrations, mirrorsUserVersion: true) }
}
