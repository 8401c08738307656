import ArgumentParser
import Foundation
import Sharehouse
import SharehouseDB
import SharehouseReports

struct SQLCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sql",
        abstract: "Run one read-only SQL query over the documented views.",
        discussion: """
            The query runs on a read-only connection: writes, schema changes, ATTACH, extension loading \
            and writing PRAGMAs are refused (exit 77) and change nothing. Parameters are named in the \
            query (:name) and given with --param name=value; they are bound as text, never spliced. \
            A query running longer than --timeout-ms is stopped.
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The query; read from standard input when absent.")
    var query: String?

    @Option(name: .customLong("param"), parsing: .singleValue, help: ArgumentHelp("A named parameter.", valueName: "name=value"))
    var parameters: [String] = []

    @Option(
        name: .customLong("timeout-ms"),
        help: "Stop the query after this many milliseconds (default: \(Warehouse.adHocTimeLimit.components.seconds * 1000)).")
    var timeoutMilliseconds: Int?

    @Option(name: .customLong("max-rows"), help: "Show at most this many rows (default: \(Warehouse.adHocRowLimit)).")
    var maxRows: Int?

    @Option(name: .long, help: "Output: table, markdown, csv, tsv, json, ndjson or html.")
    var format: ReportFormat = .table

    func validate() throws {
        for parameter in parameters where !parameter.contains("=") {
            throw ValidationError("--param takes name=value, not \(parameter)")
        }
        guard (timeoutMilliseconds ?? 1) > 0 else { throw ValidationError("--timeout-ms must be positive") }
        guard (maxRows ?? 1) > 0 else { throw ValidationError("--max-rows must be positive") }
    }

    func run() throws {
        let text = query ?? String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw ValidationError("give a query, as an argument or on standard input")
        }
        var values: [String: String] = [:]
        for parameter in parameters {
            let parts = parameter.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            values[String(parts[0]).trimmingCharacters(in: CharacterSet(charactersIn: ":@$"))] = String(parts[1])
        }
        let warehouse = try global.openWarehouse(readOnly: true)
        let output = try warehouse.query(
            text, parameters: values, maxRows: maxRows,
            timeLimit: timeoutMilliseconds.map { .milliseconds($0) })
        let rendered = SQLOutputRenderer.render(output, as: format)
        if format == .csv { Terminal.write(rendered) } else { Terminal.output(rendered) }
        if output.truncated {
            Terminal.note("(only the first \(output.rows.count) rows are shown: the query returned more; raise --max-rows)")
        }
    }
}
