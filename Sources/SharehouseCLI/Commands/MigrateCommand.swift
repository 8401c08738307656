import ArgumentParser
import Sharehouse
import SharehouseDB
import SharehouseReports

struct MigrateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Show, plan and apply migrations: the warehouse's own, or a folder of yours.",
        discussion: """
            Without --dir these act on the warehouse's own schema, which every sharehouse carries
            inside it. With --dir DIR they act on your own migrations (files NNNN_description.sql),
            run against the warehouse and recorded apart from its schema under --set (default: user).
            An applied migration that was edited or removed, or a warehouse newer than the migrations
            given, is refused (exit 77) with what to do.
            """,
        subcommands: [
            MigrateStatusCommand.self, MigratePlanCommand.self, MigrateUpCommand.self,
            MigrateBaselineCommand.self,
        ])
}

/// Which migrations a `migrate` subcommand acts on.
struct MigrationSetOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("A folder of your own migrations.", valueName: "dir"))
    var dir: String?

    @Option(
        name: .customLong("set"),
        help: ArgumentHelp(
            "The name your folder's migrations are recorded under.", valueName: "name"))
    var setName: String = WarehouseMigrations.defaultUserSetName

    /// The user's set, or nil for the warehouse's own schema.
    func load() throws -> MigrationSet? {
        try dir.map { try WarehouseMigrations.userSet(directory: $0, name: setName) }
    }
}

/// What every `migrate` subcommand takes: the warehouse, the migrations, the format.
struct MigrateArguments: ParsableArguments {
    @OptionGroup var global: GlobalOptions
    @OptionGroup var migrations: MigrationSetOptions
    @OptionGroup var output: FormatOptions

    var path: String { global.databasePath }
    var wait: Duration? { global.busyTimeout }
    func set() throws -> MigrationSet? { try migrations.load() }
}

/// `--to VERSION` of `plan` and `up`.
struct MigrationTargetOption: ParsableArguments {
    @Option(name: .customLong("to"), help: ArgumentHelp("Stop after this version.", valueName: "version"))
    var target: Int64?
}

struct MigrateStatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show each migration: applied, baselined, pending, changed, missing, newer or out-of-order.",
        discussion: "Writes nothing. Exits 77 when `migrate up` would be refused.")

    @OptionGroup var arguments: MigrateArguments

    func run() throws {
        let status = try WarehouseMigrations.status(path: arguments.path, set: try arguments.set())
        switch arguments.output.format {
        case .json:
            Terminal.output(try JSONOutput.render(status))
        case .table:
            Terminal.output(MigrationText.statusTable(status))
        }
        if let problem = status.problem {
            Terminal.error(problem.description)
            throw ExitStatus(problem.category)
        }
    }
}

struct MigratePlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Print the SQL that `migrate up` would run, and write nothing.")

    @OptionGroup var arguments: MigrateArguments
    @OptionGroup var to: MigrationTargetOption

    func run() throws {
        let plan = try WarehouseMigrations.plan(
            path: arguments.path, set: try arguments.set(), upTo: to.target)
        switch arguments.output.format {
        case .json:
            Terminal.output(try MigrationText.planJSON(plan))
        case .table:
            guard !plan.isEmpty else {
                Terminal.note("Nothing to apply: up to date.")
                return
            }
            Terminal.output(MigrationText.planScript(plan))
        }
    }
}

struct MigrateUpCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "up",
        abstract: "Apply pending migrations, each in its own transaction.",
        discussion: "Creates the warehouse when it does not exist. Safe to run from several processes at once.")

    @OptionGroup var arguments: MigrateArguments
    @OptionGroup var to: MigrationTargetOption

    func run() throws {
        let applied = try WarehouseMigrations.up(
            path: arguments.path, set: try arguments.set(), upTo: to.target, busyTimeout: arguments.wait)
        switch arguments.output.format {
        case .json:
            Terminal.output(try JSONOutput.render(applied))
        case .table:
            guard !applied.isEmpty else {
                Terminal.note("Nothing to apply: up to date.")
                return
            }
            Terminal.output(MigrationText.appliedTable(applied))
        }
    }
}

struct MigrateBaselineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "baseline",
        abstract: "Record migrations up to VERSION as applied, without running them.",
        discussion:
            "For a database whose schema was made before its migrations were tracked. Refused once any migration of the set is recorded.")

    @OptionGroup var arguments: MigrateArguments

    @Argument(help: "The last version to record as applied.")
    var version: Int64

    func run() throws {
        let marked = try WarehouseMigrations.baseline(
            path: arguments.path, set: try arguments.set(), version: version, busyTimeout: arguments.wait)
        switch arguments.output.format {
        case .json:
            Terminal.output(try MigrationText.baselinedJSON(marked))
        case .table:
            Terminal.output(MigrationText.baselinedTable(marked))
        }
    }
}
