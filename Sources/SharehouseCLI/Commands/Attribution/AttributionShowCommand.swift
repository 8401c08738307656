import ArgumentParser
import Sharehouse
import SharehouseReports

struct AttributionShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Show one version of the attribution table.",
        discussion: "--format csv writes the version as a file that `attribution import` reads again.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: AttributionFormatOptions

    @Argument(help: ArgumentHelp("A version number, or latest.", valueName: "version"), transform: AttributionVersionArgument.parse)
    var version: AttributionVersionArgument = .latest

    func run() throws {
        let table = try global.openWarehouse(readOnly: true).attribution(version: version.number)
        switch output.format {
        case .table: Terminal.output(AttributionText.table(table))
        case .csv: Terminal.write(AttributionText.csv(table))
        case .json: Terminal.output(try JSONOutput.render(table))
        }
    }
}
