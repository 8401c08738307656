import ArgumentParser
import Foundation
import Sharehouse

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Who leads, by how much, since when, and who says so.",
        discussion: """
            Every report cites the snapshots it uses: numbered sources under the table, a citations \
            array in JSON. Figures of different measures are never put in one series or compared. \
            With no subcommand: the headline, the latest period's leaders of the default measure.
            """,
        subcommands: [ReportHeadlineCommand.self, ReportSeriesCommand.self, ReportCompareCommand.self,
                      ReportLeadersCommand.self, ReportCrossoversCommand.self, ReportConcentrationCommand.self,
                      ReportRevisionsCommand.self, ReportSourcesCommand.self, ReportGroupsCommand.self],
        defaultSubcommand: ReportHeadlineCommand.self)
}

/// Options every report takes.
struct ReportOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The measure (default: the one the figures are in, else the latest share measure).",
                                            valueName: "key"))
    var measure: String?

    @Option(name: .long, help: ArgumentHelp("Only this source (default: per period, the best verified, then latest).",
                                            valueName: "key"))
    var source: String?

    @Option(name: .customLong("as-of"), help: ArgumentHelp("What was known on this day.", valueName: "YYYY-MM-DD"))
    var asOf: String?

    @Option(name: .long, parsing: .singleValue, help: ArgumentHelp("An entity: a code or a name, Arabic too (repeatable).",
                                                                   valueName: "name"))
    var entity: [String] = []

    @Option(name: .long, help: "Output: table, markdown, csv, tsv, json, ndjson or html (a self-contained page).")
    var format: ReportFormat = .table

    @Option(name: .customLong("lang"), help: "Words and entity names: en or ar.")
    var languageOption: LanguageOption = .en

    @Option(name: .customLong("digits"), help: "Digits of figures: western (17.1%) or arabic-indic (١٧٫١٪).")
    var digitsOption: DigitsOption = .western

    var language: ReportLanguage { languageOption.language }
    var digits: DigitStyle { digitsOption.style }

    @Flag(name: .customLong("no-color"), help: "No sparklines or other terminal decoration (also when NO_COLOR is set).")
    var noColor = false

    func validate() throws {
        if let asOf, CalendarDate(asOf) == nil { throw ValidationError("--as-of must be a date YYYY-MM-DD, not \(asOf)") }
    }

    var scope: QueryScope {
        QueryScope(measure: measure, sources: source.map { .only($0) } ?? .preferred, asOf: asOf.flatMap { CalendarDate($0) })
    }
}

/// Parses a period option, with a usage error that shows the forms.
func parsePeriod(_ text: String?, option: String) throws -> Period? {
    guard let text else { return nil }
    guard let period = Period(text) else { throw ValidationError("\(option) must be \(Period.expectedForms), not \(text)") }
    return period
}

/// Opens the warehouse for reading, renders `result` in the chosen format.
struct ReportOutput {
    let warehouse: Warehouse
    /// Entity names in the report's language.
    let names: [String: String]
    let options: ReportOptions

    init(_ global: GlobalOptions, _ options: ReportOptions) throws {
        warehouse = try global.openWarehouse(readOnly: true)
        names = try warehouse.entityNames(in: options.language)
        self.options = options
    }

    /// JSON and NDJSON from the result; other formats from its document. `rows` pairs
    /// each row with the number of the citation it rests on, for NDJSON lines that stand
    /// alone.
    func emit<R: Encodable>(_ result: R, rows: [(row: any Encodable, citation: Int?)], citations: [Citation],
                            format: ReportFormat, chart: (() throws -> String)? = nil, document: () -> ReportDocument) throws {
        switch format {
        case .json:
            Terminal.output(try JSONOutput.render(result))
        case .ndjson:
            for (row, number) in rows {
                let citation = number.flatMap { number in citations.first { $0.number == number } }
                Terminal.output(try JSONOutput.renderLine(NDJSONRow(row: row, citation: citation)))
            }
        case .html:
            let localized = DocumentLocalization.localize(document(), language: options.language, digits: options.digits)
            Terminal.output(HTMLDocumentRenderer.render(localized, chart: try chart?()))
        default:
            let localized = DocumentLocalization.localize(document(), language: options.language, digits: options.digits)
            Terminal.output(ReportRenderer.render(localized, as: format))
        }
    }

