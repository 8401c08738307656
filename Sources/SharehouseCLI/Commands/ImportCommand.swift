import ArgumentParser
import Foundation
import Sharehouse
import SharehouseReports

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import snapshot files (JSON, NDJSON, CSV, TSV), each as one new vintage.",
        discussion: """
            A folder imports every data file directly in it (--recursive: below it), in name order; \
            a FILE.json beside FILE.csv is its sidecar, never a snapshot, and hidden files, READMEs and \
            editor leftovers are left out (said on standard error). Run the same command every month: \
            the files already imported are "unchanged", the new ones are imported.

            A JSON snapshot carries its measure, source (citation) and publication date. For CSV, TSV \
            and NDJSON give them with --measure, --source and --published, or in a sidecar FILE.json \
            next to the file. Use - to read standard input (with --input-format).

            Strict: a bad file fails the whole import, listing every problem (up to 20, then how many \
            more) as file:line:column, and nothing is written (exit 65). All files given are imported in one transaction: all or none. Importing the same \
            content again writes nothing and says which snapshot already holds it. A file with other \
            figures for a stored publication (same measure, source and date) is a correction: refused \
            unless --correction (exit 77), then stored as correcting it, and its figures are in force.
            """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: FormatOptions

    @Argument(
        help: ArgumentHelp(
            "Snapshot files, folders of them (their .csv, .tsv, .json and .ndjson files, in name order), or - for standard input.",
            valueName: "file-or-folder"))
    var files: [String]

    @Flag(help: "Read the subfolders of a folder too.")
    var recursive = false

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

    @Flag(
        name: .customLong("decimal-comma"),
        help: "Read 17,1 as 17.1 (and refuse '.' in values); a file delimited by ; or tabs is read so when all its figures are.")
    var decimalComma = false

    @Option(
        help: ArgumentHelp(
            "The delimiter of CSV and TSV files: ',' ';' '\\t' or '|' (default: the one that alone splits the header, else the name's).",
            valueName: "char"),
        transform: { text in
            guard let delimiter = Delimiter(argument: text) else { throw ValidationError("expected one of , ; \\t |") }
            return delimiter
        })
    var delimiter: Delimiter?

    @Option(help: "Read a period written as a date (2026-03-01) as its month or as one day: month or day.")
    var periods: BareDates?

    @Option(
        help: "fraction: read shares written as fractions of 1 (0.225) as percent (22.5); percent: they are percentages, however small.")
    var scale: ValueScale?

    @Option(name: .customLong("entity-column"), help: ArgumentHelp("The header of the entity column.", valueName: "name"))
    var entityColumn: String?

    @Option(name: .customLong("period-column"), help: ArgumentHelp("The header of the period column.", valueName: "name"))
    var periodColumn: String?

    @Option(name: .customLong("value-column"), help: ArgumentHelp("The header of the value column.", valueName: "name"))
    var valueColumn: String?

    @Flag(
        help: """
            Store a file whose figures differ from a stored snapshot of the same measure, source and \
            publication date as a correction of it (refused without this, exit 77).
            """)
    var correction = false

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
        var description = SnapshotDescription()
        description.measure = measure.map { .key($0) }
        description.source = source.map { .key($0) }
        description.publishedOn = published
        description.verification = verification
        description.coverage = coverage
        description.note = note
        description.period = period
        var options = ImportOptions(
            format: inputFormat, description: description, decimalComma: decimalComma,
            dryRun: dryRun, readsSidecar: !noSidecar, progress: ProgressLine.forImports())
        options.delimiter = delimiter
        options.acceptsCorrection = correction
        options.bareDates = periods
        options.scale = scale
        options.columns = ColumnNames(entity: entityColumn, period: periodColumn, value: valueColumn)
        let selection = try ImportSelection.select(files, recursive: recursive, anyName: inputFormat != nil)
        for skipped in selection.skipped { Terminal.note("skipped \(skipped)") }
        guard !selection.inputs.isEmpty else {
            Terminal.error("nothing to import: every file given was left out")
            throw ExitStatus.missingInput
        }
        // A warehouse that does not exist yet is created for the import, and said so (a
        // mistyped --db would otherwise start a new warehouse unnoticed); should the import
        // fail or be a dry run, it is removed again: a failed import leaves nothing behind.
        let path = global.databasePath
        let isNew = !FileManager.default.fileExists(atPath: path)
        let receipts: [ImportReceipt]
        do {
            receipts = try global.openWarehouse().importSnapshots(from: selection.inputs, options: options)
        } catch {
            if isNew { Self.remove(path) }
            throw error
        }
        ProgressLine.finish()
        if isNew {
            if dryRun { Self.remove(path) } else { Terminal.note("created the warehouse \(path)") }
        }
        switch output.format {
        case .json: Terminal.output(try JSONOutput.render(receipts))
        case .table: Terminal.output(ReceiptRenderer.render(receipts))
        }
    }

    /// Removes a warehouse this command created, with SQLite's companion files.
    private static func remove(_ path: String) {
        for suffix in ["", "-wal", "-shm", "-journal"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }
}
