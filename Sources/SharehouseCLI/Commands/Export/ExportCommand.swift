import ArgumentParser

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the warehouse out: snapshots that import back, or tables other programs read.",
        discussion: """
            With no subcommand: snapshots (`sharehouse export --out DIR`), one self-describing JSON \
            file per snapshot that imports back to the same figures. `export figures` and \
            `export listings` write Hive-style partitioned tables (folders named key=value) of CSV \
            or NDJSON files that DuckDB, Spark or BigQuery read as one table. Nothing is \
            overwritten unless asked.
            """,
        subcommands: [ExportSnapshotsCommand.self, ExportFiguresCommand.self, ExportListingsCommand.self],
        defaultSubcommand: ExportSnapshotsCommand.self)
}
