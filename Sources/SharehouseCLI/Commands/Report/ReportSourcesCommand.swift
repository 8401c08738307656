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

    func validate() throws {
        // Every source and measure is the point of this report: naming one would be ignored.
        if scope.measure != nil || scope.source != nil {
            throw ValidationError("report sources shows every source and measure; --measure and --source do not apply")
        }
    }

    func run() throws {
        let warehouse = try global.openWarehouse(readOnly: true)
        try output.write(
            try warehouse.crossSource(period: period, entities: scope.entity, exactOnly: exact, asOf: scope.asOf),
            from: warehouse)
    }
}
