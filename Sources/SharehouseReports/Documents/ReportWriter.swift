import Sharehouse

/// A report in any of its formats: the one call the CLI makes to turn a result into the
/// bytes it writes.
public enum ReportWriter {
    /// `report` as `format`. `chart` draws the SVG that an HTML page shows above its table,
    /// when the report has one; it is only called for HTML.
    public static func render(
        _ report: some Report, as format: ReportFormat, style: ReportDocument.Style,
        names: [String: String], chart: (() throws -> String)? = nil
    ) throws -> String {
        switch format {
        case .json:
            return try JSONOutput.render(report)
        case .ndjson:
            let citations = report.reportCitations
            return try report.lines.map { row, number in
                let citation = number.flatMap { number in citations.first { $0.number == number } }
                return try JSONOutput.renderLine(NDJSONRow(row: row, citation: citation))
            }.joined(separator: "\n")
        case .html:
            return HTMLDocumentRenderer.render(report.document(style, names: names), chart: try chart?())
        case .table, .markdown, .csv, .tsv:
            return ReportRenderer.render(report.document(style, names: names), as: format)
        }
    }
}

/// One NDJSON line: a row's fields and, in full, the citation it rests on.
struct NDJSONRow: Encodable {
    let row: any Encodable
    let citation: Citation?

    func encode(to encoder: any Encoder) throws {
        try row.encode(to: encoder)
        var container = encoder.container(keyedBy: Key.self)
        try container.encodeIfPresent(citation, forKey: .source)
    }

    enum Key: String, CodingKey {
        case source
    }
}
