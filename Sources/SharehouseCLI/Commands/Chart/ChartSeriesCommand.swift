import ArgumentParser
import Sharehouse
import SharehouseReports

struct ChartSeriesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "series", abstract: "A line chart of entities over periods.")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var scope: ScopeOptions
    @OptionGroup var output: ChartOutputOptions
    @OptionGroup var range: PeriodRangeOptions
    @Option(help: "Without --entity: how many of the latest period's leaders to follow (default: \(ReportDefaults.seriesTop)).")
    var top: Int?

    func run() throws {
        let warehouse = try global.openWarehouse(readOnly: true)
        let language = output.words.language
        let result = try warehouse.series(entities: scope.entity, top: top, from: range.from, to: range.to, scope: scope.scope)
        let chart = LineChart(
            result, revised: try warehouse.revisedPoints(of: result, scope: scope.scope),
            names: try warehouse.entityNames(in: language), language: language, digits: output.words.digits)
        try output.write(chart.svg())
    }
}
