/// The output formats of reports and ad-hoc SQL.
public enum ReportFormat: String, Sendable, CaseIterable {
    /// An aligned table, for a terminal.
    case table
    /// Markdown.
    case markdown
    /// RFC 4180 CSV, CRLF line ends.
    case csv
    /// Tab-separated values.
    case tsv
    /// One JSON object: the report, its context, columns and rows.
    case json
    /// One JSON object per row.
    case ndjson
    /// A self-contained HTML page.
    case html
}

extension ReportFormat {
    /// The human format this is, rendered from a ``ReportDocument``; nil for the data
    /// formats, rendered from ``ReportData``.
    public var documentFormat: ReportRenderer.Format? {
        switch self {
        case .table: .table
        case .markdown: .markdown
        case .html: .html
        case .csv, .tsv, .json, .ndjson: nil
        }
    }
}
