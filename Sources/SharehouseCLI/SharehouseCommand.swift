import ArgumentParser
import Foundation
import SharehouseDB

/// `sharehouse`: the command-line face of the library. Commands parse their arguments,
/// call the library and render what it returns; they hold no logic of their own.
@main
struct SharehouseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sharehouse",
        abstract: "A cited warehouse of open-AI-model download shares, in one SQLite file.",
        discussion: """
            The warehouse is the file given by --db (before or after the command), else \
            $SHAREHOUSE_DB, else ./sharehouse.sqlite.

            Data goes to standard output, messages to standard error. Exit status: 0 ok, \
            64 usage, 65 bad input data, 66 missing input file, 77 refused to protect the \
            data, 1 anything else.
            """,
        version: PackageVersion.current,
        subcommands: [
            InitCommand.self, ImportCommand.self, ListingCommand.self, ReportCommand.self, ChartCommand.self, SQLCommand.self,
            ExportCommand.self, SourcesCommand.self, MeasuresCommand.self, AttributionCommand.self, DeriveCommand.self,
            MonthlyCommand.self, HubCommand.self, MigrateCommand.self, EntitiesCommand.self, DatasetteMetadataCommand.self,
        ]
    )

    /// Runs the command, and turns library errors into a message and an exit status.
    static func main() {
        // Past a file-size limit (ulimit -f) a write fails with EFBIG, which SQLite
        // reports as a full disk and rolls back, instead of the signal killing the process.
        signal(SIGXFSZ, SIG_IGN)
        var failure: (any Error)?
        do {
            var command = try parseAsRoot(GlobalOptions.movingLeadingDatabaseOption(in: Array(CommandLine.arguments.dropFirst())))
            try command.run()
        } catch {
            failure = error
        }
        // The command's connections are closed by now (its warehouse went with run()).
        ReadOnlyLeftovers.remove()
        switch failure {
        case nil:
            return
        case let failure as any CategorizedError:
            Terminal.error(String(describing: failure))
            exit(withError: ExitCode(ExitStatus(failure.category).code))
        case let status as ExitStatus:
            exit(withError: ExitCode(status.code))
        case let error?:
            exit(withError: error)
        }
    }
}
