import ArgumentParser
import Sharehouse

struct ReportContributorsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "contributors",
        abstract: "The organisations and models behind a country's derived share.",
        discussion: """
            For a share derived from a model listing (`sharehouse derive shares`): the organisations and \
            their largest models behind the entity's figure, with their downloads, their share of the \
            entity's downloads and of all (which add up to the figure), citing the derived snapshot.
            """)
    @OptionGroup var global: GlobalOptions
    @OptionGroup var scope: ScopeOptions
    @OptionGroup var output: ReportOutputOptions
    @Option(help: ArgumentHelp("The period (default: the latest derived one).", valueName: "period"), transform: ArgumentValue.period)
    var period: Period?
    @Option(help: "How many organisations and models.") var top = ReportDefaults.top

    func validate() throws {
        guard scope.entity.count == 1 else { throw ValidationError("give one --entity: the country or bucket to explain") }
        guard top >= 1 else { throw ValidationError("--top takes 1 or more") }
    }

    func run() throws {
        let warehouse = try global.openWarehouse(readOnly: true)
        try output.write(
            try warehouse.contributors(entity: scope.entity[0], period: period, measure: scope.measure, top: top), from: warehouse)
    }
}
