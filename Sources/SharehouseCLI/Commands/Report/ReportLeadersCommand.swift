import ArgumentParser
import Sharehouse
import SharehouseReports

struct ReportLeadersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "leaders", abstract: "The ranking of one period, top N and the rest.")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var scope: ScopeOptions
    @OptionGroup var output: ReportOutputOptions
    @Option(help: ArgumentHelp("The period (default: the latest).", valueName: "period")) var period: Period?
    @Option(help: "How many to list (default: \(ReportDefaults.top)).") var top: Int?

    func run() throws {
        let warehouse = try global.openWarehouse(readOnly: true)
        let result = try warehouse.leaders(period: period, top: top ?? ReportDefaults.top, scope: scope.scope)
        try output.write(result, from: warehouse) { names in
            BarChart(result, names: names, language: output.words.language, digits: output.words.digits).svg()
        }
    }
}
