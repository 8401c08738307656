import ArgumentParser
import Sharehouse
import SharehouseReports

/// The options `export figures` and `export listings` share: where, in which format,
/// whether to replace, and how to print the receipt.
struct PartitionedExportCLIOptions: ParsableArguments {
    @Option(name: .customLong("out"), help: ArgumentHelp("The folder to write into (created if missing).", valueName: "dir"))
    var directory: String

    @Option(help: "File format: csv (RFC 4180, CRLF) or ndjson.")
    var format: ExportFileFormat = .csv

    @Flag(help: "Replace files whose content differs (by default the export then writes nothing and fails).")
    var replace = false

    @Option(help: ArgumentHelp("How to print what was written: table or json.", valueName: "format"))
    var receipt: OutputFormat = .table

    /// Prints the receipt on standard output, and on standard error when nothing was exported.
    func print(_ receipt: PartitionedExportReceipt, nothing: String) throws {
        switch self.receipt {
        case .json: Terminal.output(try JSONOutput.render(receipt))
        case .table: Terminal.output(CatalogText.partitionedExportTable(receipt))
        }
        if receipt.files.isEmpty { Terminal.note(nothing) }
    }
}
