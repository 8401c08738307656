import ArgumentParser
import Sharehouse

struct ReportChangesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "changes",
        abstract: "What changed with the latest snapshot of each measure and source.",
        discussion: """
            For each measure and source (synthetic measures only when named or alone), the latest snapshot \
            against the figures in force just before it: a period it restates against its earlier \
            vintage, a period it is the first to give against the period of the same length before \
            it. Per entity: before, after, the change, the ranks, entrants and drops, the largest \
            changes first, with both citations.
            """)
    @OptionGroup var global: GlobalOptions
    @OptionGroup var scope: ScopeOptions
    @OptionGroup var output: ReportOutputOptions
    @Option(help: ArgumentHelp("One period of the latest snapshots.", valueName: "period"), transform: ArgumentValue.period)
    var period: Period?

    func run() throws {
        let warehouse = try global.openWarehouse(readOnly: true)
        try output.write(
            try warehouse.changes(
                measure: scope.measure, source: scope.source, period: period, entities: scope.entity, asOf: scope.asOf),
            from: warehouse)
    }
}
