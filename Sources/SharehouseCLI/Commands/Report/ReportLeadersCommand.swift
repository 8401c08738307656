import ArgumentParser
import Sharehouse
import SharehouseReports

struct ReportLeadersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "leaders", abstract: "The ranking of one period, top N and the rest.")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var scope: ScopeOptions
    @OptionGroup var output: ReportOutputOptions
    @OptionGroup var ranking: RankingOptions

    func run() throws {
        let warehouse = try global.openWarehouse(readOnly: true)
        let result = try warehouse.leaders(period: ranking.period, top: ranking.top, scope: scope.scope)
        try output.write(result, from: warehouse) { names in
            BarChart(result, names: names, language: output.words.language, digits: output.words.digits).svg()
        }
    }
}
