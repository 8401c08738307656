/// The output formats of reports and ad-hoc SQL.
public enum ReportFormat: String, Sendable, CaseIterable {
    case table, markdown, csv, tsv, json, ndjson, html
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
