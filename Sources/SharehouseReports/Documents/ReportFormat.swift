/// The output formats of reports and ad-hoc SQL.
public enum ReportFormat: String, Sendable, CaseIterable {
    case table, markdown, csv, tsv, json, ndjson, html
}
