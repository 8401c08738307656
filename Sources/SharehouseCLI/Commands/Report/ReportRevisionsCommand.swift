import ArgumentParser
import Sharehouse

struct ReportRevisionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "revisions", abstract: "Every vintage of the figures, and when each became known.")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var scope: ScopeOptions
    @OptionGroup var output: ReportOutputOptions
    @Option(help: ArgumentHelp("One period.", valueName: "period"), transform: ArgumentValue.period) var period: Period?

    func run() throws {
        let warehouse = try global.openWarehouse(readOnly: true)
        try output.write(try warehouse.revisions(entities: scope.entity, period: period, scope: scope.scope), from: warehouse)
    }
}
