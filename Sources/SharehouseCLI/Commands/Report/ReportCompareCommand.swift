import ArgumentParser
import Sharehouse

struct ReportCompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "compare", abstract: "Two periods side by side: change, ranks.")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var scope: ScopeOptions
    @OptionGroup var output: ReportOutputOptions
    @Option(help: ArgumentHelp("The earlier period.", valueName: "period"), transform: ArgumentValue.period) var from: Period
    @Option(help: ArgumentHelp("The later period.", valueName: "period"), transform: ArgumentValue.period) var to: Period

    func run() throws {
        let warehouse = try global.openWarehouse(readOnly: true)
        try output.write(try warehouse.compare(from: from, to: to, entities: scope.entity, scope: scope.scope), from: warehouse)
    }
}