    func barChart(_ result: LeadersResult) -> String {
        BarChart(result, names: names, language: options.language, digits: options.digits).svg()
    }

    func lineChart(_ result: SeriesResult) throws -> String {
        try warehouse.lineChart(result, scope: options.scope, names: names, language: options.language, digits: options.digits).svg()
    }

    /// Sparklines in a table, for a person at a terminal.
    var wantsSparklines: Bool {
        options.format == .table
            && Sparkline.wanted(noColor: options.noColor, environment: ProcessInfo.processInfo.environment,
                                isTerminal: Terminal.isTerminal)
    }
}

/// One NDJSON line: a row's fields and, in full, the citation it rests on.
struct NDJSONRow: Encodable {
    let row: any Encodable
    let citation: Citation?

    func encode(to encoder: any Encoder) throws {
        try row.encode(to: encoder)
        var container = encoder.container(keyedBy: Key.self)
        try container.encodeIfPresent(citation, forKey: Key(stringValue: "source")!)
    }

    struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
}

struct ReportHeadlineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "headline", abstract: "The latest period's leaders, with citations.",
                                                    shouldDisplay: false)
    @OptionGroup var global: GlobalOptions
    @OptionGroup var options: ReportOptions
    @Flag(help: "The whole picture as one HTML page: headline, leaders, their shares over time, every source, citations.")
    var all = false

    func validate() throws {
        if all, options.format != .table, options.format != .html {
            throw ValidationError("--all writes an HTML page; use it with --format html (or no --format)")
        }
    }

    func run() throws {
        let output = try ReportOutput(global, options)
        if all {
            Terminal.output(try output.warehouse.htmlReport(HTMLReportOptions(language: options.language, digits: options.digits,
                                                                             scope: options.scope, entities: options.entity)))
            return
        }
        let result = try output.warehouse.leaders(top: 10, scope: options.scope)
        try output.emit(result, rows: result.rows.map { ($0, result.citation) }, citations: result.context.citations,
                        format: options.format, chart: { output.barChart(result) }) {
            var document = ReportDocuments.leaders(result, names: output.names)
            document.title = "Headline: " + document.title
            return document
        }
    }
}

struct ReportSeriesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "series", abstract: "Entities over periods of one length, in time order.")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var options: ReportOptions
    @Option(help: ArgumentHelp("The first period.", valueName: "period")) var from: String?
    @Option(help: ArgumentHelp("The last period.", valueName: "period")) var to: String?

    func run() throws {
        let output = try ReportOutput(global, options)
        let entities = options.entity.isEmpty ? ["CN", "US"] : options.entity
        let result = try output.warehouse.series(entities: entities, from: try parsePeriod(from, option: "--from"),
                                                 to: try parsePeriod(to, option: "--to"), scope: options.scope)
        try output.emit(result, rows: result.points.map { ($0, $0.citation) }, citations: result.context.citations, format: options.format,
                        chart: { try output.lineChart(result) }) {
            var document = ReportDocuments.series(result, names: output.names)
            if output.wantsSparklines { ReportDocuments.appendTrend(result, to: &document) }
            return document
        }
    }
}

struct ReportCompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "compare", abstract: "Two periods side by side: change, ranks.")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var options: ReportOptions
    @Option(help: ArgumentHelp("The earlier period.", valueName: "period")) var from: String
    @Option(help: ArgumentHelp("The later period.", valueName: "period")) var to: String

    func run() throws {
        let output = try ReportOutput(global, options)
        let result = try output.warehouse.compare(from: try parsePeriod(from, option: "--from")!, to: try parsePeriod(to, option: "--to")!,
                                                  entities: options.entity, scope: options.scope)
        try output.emit(result, rows: result.rows.map { ($0, result.toCitation) }, citations: result.context.citations,
                        format: options.format) {
            ReportDocuments.compare(result, names: output.names)
        }
    }
}

