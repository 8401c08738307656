import ArgumentParser
import Sharehouse

struct ReportSourcesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sources", abstract: "One period across sources and measures, side by side.")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var scope: ScopeOptions
    @OptionGroup var output: ReportOutputOptions
    @Option(
        help: ArgumentHelp("The period (default: the latest of the default measure).", valueName: "period"), transform: ArgumentValue.period
    ) var period: Period?
    @Flag(help: "Only the period itself, not the ones overlapping it.") var exact = false

    func run() throws {
        let warehouse = try global.openWarehouse(readOnly: true)
        try output.write(
            try warehouse.crossSource(period: period, entities: scope.entity, exactOnly: exact, asOf: scope.asOf),
            from: warehouse)
    }
}
