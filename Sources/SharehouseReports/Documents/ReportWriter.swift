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
        switch format {
        case .csv: report.data(names, language: style.language).csv()
        case .tsv: report.data(names, language: style.language).tsv()
        case .json: try report.data(names, language: style.language).json()
        case .ndjson: report.data(names, language: style.language).ndjson()
        case .html: HTMLDocumentRenderer.render(report.document(style, names: names.inLanguage(style.language)), chart: try chart?())
        case .table: ReportRenderer.render(report.document(style, names: names.inLanguage(style.language)), as: .table)
        case .markdown: ReportRenderer.render(report.document(style, names: names.inLanguage(style.language)), as: .markdown)
        }
    }
}
