import Sharehouse

/// A report in any of its formats: the one call the CLI makes to turn a result into the
/// bytes it writes.
public enum ReportWriter {
    /// `report` as `format`. `chart` draws the SVG that an HTML page shows above its table,
    /// when the report has one; it is only called for HTML. Data formats ignore the
    /// style's digits: they always write plain ASCII numbers.
    public static func render(
        _ report: some Report, as format: ReportFormat, style: ReportDocument.Style, names: EntityNames,
        chart: (() throws -> String)? = nil
    ) throws -> String {
        if let human = format.documentFormat {
            let document = report.document(style, names: names.inLanguage(style.language))
            return human == .html ? HTMLDocumentRenderer.render(document, chart: try chart?()) : ReportRenderer.render(document, as: human)
        }
        let data = report.data(names, language: style.language)
        switch format {
        case .csv: return data.csv()
        case .tsv: return data.tsv()
        case .json: return try data.json()
        case .ndjson, .table, .markdown, .html: return data.ndjson()
        }
    }
}
