import Sharehouse
public import SharehouseDB

/// Ad-hoc query results as text. Numbers print as their shortest exact form: 17.1, not
/// 17.10000000000000142.
public enum SQLOutputRenderer {
    /// The rows of ad-hoc SQL in `format`: an aligned table, Markdown, CSV, TSV, JSON or NDJSON.
    public static func render(_ output: QueryOutput, as format: ReportFormat) -> String {
        switch format {
        case .json:
            return "[" + output.rows.map { object($0, output.columns) }.joined(separator: ",\n ") + "]"
        case .ndjson:
            return output.rows.map { object($0, output.columns) }.joined(separator: "\n")
        case .csv, .tsv:
            var data = ReportData(report: "sql", columns: output.columns)
            for row in output.rows { data.append(row.map { $0 == .null ? .empty : .text(text($0)) }) }
            return format == .csv ? data.csv() : data.tsv()
        case .table, .markdown, .html:
            var document = ReportDocument(title: "\(output.rows.count) row(s)", columns: output.columns.map { .left($0) })
            for row in output.rows { document.append(row.map { .text(text($0)) }, citation: nil) }
            return ReportRenderer.render(document, as: format.documentFormat!)
        }
    }

    static func text(_ value: SQLiteValue) -> String {
        switch value {
        case .null: ""
        case .integer(let number): String(number)
        case .real(let number): number.description
        case .text(let string): string
        case .blob(let bytes): "x'" + bytes.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined() + "'"
        }
    }

    static func object(_ row: [SQLiteValue], _ columns: [String]) -> String {
        let members = zip(columns, row).map { name, value in
            let json: String
            switch value {
            case .null: json = "null"
            case .integer(let number): json = String(number)
            case .real(let number): json = number.isFinite ? number.description : "null"
            case .text(let string): json = JSONText.string(string)
            case .blob: json = JSONText.string(text(value))
            }
            return JSONText.string(name) + ": " + json
        }
        return "{" + members.joined(separator: ", ") + "}"
    }
}
