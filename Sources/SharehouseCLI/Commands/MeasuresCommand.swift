import ArgumentParser
import Sharehouse
import SharehouseReports

struct MeasuresCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "measures",
        abstract: "List, show and add measures: what figures count, over which universe, attributed how.",
        subcommands: [MeasuresListCommand.self, MeasuresShowCommand.self, MeasuresAddCommand.self])
}

struct MeasuresListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List measures.")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: FormatOptions

    func run() throws {
        let measures = try global.openWarehouse(readOnly: true).measures()
        switch output.format {
        case .json: Terminal.output(try JSONOutput.render(measures))
        case .table: Terminal.output(CatalogText.measuresTable(measures))
        }
    }
}

struct MeasuresShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show a measure's definition.")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: FormatOptions
    @Argument(help: "The measure's key.") var key: String

    func run() throws {
        guard let measure = try global.openWarehouse(readOnly: true).measure(key: key) else {
            throw CatalogError.unknown(kind: "measure", key: key)
        }
        switch output.format {
        case .json: Terminal.output(try JSONOutput.render(measure))
        case .table: Terminal.output(CatalogText.describe(measure))
        }
    }
}

struct MeasuresAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Add a measure.",
        discussion: "Adding a measure that is there with the same fields does nothing; with other fields it is refused (exit 77).")
    @OptionGroup var global: GlobalOptions
    @Option(help: "A short key: lower-case letters, digits, '_', '.', '-'.") var key: String
    @Option(help: "What it is called.") var name: String
    @Option(help: "percent or count.") var unit: Measure.Unit
    @Option(help: "What is counted over: which models, which platform.") var universe: String
    @Option(help: "How a figure is attributed to a country.") var attribution: String
    @Option(help: "More about it.") var description: String?

    func run() throws {
        let measure = Measure(
            key: key, name: name, unit: unit, universe: universe, attribution: attribution,
            description: description)
        let added = try global.openWarehouse().addMeasure(measure)
        Terminal.note(added ? "Added the measure \(key)." : "The measure \(key) is already there, as given.")
    }
}
