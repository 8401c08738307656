import ArgumentParser
import Sharehouse
import SharehouseReports

struct ReportHeadlineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "headline", abstract: "The latest period's leaders, with citations.",
        shouldDisplay: false)
    @OptionGroup var global: GlobalOptions
    @OptionGroup var scope: ScopeOptions
    @OptionGroup var output: ReportOutputOptions
    @Flag(help: "The whole picture as one HTML page: headline, leaders, their shares over time, every source, citations.")
    var all = false

    func validate() throws {
        if all, output.format != .table, output.format != .html {
            throw ValidationError("--all writes an HTML page; use it with --format html (or no --format)")
        }
    }

    func run() throws {
        let warehouse = try global.openWarehouse(readOnly: true)
        if all {
            let overview = try warehouse.overview(OverviewRequest(scope: scope.scope, entities: scope.entity))
            let language = output.words.language
            Terminal.output(
                OverviewPage.render(
                    overview, names: try warehouse.entityNames(in: language), language: language,
                    digits: output.words.digits))
            return
        }
        let result = try warehouse.leaders(scope: scope.scope)
        try output.write(Headline(result), from: warehouse) { names in
            BarChart(result, names: names, language: output.words.language, digits: output.words.digits).svg()
        }
    }
}
