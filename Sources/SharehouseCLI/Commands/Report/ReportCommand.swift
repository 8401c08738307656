import ArgumentParser

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Who leads, by how much, since when, and who says so.",
        discussion: """
            Every report cites the snapshots it uses: numbered sources under the table, a citations \
            array in JSON. Figures of different measures are never put in one series or compared. \
            With no subcommand: the headline (`sharehouse report [--all] [--format FORMAT]`), the latest \
            period's leaders of the default measure with who leads by how much and who says so; \
            --all the whole picture (text, Markdown, or --format html for one page with charts). \
            Formats: table, markdown, csv, tsv, json, ndjson, html.
            """,
        subcommands: [
            ReportHeadlineCommand.self, ReportSeriesCommand.self, ReportCompareCommand.self,
            ReportLeadersCommand.self, ReportCrossoversCommand.self, ReportConcentrationCommand.self,
            ReportRevisionsCommand.self, ReportChangesCommand.self, ReportSourcesCommand.self, ReportGroupsCommand.self,
            ReportContributorsCommand.self,
        ],
        defaultSubcommand: ReportHeadlineCommand.self)
}
