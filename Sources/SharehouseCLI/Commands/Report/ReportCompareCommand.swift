import ArgumentParser
import Sharehouse

struct ReportCompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Two periods side by side: change, ranks (default: the latest period and the one before it).")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var scope: ScopeOptions
    @OptionGroup var output: ReportOutputOptions
    @Option(help: ArgumentHelp("The earlier period.", valueName: "period"), transform: ArgumentValue.period) var from: Period?
    @Option(help: ArgumentHelp("The later period.", valueName: "period"), transform: ArgumentValue.period) var to: Period?

    func validate() throws {
        if (from == nil) != (to == nil) { throw ValidationError("give both --from and --to, or neither (the latest two periods)") }
    }

    func run() throws {
        let warehouse = try global.openWarehouse(readOnly: true)
        let result =
            if let from, let to {
                try warehouse.compare(from: from, to: to, entities: scope.entity, scope: scope.scope)
            } else {
                try warehouse.compareLatest(entities: scope.entity, scope: scope.scope)
            }
        try output.write(result, from: warehouse)
    }
}
