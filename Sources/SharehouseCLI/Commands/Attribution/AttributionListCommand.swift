import ArgumentParser
import Sharehouse
import SharehouseReports

struct AttributionListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the attribution table's versions.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: FormatOptions

    func run() throws {
        let versions = try global.openWarehouse(readOnly: true).attributionVersions()
        switch output.format {
        case .json:
            Terminal.output(try JSONOutput.render(versions))
        case .table:
            guard !versions.isEmpty else {
                Terminal.note("no attribution table yet: import one with `sharehouse attribution import FILE --source KEY`")
                return
            }
            Terminal.output(AttributionText.versionsTable(versions))
        }
    }
}
