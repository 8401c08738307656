import ArgumentParser
import Sharehouse
import SharehouseReports

struct ExportSnapshotsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "snapshots",
        abstract: "Write snapshots as JSON snapshot files that import back to the same figures.",
        discussion: """
            One self-describing file per snapshot, named NNNN-measure-source-date.json, with its measure, \
            its source chain and its figures as published. Importing the files in name order into an \
            empty warehouse gives the same figures, citations and vintages. Nothing is overwritten.
            """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: FormatOptions

    @Option(name: .customLong("out"), help: ArgumentHelp("The folder to write into.", valueName: "dir"))
    var directory: String

    @Option(help: ArgumentHelp("Only this measure's snapshots.", valueName: "key")) var measure: String?
    @Option(help: ArgumentHelp("Only this source's snapshots.", valueName: "key")) var source: String?

    func run() throws {
        let warehouse = try global.openWarehouse(readOnly: true)
        let files = try warehouse.export(to: directory, measure: measure, source: source)
        switch output.format {
        case .json: Terminal.output(try JSONOutput.render(files))
        case .table: Terminal.output(CatalogText.exportTable(files))
        }
        if files.isEmpty { Terminal.note("Nothing to export: no snapshot matches.") }
    }
}