struct ReportLeadersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "leaders", abstract: "The ranking of one period, top N and the rest.")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var options: ReportOptions
    @Option(help: ArgumentHelp("The period (default: the latest).", valueName: "period")) var period: String?
    @Option(help: "How many to list.") var top: Int = 10

    func run() throws {
        let output = try ReportOutput(global, options)
        let result = try output.warehouse.leaders(period: try parsePeriod(period, option: "--period"), top: top, scope: options.scope)
        try output.emit(result, rows: result.rows.map { ($0, result.citation) }, citations: result.context.citations,
                        format: options.format, chart: { output.barChart(result) }) {
            ReportDocuments.leaders(result, names: output.names)
        }
    }
}

struct ReportCrossoversCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "crossovers", abstract: "When one entity overtook another.")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var options: ReportOptions
    @Flag(name: .customLong("by-vintage"), help: "Search each snapshot's own figures, publication by publication.")
    var byVintage = false

    func validate() throws {
        guard options.entity.count == 2 else { throw ValidationError("give two entities: --entity CN --entity US") }
    }

    func run() throws {
        let output = try ReportOutput(global, options)
        let result = try output.warehouse.crossovers(options.entity[0], options.entity[1], byVintage: byVintage, scope: options.scope)
        try output.emit(result, rows: result.crossings.map { ($0, $0.citation) }, citations: result.context.citations, format: options.format) {
            ReportDocuments.crossovers(result, names: output.names)
        }
    }
}

struct ReportConcentrationCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "concentration", abstract: "HHI, CR1, CR3, CR5 and the leader per period.")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var options: ReportOptions
    @Option(help: ArgumentHelp("One period.", valueName: "period")) var period: String?
    @Option(help: ArgumentHelp("The first period.", valueName: "period")) var from: String?
    @Option(help: ArgumentHelp("The last period.", valueName: "period")) var to: String?

    func run() throws {
        let output = try ReportOutput(global, options)
        let result = try output.warehouse.concentration(period: try parsePeriod(period, option: "--period"),
                                                        from: try parsePeriod(from, option: "--from"),
                                                        to: try parsePeriod(to, option: "--to"), scope: options.scope)
        try output.emit(result, rows: result.rows.map { ($0, $0.citation) }, citations: result.context.citations,
                        format: options.format) {
            ReportDocuments.concentration(result)
        }
    }
}

struct ReportRevisionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "revisions", abstract: "Every vintage of the figures, and when each became known.")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var options: ReportOptions
    @Option(help: ArgumentHelp("One period.", valueName: "period")) var period: String?

    func run() throws {
        let output = try ReportOutput(global, options)
        let result = try output.warehouse.revisions(entities: options.entity, period: try parsePeriod(period, option: "--period"),
                                                    scope: options.scope)
        try output.emit(result, rows: result.rows.map { ($0, $0.citation) }, citations: result.context.citations,
                        format: options.format) {
            ReportDocuments.revisions(result, names: output.names)
        }
    }
}

struct ReportSourcesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "sources", abstract: "One period across sources and measures, side by side.")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var options: ReportOptions
    @Option(help: ArgumentHelp("The period (default: the latest of the default measure).", valueName: "period")) var period: String?
    @Flag(help: "Only the period itself, not the ones overlapping it.") var exact = false

    func run() throws {
        let output = try ReportOutput(global, options)
        let result = try output.warehouse.crossSource(period: try parsePeriod(period, option: "--period"), entities: options.entity,
                                                      exactOnly: exact, asOf: options.scope.asOf)
        try output.emit(result, rows: result.rows.map { ($0, nil) }, citations: result.citations, format: options.format) {
            ReportDocuments.crossSource(result, names: output.names)
        }
    }
}

struct ReportGroupsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "groups", abstract: "A group's share (e.g. EU) as the sum of its members.")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var options: ReportOptions
    @Option(help: ArgumentHelp("The first period.", valueName: "period")) var from: String?
    @Option(help: ArgumentHelp("The last period.", valueName: "period")) var to: String?

    func validate() throws {
        guard options.entity.count == 1 else { throw ValidationError("give one group: --entity EU") }
    }

    func run() throws {
        let output = try ReportOutput(global, options)
        let result = try output.warehouse.groupShares(options.entity[0], from: try parsePeriod(from, option: "--from"),
                                                      to: try parsePeriod(to, option: "--to"), scope: options.scope)
        try output.emit(result, rows: result.rows.map { ($0, $0.citation) }, citations: result.context.citations,
                        format: options.format) {
            ReportDocuments.groups(result)
        }
    }
}
