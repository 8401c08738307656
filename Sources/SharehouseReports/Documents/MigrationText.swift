public import SharehouseDB

/// What `migrate` says about migrations: where each stands, the SQL a plan would run,
/// what was applied or baselined, and versions in four digits as in file names.
public enum MigrationText {
    /// A migration as `migrate plan` (with the SQL it would run) and `migrate baseline`
    /// (without) write it in JSON.
    private struct ListedMigration: Encodable {
        let version: Int64
        let name: String
        let fileName: String
        let sql: String?

        init(_ migration: Migration, withSQL: Bool) {
            version = migration.version
            name = migration.name
            fileName = migration.fileName
            sql = withSQL ? migration.script : nil
        }
    }

    /// Four-digit versions, as in file names: 0003.
    public static func version(_ version: Int64) -> String {
        let digits = String(version)
        return digits.count >= 4 ? digits : String(repeating: "0", count: 4 - digits.count) + digits
    }

    /// `migrate status`: a line per migration with its state and when it was applied.
    public static func statusTable(_ status: MigrationStatus) -> String {
        var table = TableRenderer([.right("VERSION"), .left("NAME"), .left("STATE"), .left("APPLIED AT")])
        for item in status.items {
            table.append([version(item.version), item.name, item.state.rawValue, item.appliedAt ?? ""])
        }
        return table.render()
    }

    /// `migrate plan`: each migration's file and version in an SQL comment, then its script.
    public static func planScript(_ plan: [Migration]) -> String {
        plan.map { "-- \($0.fileName) (version \($0.version))\n\($0.script)" }.joined(separator: "\n")
    }

    /// `migrate plan --format json`: each migration with the SQL it would run.
    public static func planJSON(_ plan: [Migration]) throws -> String {
        try JSONOutput.render(plan.map { ListedMigration($0, withSQL: true) })
    }

    /// `migrate up`: a line per migration applied, with how long it took.
    public static func appliedTable(_ applied: [AppliedMigration]) -> String {
        var table = TableRenderer([.right("VERSION"), .left("NAME"), .right("MS")])
        for migration in applied {
            table.append([version(migration.version), migration.name, String(migration.milliseconds)])
        }
        return table.render()
    }

    /// `migrate baseline`: a line per migration recorded as applied without running.
    public static func baselinedTable(_ marked: [Migration]) -> String {
        var table = TableRenderer([.right("VERSION"), .left("NAME"), .left("STATE")])
        for migration in marked { table.append([version(migration.version), migration.name, "baselined"]) }
        return table.render()
    }

    /// `migrate baseline --format json`: each migration recorded, without its SQL.
    public static func baselinedJSON(_ marked: [Migration]) throws -> String {
        try JSONOutput.render(marked.map { ListedMigration($0, withSQL: false) })
    }
}
