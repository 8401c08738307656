import ArgumentParser
import Sharehouse

struct ReportConcentrationCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "concentration", abstract: "HHI, CR1, CR3, CR5 and the leader per period.")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var scope: ScopeOptions
    @OptionGroup var output: ReportOutputOptions
    @Option(help: ArgumentHelp("One period.", valueName: "period"), transform: ArgumentValue.period) var period: Period?
    @OptionGroup var range: PeriodRangeOptions

    func run() throws {
        let warehouse = try global.openWarehouse(readOnly: true)
        try output.write(try warehouse.concentration(period: period, from: range.from, to: range.to, scope: scope.scope), from: warehouse)
    }
}
