import ArgumentParser
import Sharehouse
import SharehouseReports

struct ListingListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the stored listings, by retrieval date.")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: FormatOptions

    func run() throws {
        let listings = try global.openWarehouse(readOnly: true).listings()
        switch output.format {
        case .json: Terminal.output(try JSONOutput.render(listings))
        case .table: Terminal.output(ListingText.listingsTable(listings))
        }
    }
}
