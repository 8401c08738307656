import ArgumentParser
import Sharehouse
import SharehouseReports

struct AttributionDiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff", abstract: "What changed between two versions of the attribution table.",
        discussion: "Authors added and removed, moved to another country or bucket, and changed otherwise (kind, url, note, spelling).")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: AttributionFormatOptions

    @Argument(
        help: ArgumentHelp("The earlier version (a number, or latest).", valueName: "from"), transform: AttributionVersionArgument.parse)
    var from: AttributionVersionArgument

    @Argument(help: ArgumentHelp("The later version (a number, or latest).", valueName: "to"), transform: AttributionVersionArgument.parse)
    var to: AttributionVersionArgument

    func run() throws {
        let warehouse = try global.openWarehouse(readOnly: true)
        var latest: Int {
            get throws {
                guard let last = try warehouse.attributionVersions().last else { throw AttributionError.noVersions }
                return last.version
            }
        }
        let diff = try warehouse.attributionDiff(from: try from.number ?? latest, to: try to.number ?? latest)
        switch output.format {
        case .table: Terminal.output(AttributionText.diff(diff))
        case .csv: Terminal.write(AttributionText.diffCSV(diff))
        case .json: Terminal.output(try JSONOutput.render(diff))
        }
    }
}
