import ArgumentParser
import Sharehouse

struct ReportGroupsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "groups", abstract: "A group's share (e.g. EU) as the sum of its members.")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var scope: ScopeOptions
    @OptionGroup var output: ReportOutputOptions
    @OptionGroup var range: PeriodRangeOptions

    func validate() throws {
        guard scope.entity.count == 1 else { throw ValidationError("give one group: --entity EU") }
    }

    func run() throws {
        let warehouse = try global.openWarehouse(readOnly: true)
        try output.write(try warehouse.groupShares(scope.entity[0], from: range.from, to: range.to, scope: scope.scope), from: warehouse)
    }
}
