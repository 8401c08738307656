import ArgumentParser
import Sharehouse
import SharehouseReports

struct MeasuresCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "measures",
        abstract: "List, show, add and amend measures: what figures count, over which universe, attributed how.",
        subcommands: [MeasuresListCommand.self, MeasuresShowCommand.self, MeasuresAddCommand.self, MeasuresAmendCommand.self])
}

struct MeasuresListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List measures.")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: FormatOptions
    @OptionGroup var catalog: CatalogAsOfOptions

    func run() throws {
        let measures = try global.openWarehouse(readOnly: true).measures(asOf: catalog.asOf)
        switch output.format {
        case .json: Terminal.output(try JSONOutput.render(measures))
        case .table: Terminal.output(CatalogText.measuresTable(measures))
        }
    }
}

struct MeasuresShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show a measure's definition and its amendments.")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: FormatOptions
    @OptionGroup var catalog: CatalogAsOfOptions
    @Argument(help: "The measure's key.") var key: String

    func run() throws {
        let details = try global.openWarehouse(readOnly: true).measureDetails(key: key, asOf: catalog.asOf)
        switch output.format {
        case .json: Terminal.output(try JSONOutput.render(details))
        case .table: Terminal.output(CatalogText.describe(details))
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

struct MeasuresAmendCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "amend", abstract: "Correct a measure's definition, keeping what it was in its history.",
        discussion: """
            Each field given replaces the stored one; --clear description removes the description. Every \
            change is recorded with its date and --reason: `measures show` lists them, and --as-of reads the \
            catalogue as it was on a day. The key and the unit never change (exit 77 for another unit): the \
            figures would change meaning, so figures in another unit need a measure of their own.
            """)
    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: FormatOptions
    @Argument(help: "The measure's key.") var key: String
    @Option(help: "What it is called.") var name: String?
    @Option(help: "What is counted over: which models, which platform.") var universe: String?
    @Option(help: "How a figure is attributed to a country.") var attribution: String?
    @Option(help: "More about it.") var description: String?
    @Option(help: "The unit it has (percent or count): any other is refused, since units never change.") var unit: Measure.Unit?
    @Option(
        name: .customLong("clear"), parsing: .singleValue,
        help: ArgumentHelp("Remove a field's value: only the description may be.", valueName: "field"))
    var cleared: [Measure.Field] = []
    @Option(help: "Why: recorded with each change.") var reason: String?
    /// Never valid: asked for, it is refused with the reason rather than as an unknown option.
    @Option(name: .customLong("key"), help: .hidden) var newKey: String?

    /// The values given, before --clear.
    var given: MeasureChanges {
        MeasureChanges(
            name: name.map { .set($0) }, universe: universe.map { .set($0) }, attribution: attribution.map { .set($0) },
            description: description.map { .set($0) }, unit: unit)
    }

    var changes: MeasureChanges {
        var changes = given
        for field in cleared { changes.clear(field) }
        return changes
    }

    func validate() throws {
        guard newKey == nil else {
            throw ValidationError(
                "a measure's key never changes: snapshots and citations name it; add one under the new key with `measures add`")
        }
        if let both = cleared.first(where: { given.fields.contains($0) }) {
            throw ValidationError("--clear \(both.argument) and a value for it: give one or the other")
        }
        guard !cleared.isEmpty || !given.fields.isEmpty || unit != nil else {
            throw ValidationError("give a field to change (--name, --universe, ... or --clear description); see --help")
        }
    }

    func run() throws {
        let amendment = try global.openWarehouse().amendMeasure(key: key, changes: changes, reason: reason)
        try CatalogAmendOutput.write(amendment, as: output.format)
    }
}
