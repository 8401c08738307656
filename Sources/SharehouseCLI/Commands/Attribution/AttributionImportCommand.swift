import ArgumentParser
import Sharehouse
import SharehouseReports

struct AttributionImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import an attribution table (CSV) as a new version.",
        discussion: """
            The file's header is author,country,kind,url,note. country is a code, a name in \
            English or Arabic, or USER, INTL or UNKNOWN; kind is company, university, \
            nonprofit, government, community or individual (an individual is counted as USER); \
            url is the page the row rests on (http or https, or empty); note says why, where \
            it is debatable. Authors are matched without regard to case, as the Hub does.

            The source must be in the catalogue, or defined in a sidecar FILE.json beside the \
            file ({"source": {...}}). Strict: every problem is listed (up to 20) as \
            file:line:column and nothing is written (exit 65). The same table again writes \
            nothing and says which version holds it.
            """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: FormatOptions

    @Argument(help: ArgumentHelp("The CSV file, or - for standard input.", valueName: "file"))
    var file: String

    @Option(name: .long, help: ArgumentHelp("The key of the table's source (its citation).", valueName: "key"))
    var source: String

    @Flag(name: .customLong("dry-run"), help: "Check everything and show what would change; write nothing.")
    var dryRun = false

    func run() throws {
        let input: InputSource = file == "-" ? .standardInput : .file(file)
        let receipt = try global.openWarehouse().importAttribution(from: input, source: source, dryRun: dryRun)
        switch output.format {
        case .json: Terminal.output(try JSONOutput.render(receipt))
        case .table: Terminal.output(AttributionText.receipt(receipt))
        }
    }
}
