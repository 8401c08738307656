import ArgumentParser
import Sharehouse

struct ExportListingsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "listings",
        abstract: "Write the listings' models and bases as partitioned tables of CSV or NDJSON files.",
        discussion: """
            DIR/listings/month=YYYY-MM/part-ID.csv, a file per listing by the month it was retrieved, \
            a row per model: listing_id, source, retrieved_on, window_days, model, author, downloads, \
            downloads_all_time, created_on, pipeline_tag, library, org_country, derived_org_country. \
            DIR/listing_bases/month=YYYY-MM/part-ID.csv, a row per base a model names: listing_id, \
            model, base_model, relation. A listing never changes, so exporting again after a new one \
            writes only its files. A file with other content makes the export write nothing and \
            fail (exit 77), unless --replace.
            """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var export: PartitionedExportCLIOptions

    @Option(name: .customLong("listing"), help: ArgumentHelp("Only this listing (repeatable; default: every listing).", valueName: "id"))
    var listings: [Int64] = []

    func run() throws {
        let warehouse = try global.openWarehouse(readOnly: true)
        let receipt = try warehouse.exportListings(
            to: export.directory, options: ListingExportOptions(format: export.format, listings: listings, replace: export.replace))
        try export.print(receipt, nothing: "Nothing to export: no listing in the warehouse.")
    }
}
