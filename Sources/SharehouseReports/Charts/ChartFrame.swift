import Sharehouse

/// What every chart has around its drawing: the root `<svg>` (left to right, labelled
/// for screen readers), the title and subtitle shortened to the width, and the sources.
enum ChartFrame {
    /// The root element's attributes. `direction="ltr"`: inside a right-to-left page the
    /// chart would otherwise inherit the page's direction and flip its text anchors.
    static func root(width: Double, height: Double, idPrefix: String) -> SVGWriter.Attributes {
        let n = SVGWriter.number
        return SVGWriter.list([
            "xmlns": "http://www.w3.org/2000/svg", "width": n(width), "height": n(height),
            "viewBox": "0 0 \(n(width)) \(n(height))", "direction": "ltr", "role": "img",
            "aria-labelledby": "\(idPrefix)-title \(idPrefix)-desc",
            "font-family": "Helvetica, Arial, \"Noto Naskh Arabic\", \"DejaVu Sans\", sans-serif", "font-size": "12",
        ])
    }

    /// `<title>` and `<desc>` in full, a white ground, then the title (16px, bold) and the
    /// subtitle (12px) each cut with "…" where it would pass the right edge.
    /// In Arabic the title reads right to left within itself (its words in Arabic order),
    /// still placed from the left.
    static func heading(
        title: String, subtitle: String?, summary: String, width: Double, height: Double, idPrefix: String,
        language: ReportLanguage, in svg: inout SVGWriter
    ) {
        let n = SVGWriter.number
        svg.element("title", ["id": "\(idPrefix)-title"], content: subtitle.map { "\(title) · \($0)" } ?? title)
        svg.element("desc", ["id": "\(idPrefix)-desc"], content: summary)
        svg.element("rect", ["width": n(width), "height": n(height), "fill": "#ffffff"])
        svg.element(
            "text", ["x": "16", "y": "24", "font-size": "16", "font-weight": "bold", "class": "title"],
            content: BidiText.sentence(TextMetrics.truncate(title, toWidth: width - 32, fontSize: 16, bold: true), language: language))
        if let subtitle {
            svg.element(
                "text", ["x": "16", "y": "42", "fill": "#444444", "class": "subtitle"],
                content: TextMetrics.truncate(subtitle, toWidth: width - 32, fontSize: 12))
        }
    }

    /// The sources, one wrapped line under the other from `top`; in Arabic each line reads
    /// right to left within itself.
    static func footnotes(_ lines: [String], top: Double, language: ReportLanguage, in svg: inout SVGWriter) {
        svg.open("g", ["class": "footnotes", "fill": "#444444", "font-size": "11"])
        for (index, line) in lines.enumerated() {
            svg.element(
                "text", ["x": "16", "y": SVGWriter.number(top + Double(index) * 15)], content: BidiText.sentence(line, language: language))
        }
        svg.close("g")
    }
}
