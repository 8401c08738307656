/// The version of this package: the one place it is written.
///
/// `sharehouse --version` prints it, every migration the engine applies records it
/// (`runner_version` in `sharehouse_migrations`), and CHANGELOG.md's latest release is
/// it (a test holds the two equal). It follows semantic versioning over the library's
/// public API, the columns of the documented SQL views and the command line's output
/// formats (README.md, "Versions").
///
/// It is not the schema version: that is the number of the last migration a warehouse
/// has applied (`WarehouseSchema.version` in `Sharehouse`, `PRAGMA user_version`,
/// `sharehouse migrate status`), which grows whenever a release adds a migration.
public enum PackageVersion {
    /// The package's semantic version, `MAJOR.MINOR.PATCH`.
    public static let current = "0.2.0"
}
