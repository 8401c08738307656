import ArgumentParser
import Sharehouse
import SharehouseReports

struct ChartLeadersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "leaders", abstract: "A bar chart of one period's leaders and the rest.")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var scope: ScopeOptions
    @OptionGroup var output: ChartOutputOptions
    @OptionGroup var ranking: RankingOptions

    func run() throws {
        let warehouse = try global.openWarehouse(readOnly: true)
        let language = output.words.language
        let result = try warehouse.leaders(period: ranking.period, top: ranking.top, scope: scope.scope)
        let chart = BarChart(
            result, names: try warehouse.entityNames(in: language), language: language,
            digits: output.words.digits)
        try output.write(chart.svg())
    }
}
