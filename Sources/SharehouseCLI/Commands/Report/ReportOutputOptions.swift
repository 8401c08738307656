import ArgumentParser
import Foundation
import Sharehouse
import SharehouseReports

/// How a report is written: its format, language and digits, and terminal decoration.
struct ReportOutputOptions: ParsableArguments {
    @Option(name: .long, help: "Output: table, markdown, csv, tsv, json, ndjson or html (a self-contained page).")
    var format: ReportFormat = .table

    @OptionGroup var words: LanguageOptions

    @Flag(name: .customLong("no-color"), help: "No sparklines or other terminal decoration (also when NO_COLOR is set).")
    var noColor = false

    /// The style of text formats: sparklines only for a person at a terminal.
    var style: ReportDocument.Style {
        ReportDocument.Style(
            language: words.language, digits: words.digits,
            sparklines: format == .table
                && Sparkline.wanted(
                    noColor: noColor, environment: ProcessInfo.processInfo.environment,
                    isTerminal: Terminal.isTerminal)
        )
    }

    /// Writes `report` in the chosen format. `chart` draws the SVG an HTML page shows.
    func write(
        _ report: some Report, from warehouse: Warehouse,
        chart: ((_ names: [String: String]) throws -> String)? = nil
    ) throws {
        let names = try EntityNames(warehouse, language: words.language)
        let text = try ReportWriter.render(
            report, as: format, style: style, names: names,
            chart: chart.map { draw in { try draw(names.inLanguage(words.language)) } })
        switch format {
        case .csv: Terminal.write(text)
        case .ndjson: if !text.isEmpty { Terminal.output(text) }
        default: Terminal.output(text)
        }
    }
}
