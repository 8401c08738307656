import ArgumentParser
import Sharehouse
import SharehouseReports

struct DeriveSharesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "shares",
        abstract: "Country shares of downloads from a model listing and an attribution table.",
        discussion: """
            Sums each model's downloads in the listing's window by country and stores two snapshots: \
            downloads per country (a count measure) and shares in percent (rounded half away from zero, \
            the buckets USER, INTL and UNKNOWN included, complete coverage). Their source is the \
            derivation, relaying the listing's source and the attribution table. Methods: publisher \
            (the account that published the model), base-model (the publisher of its root base model, \
            following base_model tags; a merge split equally), dataset-columns (the study dataset's own \
            org_country_single; --derived-columns for derived_org_country_single). The same inputs give \
            the same snapshots (unchanged); another attribution table for the same listing is a \
            correction, a new vintage with its differences in the receipt.
            """)
    @OptionGroup var global: GlobalOptions
    @Option(help: ArgumentHelp("The listing: its id or latest.", valueName: "id|latest")) var listing = "latest"
    @Option(help: ArgumentHelp("The attribution table's version, or latest.", valueName: "version|latest")) var attribution = "latest"
    @Option(help: "How a model's downloads are attributed: publisher, base-model or dataset-columns.")
    var method: DerivationMethod = .publisher
    @Flag(name: .customLong("derived-columns"), help: "With dataset-columns: read derived_org_country_single.")
    var derivedColumns = false
    @Option(name: .customLong("pipeline-tag"), help: ArgumentHelp("Only models of this pipeline tag.", valueName: "tag"))
    var pipelineTag: String?
    @Option(
        name: .customLong("created-from"), help: ArgumentHelp("Only models created on or after this day.", valueName: "YYYY-MM-DD"),
        transform: ArgumentValue.date)
    var createdFrom: CalendarDate?
    @Option(name: .customLong("min-downloads"), help: "Only models with at least this many downloads in the window.")
    var minDownloads = 1
    @Option(help: "Decimals of the shares.") var decimals = 2
    @Option(help: "The verification the derived snapshots carry.") var verification: Verification = .unverified
    @Flag(name: .customLong("dry-run"), help: "Compute and show everything; write nothing.") var dryRun = false
    @OptionGroup var output: FormatOptions

    func validate() throws {
        guard (0...6).contains(decimals) else { throw ValidationError("--decimals takes 0 to 6") }
        guard minDownloads >= 1 else { throw ValidationError("--min-downloads takes 1 or more") }
        if derivedColumns, method != .datasetColumns { throw ValidationError("--derived-columns goes with --method dataset-columns") }
        _ = try listingChoice()
        _ = try attributionVersion()
    }

    func listingChoice() throws -> DerivationRequest.ListingChoice {
        if listing == "latest" { return .latest }
        guard let id = Int64(listing), id > 0 else { throw ValidationError("--listing takes a listing's id or latest") }
        return .id(id)
    }

    func attributionVersion() throws -> Int64? {
        if attribution == "latest" { return nil }
        guard let version = Int64(attribution), version > 0 else {
            throw ValidationError("--attribution takes a table's version or latest")
        }
        return version
    }

    func run() throws {
        let warehouse = try global.openWarehouse(mustExist: true)
        let receipt = try warehouse.deriveShares(
            DerivationRequest(
                listing: try listingChoice(), attributionVersion: try attributionVersion(), method: method,
                derivedColumns: derivedColumns, pipelineTag: pipelineTag, createdFrom: createdFrom, minimumDownloads: minDownloads,
                decimals: decimals, verification: verification, dryRun: dryRun))
        switch output.format {
        case .json: Terminal.output(try JSONOutput.render(receipt))
        case .table: Terminal.output(DerivationReceiptRenderer.render(receipt))
        }
    }
}
