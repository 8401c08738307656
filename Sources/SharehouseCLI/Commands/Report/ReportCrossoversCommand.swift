import ArgumentParser
import Sharehouse

struct ReportCrossoversCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "crossovers", abstract: "When one entity overtook another.")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var scope: ScopeOptions
    @OptionGroup var output: ReportOutputOptions
    @Flag(name: .customLong("by-vintage"), help: "Search each snapshot's own figures, publication by publication.")
    var byVintage = false

    func validate() throws {
        guard scope.entity.count == 2 else { throw ValidationError("give two entities: --entity CN --entity US") }
    }

    func run() throws {
        let warehouse = try global.openWarehouse(readOnly: true)
        try output.write(
            try warehouse.crossovers(scope.entity[0], scope.entity[1], byVintage: byVintage, scope: scope.scope),
            from: warehouse)
    }
}
