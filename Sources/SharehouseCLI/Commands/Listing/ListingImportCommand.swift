import ArgumentParser
import Sharehouse
import SharehouseReports

struct ListingImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import one listing from its files: the Hub's pages, NDJSON, or the study dataset's CSV.",
        discussion: """
            Every file given, and every data file in a folder given (in name order), is one listing, \
            imported in one transaction. The shape is the file's: a JSON page (an array of models as \
            /api/models returns them) is the Hub's, CSV the study dataset's, NDJSON whichever its \
            first object says; --shape says it instead.

            The Hub's "downloads" count the last 30 days (--window-days 30 unless given). The study \
            dataset's rows are cumulative: give --window-days N, and each model's downloads are the \
            growth of its downloadsAllTime over the N days up to --retrieved-on.

            Only models with downloads in the window are stored; the receipt counts the others. \
            Strict: a bad listing fails whole, listing every problem (up to 20) as file:line:column, \
            and nothing is written (exit 65). The same listing again (in any files or order) writes \
            nothing. The source must be in the catalogue (sharehouse sources add).
            """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: FormatOptions

    @Argument(
        help: ArgumentHelp(
            "The listing's files, or folders of them (their .json, .ndjson, .csv and .tsv files, in name order).",
            valueName: "file-or-folder"))
    var files: [String]

    @Flag(help: "Read the subfolders of a folder too.")
    var recursive = false

    @Option(name: .long, help: ArgumentHelp("The key of the source the listing is cited to (sharehouse sources).", valueName: "key"))
    var source: String

    @Option(
        name: .customLong("retrieved-on"),
        help: ArgumentHelp("When the listing was retrieved: the last day of its window.", valueName: "YYYY-MM-DD"),
        transform: ArgumentValue.date)
    var retrievedOn: CalendarDate

    @Option(
        name: .customLong("window-days"),
        help: ArgumentHelp("The days up to --retrieved-on the downloads count (default: 30 for the Hub's listing).", valueName: "days"))
    var windowDays: Int?

    @Option(help: ArgumentHelp("hub-api or study-dataset (default: from each file).", valueName: "shape"))
    var shape: ListingShape?

    @Flag(name: .customLong("dry-run"), help: "Check everything and say what would be stored; write nothing.")
    var dryRun = false

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("give the listing's files or a folder of them") }
        if files.contains("-") { throw ValidationError("a listing is read from files, not standard input: save it to a file first") }
    }

    func run() throws {
        let warehouse = try global.openWarehouse(mustExist: true)
        let selection = try ImportSelection.select(files, recursive: recursive, sidecars: false)
        for skipped in selection.skipped { Terminal.note("skipped \(skipped)") }
        guard !selection.inputs.isEmpty else {
            Terminal.error("nothing to import: every file given was left out")
            throw ExitStatus.missingInput
        }
        let options = ListingImportOptions(
            source: source, retrievedOn: retrievedOn, windowDays: windowDays, shape: shape, dryRun: dryRun,
            progress: ProgressLine.forImports())
        let receipt = try warehouse.importListing(from: selection.inputs, options: options)
        ProgressLine.finish()
        switch output.format {
        case .json: Terminal.output(try JSONOutput.render(receipt))
        case .table: Terminal.output(ListingText.receipt(receipt))
        }
    }
}
