import ArgumentParser
import Sharehouse

struct ExportFiguresCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "figures",
        abstract: "Write the figures in force as a partitioned table of CSV or NDJSON files.",
        discussion: """
            DIR/figures/measure=KEY/period=PERIOD/part-0.csv, one file per measure and period (a \
            period's / is written %2F, as Hive escapes it). Columns: source, entity_code, entity_name, \
            value (published digits), decimals, unit, start_date, end_date, snapshot_id, published_on, \
            verification, coverage; measure and period come from the folders. --all-vintages writes \
            every vintage to DIR/figure_history/..., with known_to after published_on. A file already \
            there with the same content is left alone; one with other content makes the export \
            write nothing and fail (exit 77), unless --replace.
            """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var export: PartitionedExportCLIOptions

    @Option(help: ArgumentHelp("Only this measure's figures.", valueName: "key")) var measure: String?
    @Option(help: ArgumentHelp("Only this source's figures.", valueName: "key")) var source: String?
    @Flag(help: "Every vintage of every figure (the view figure_history), not only those in force.")
    var allVintages = false

    func run() throws {
        let warehouse = try global.openWarehouse(readOnly: true)
        let receipt = try warehouse.exportFigures(
            to: export.directory,
            options: FigureExportOptions(
                format: export.format, measure: measure, source: source, vintages: allVintages ? .all : .current,
                replace: export.replace))
        try export.print(receipt, nothing: "Nothing to export: no figure matches.")
    }
}
