import ArgumentParser
import Foundation
import Sharehouse
import SharehouseReports

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import snapshot files (JSON, NDJSON, CSV, TSV), each as one new vintage.",
        discussion: """
            A JSON snapshot carries its measure, source (citation) and publication date. For CSV, TSV \
            and NDJSON give them with --measure, --source and --published, or in a sidecar FILE.json \
            next to the file. Use - to read standard input (with --input-format).

            Strict: any bad row fails the whole import with file:line:column and nothing is written \
            (exit 65). All files given are imported in one transaction: all or none. Importing the same \
            content again writes nothing and says which snapshot already holds it.
            """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: FormatOptions

    @Argument(help: ArgumentHelp("Snapshot files, or - for standard input.", valueName: "file"))
    var files: [String]

    @Option(name: .customLong("input-format"), help: "The files' format when their names do not say it: json, ndjson, csv or tsv.")
    var inputFormat: InputFormat?

    @Option(name: .long, help: ArgumentHelp("The measure's key.", valueName: "key"))
    var measure: String?

    @Option(name: .long, help: ArgumentHelp("The source's key (its citation).", valueName: "key"))
    var source: String?

    @Option(
        name: .long, help: ArgumentHelp("When the source published these figures.", valueName: "YYYY-MM-DD"), transform: ArgumentValue.date)
    var published: CalendarDate?

    @Option(name: .long, help: "How sure the figures are: primary, secondary or unverified (default).")
    var verification: Verification?

    @Option(name: .long, help: "complete, or top_n (default: a partial list, so totals are lower bounds).")
    var coverage: Coverage?

    @Option(
        name: .long, help: ArgumentHelp("The period of rows that give none, e.g. 2024-09/2025-08.", valueName: "period"),
        transform: ArgumentValue.period)
    var period: Period?

    @Option(name: .long, help: "A note kept with the snapshot.")
    var note: String?

    @Flag(name: .customLong("decimal-comma"), help: "Read 17,1 as 17.1 (and refuse '.' in values).")
    var decimalComma = false

    @Flag(name: .customLong("dry-run"), help: "Check everything and show what would change; write nothing.")
    var dryRun = false

    @Flag(name: .customLong("no-sidecar"), help: "Do not read a sidecar FILE.json for metadata.")
    var noSidecar = false

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("give at least one file to import") }
        if files.contains("-"), inputFormat == nil {
            throw ValidationError("reading standard input (-) needs --input-format json, ndjson, csv or tsv")
        }
    }

    func run() throws {
        let warehouse = try global.openWarehouse()
        var description = SnapshotDescription()
        description.measure = measure.map { .key($0) }
        description.source = source.map { .key($0) }
        description.publishedOn = published
        description.verification = verification
        description.coverage = coverage
        description.note = note
        description.period = period
        let options = ImportOptions(
            format: inputFormat, description: description, decimalComma: decimalComma,
            dryRun: dryRun, readsSidecar: !noSidecar, progress: ProgressLine.forImports())
        let receipts = try warehouse.importSnapshots(
            from: files.map { $0 == "-" ? .standardInput : .file($0) },
            options: options)
        ProgressLine.finish()
        switch output.format {
        case .json: Terminal.output(try JSONOutput.render(receipts))
        case .table: Terminal.output(ReceiptRenderer.render(receipts))
        }
    }
}
