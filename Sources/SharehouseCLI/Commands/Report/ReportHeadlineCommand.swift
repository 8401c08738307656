import ArgumentParser
import Sharehouse
import SharehouseReports

struct ReportHeadlineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "headline",
        abstract: "The latest period's leaders, who leads by how much, and who says so (the default).",
        discussion: "With --all: the whole picture, as text, Markdown or (--format html) one page with charts.")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var scope: ScopeOptions
    @OptionGroup var output: ReportOutputOptions
    @Flag(help: "The whole picture: headline, leaders, their shares over time, every source, citations.")
    var all = false

    func validate() throws {
        if all, ![.table, .markdown, .html].contains(output.format) {
            throw ValidationError("--all writes text, Markdown or an HTML page; use --format table, markdown or html")
        }
    }

    func run() throws {
        let warehouse = try global.openWarehouse(readOnly: true)
        let language = output.words.language
        if all {
            let overview = try warehouse.overview(OverviewRequest(scope: scope.scope, entities: scope.entity))
            let names = try warehouse.entityNames(in: language)
            switch output.format {
            case .html:
                Terminal.output(OverviewPage.render(overview, names: names, language: language, digits: output.words.digits))
            default:
                Terminal.output(
                    OverviewText.render(overview, style: output.style, names: names, as: output.format == .markdown ? .markdown : .table))
            }
            return
        }
        let result = try warehouse.leaders(scope: scope.scope)
        try output.write(Headline(result), from: warehouse) { names in
            BarChart(result, names: names, language: language, digits: output.words.digits).svg()
        }
    }
}
