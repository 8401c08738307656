import Foundation
import Sharehouse

/// ``ReportData`` as CSV, TSV, NDJSON and JSON. Numbers are written as their published
/// digits (JSON numbers too), so `17.10` is read back as `17.10` by whatever reads it.
extension ReportData {
    /// RFC 4180: a header line, every record ending in CRLF (the last one too), fields quoted when they hold a comma, a
    /// quote or a line end.
    public func csv() -> String {
        func field(_ text: String) -> String {
            guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
            return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return ([columns.map(field).joined(separator: ",")] + rows.map { $0.map { field(Self.text($0)) }.joined(separator: ",") })
            .map { $0 + "\r\n" }.joined()
    }

    /// Tab-separated values: tabs and line ends inside a field become spaces.
    public func tsv() -> String {
        func field(_ text: String) -> String {
            String(text.map { $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" ? " " : $0 })
        }
        return ([columns.map(field).joined(separator: "\t")] + rows.map { $0.map { field(Self.text($0)) }.joined(separator: "\t") })
            .joined(separator: "\n")
    }

    /// One JSON object per row, its fields named by the header.
    public func ndjson() -> String {
        rows.map(object).joined(separator: "\n")
    }

    /// The report as one JSON object: what it is about (measure, source rule, as-of date,
    /// notes, citations), its columns, and its rows as objects named by them.
    public func json() throws -> String {
        var members = ["\"report\": " + JSONText.string(report)]
        if let context {
            members.append("\"measure\": " + (try Self.compact(context.measure)))
            members.append("\"source_policy\": " + (try Self.compact(context.sourcePolicy)))
        }
        members.append("\"as_of\": " + (asOf.map { JSONText.string($0.description) } ?? "null"))
        members.append("\"notes\": " + (try Self.list(notes)))
        if !columnSources.isEmpty { members.append("\"column_sources\": " + (try Self.list(columnSources))) }
        members.append("\"citations\": " + (try Self.list(citations)))
        members.append("\"columns\": [" + columns.map(JSONText.string).joined(separator: ", ") + "]")
        members.append("\"rows\": " + (rows.isEmpty ? "[]" : "[\n    " + rows.map(object).joined(separator: ",\n    ") + "\n  ]"))
        return "{\n  " + members.joined(separator: ",\n  ") + "\n}"
    }

    private func object(_ row: [Cell]) -> String {
        "{" + zip(columns, row).map { JSONText.string($0) + ": " + Self.json($1) }.joined(separator: ", ") + "}"
    }

    /// A cell as CSV and TSV write it.
    static func text(_ cell: Cell) -> String {
        switch cell {
        case .text(let text): text
        case .integer(let number): String(number)
        case .number(let value): value.description
        case .boolean(let flag): flag ? "true" : "false"
        case .empty: ""
        }
    }

    /// A cell as JSON writes it.
    static func json(_ cell: Cell) -> String {
        switch cell {
        case .text(let text): JSONText.string(text)
        case .integer(let number): String(number)
        case .number(let value): value.description
        case .boolean(let flag): flag ? "true" : "false"
        case .empty: "null"
        }
    }

    /// `value` as one line of JSON, keys sorted and in snake_case as everywhere.
    static func compact(_ value: some Encodable) throws -> String {
        try JSONOutput.renderLine(value)
    }

    /// A list of values, one per line.
    static func list(_ values: [some Encodable]) throws -> String {
        var lines: [String] = []
        for value in values { lines.append(try compact(value)) }
        return lines.isEmpty ? "[]" : "[\n    " + lines.joined(separator: ",\n    ") + "\n  ]"
    }
}
