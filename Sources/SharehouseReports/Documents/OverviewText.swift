public import Sharehouse

/// The whole picture for a terminal or a Markdown file: the headline with its sentence,
/// the leaders over time, and the same period in every source, one document after
/// another (the page, ``OverviewPage``, shows the same with charts).
public enum OverviewText {
    /// The whole picture as text (table or Markdown), as the HTML page shows it.
    public static func render(
        _ overview: Overview, style: ReportDocument.Style, names: [String: String], as format: ReportRenderer.Format = .table
    ) -> String {
        var documents = [ReportDocument.headline(overview.headline, style: style, names: names)]
        var parts: [String] = []
        if let series = overview.series {
            var document = ReportDocument.series(series.result, style: style, names: names)
            if !series.isHeadlineMeasure { document.title += " (\(style.language.text(.anotherMeasure)))" }
            documents.append(document)
        } else {
            parts.append(style.language.text(.noSeries))
        }
        if let across = overview.crossSource, !across.columns.isEmpty {
            documents.append(.crossSource(across, style: style, names: names))
        }
        let rendered = documents.map { ReportRenderer.render($0, as: format) }
        // Said where the series would stand: after the headline.
        return ([rendered[0]] + parts + rendered.dropFirst()).joined(separator: "\n\n")
    }
}
