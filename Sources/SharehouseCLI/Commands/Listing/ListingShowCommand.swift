import ArgumentParser
import Sharehouse
import SharehouseReports

struct ListingShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Show a listing: its citation, counts and top models by downloads.")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: FormatOptions

    @Argument(help: ArgumentHelp("The listing's id, or latest (the one retrieved last).", valueName: "id|latest"))
    var listing: String

    @Option(help: "How many of its models to list (default: 10).")
    var top: Int?

    func validate() throws {
        guard listing == "latest" || Int64(listing) != nil else { throw ValidationError("expected a listing's id or latest") }
        guard (top ?? 0) >= 0 else { throw ValidationError("--top must be 0 or more") }
    }

    func run() throws {
        let warehouse = try global.openWarehouse(readOnly: true)
        guard let id = listing == "latest" ? try warehouse.latestListingID() : Int64(listing) else {
            Terminal.error("no listing in the warehouse: import one with `sharehouse listing import`")
            throw ExitStatus.missingInput
        }
        guard let detail = try warehouse.listing(id: id, top: top ?? ListingDetail.defaultTop) else {
            Terminal.error("no listing \(id) in the warehouse: `sharehouse listing list` shows them")
            throw ExitStatus.missingInput
        }
        switch output.format {
        case .json: Terminal.output(try JSONOutput.render(detail))
        case .table: Terminal.output(ListingText.describe(detail))
        }
    }
}
