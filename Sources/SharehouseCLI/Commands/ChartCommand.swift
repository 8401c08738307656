import ArgumentParser
import Foundation
import Sharehouse

struct ChartCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chart",
        abstract: "Charts as SVG: shares over time, or one period's leaders.",
        discussion: """
            The SVG is written to --out (or standard output): the same data gives the same bytes. \
            Lines differ by colour, dash and marker, so a chart printed in grey still reads; \
            the sources are under the chart.
            """,
        subcommands: [ChartSeriesCommand.self, ChartLeadersCommand.self])
}

/// Options every chart takes.
struct ChartOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The measure (default: the one the figures are in).", valueName: "key"))
    var measure: String?

    @Option(name: .long, help: ArgumentHelp("Only this source.", valueName: "key"))
    var source: String?

    @Option(name: .customLong("as-of"), help: ArgumentHelp("What was known on this day.", valueName: "YYYY-MM-DD"))
    var asOf: String?

    @Option(name: .long, parsing: .singleValue, help: ArgumentHelp("An entity (repeatable).", valueName: "name"))
    var entity: [String] = []

    @Option(name: .customLong("lang"), help: "Words and entity names: en or ar.")
    var languageOption: LanguageOption = .en

    @Option(name: .customLong("digits"), help: "Digits of figures: western or arabic-indic.")
    var digitsOption: DigitsOption = .western

    @Option(name: .long, help: ArgumentHelp("Write the SVG to this file (default: standard output).", valueName: "file.svg"))
    var out: String?

    func validate() throws {
        if let asOf, CalendarDate(asOf) == nil { throw ValidationError("--as-of must be a date YYYY-MM-DD, not \(asOf)") }
    }

    var scope: QueryScope {
        QueryScope(measure: measure, sources: source.map { .only($0) } ?? .preferred, asOf: asOf.flatMap { CalendarDate($0) })
    }

    /// Writes the chart where it was asked for.
    func write(_ svg: String) throws {
        guard let out else {
            // The SVG ends with a newline and output adds one: the same bytes as --out.
            Terminal.output(svg.hasSuffix("\n") ? String(svg.dropLast()) : svg)
            return
        }
        do {
            try Data(svg.utf8).write(to: URL(fileURLWithPath: out), options: .atomic)
        } catch {
            Terminal.error("cannot write \(out): \(error.localizedDescription)")
            throw ExitStatus.failure
        }
        Terminal.note("Wrote \(out)")
    }
}

struct ChartSeriesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "series", abstract: "A line chart of entities over periods.")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var options: ChartOptions
    @Option(help: ArgumentHelp("The first period.", valueName: "period")) var from: String?
    @Option(help: ArgumentHelp("The last period.", valueName: "period")) var to: String?

    func run() throws {
        let warehouse = try global.openWarehouse(readOnly: true)
        let language = options.languageOption.language
        let result = try warehouse.series(entities: options.entity.isEmpty ? ["CN", "US"] : options.entity,
                                          from: try parsePeriod(from, option: "--from"), to: try parsePeriod(to, option: "--to"),
                                          scope: options.scope)
        let chart = try warehouse.lineChart(result, scope: options.scope, names: try warehouse.entityNames(in: language),
                                            language: language, digits: options.digitsOption.style)
        try options.write(chart.svg())
    }
}

struct ChartLeadersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "leaders", abstract: "A bar chart of one period's leaders and the rest.")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var options: ChartOptions
    @Option(help: ArgumentHelp("The period (default: the latest).", valueName: "period")) var period: String?
    @Option(help: "How many bars before the others.") var top: Int = 10

    func run() throws {
        let warehouse = try global.openWarehouse(readOnly: true)
        let language = options.languageOption.language
        let result = try warehouse.leaders(period: try parsePeriod(period, option: "--period"), top: top, scope: options.scope)
        let chart = BarChart(result, names: try warehouse.entityNames(in: language), language: language,
                             digits: options.digitsOption.style)
        try options.write(chart.svg())
    }
}
