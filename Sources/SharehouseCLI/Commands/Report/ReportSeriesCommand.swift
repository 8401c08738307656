import ArgumentParser
import Sharehouse
import SharehouseReports

struct ReportSeriesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "series", abstract: "Entities over periods of one length, in time order.")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var scope: ScopeOptions
    @OptionGroup var output: ReportOutputOptions
    @OptionGroup var range: PeriodRangeOptions
    @Option(help: "Without --entity: how many of the latest period's leaders to follow (default: \(ReportDefaults.seriesTop)).")
    var top: Int?

    func run() throws {
        let warehouse = try global.openWarehouse(readOnly: true)
        let result = try warehouse.series(entities: scope.entity, top: top, from: range.from, to: range.to, scope: scope.scope)
        try output.write(result, from: warehouse) { names in
            LineChart(
                result, revised: try warehouse.revisedPoints(of: result, scope: scope.scope), names: names,
                language: output.words.language, digits: output.words.digits
            ).svg()
        }
    }
}
