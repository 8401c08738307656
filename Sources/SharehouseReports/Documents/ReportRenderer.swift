import Foundation
import Sharehouse

/// Renders a ``ReportDocument`` for people: an aligned table or Markdown with the notes
/// and citations under it, or an HTML page. (Data formats render ``ReportData``.)
public enum ReportRenderer {
    /// The formats for people.
    public enum Format: Sendable {
        /// An aligned table, for a terminal.
        case table
        /// Markdown.
        case markdown
        /// A self-contained HTML page.
        case html
    }

    /// `document` as an aligned table, Markdown or an HTML page.
    public static func render(_ document: ReportDocument, as format: Format) -> String {
        switch format {
        case .table: table(document)
        case .markdown: markdown(document)
        case .html: HTMLDocumentRenderer.render(document, chart: nil)
        }
    }

    private static func table(_ document: ReportDocument) -> String {
        var table = TableRenderer(document.columns)
        for row in document.rows { table.append(row.map(document.text)) }
        var lines = wrap(document.title, indent: "")
        if let lead = document.lead { lines += [""] + wrap(lead, indent: "") + [""] }
        lines += document.about.flatMap { wrap($0, indent: "  ") } + ["", table.render()]
        if !document.notes.isEmpty {
            lines.append("")
            let note = document.language.text(.note) + " "
            lines += document.notes.flatMap { wrap(note + document.text($0), indent: "", continuation: "      ") }
        }
        if !document.citations.isEmpty {
            lines.append("")
            lines.append(document.language.text(.sourcesLine))
            lines += document.citations.flatMap {
                wrap(document.reference($0.number) + " " + $0.summary(in: document.language), indent: "  ", continuation: "      ")
            }
        }
        return lines.joined(separator: "\n")
    }

    /// Breaks `text` into lines of at most `width` columns at spaces, so prose around a
    /// table reads in an 80-column terminal; a word longer than a line (a URL) keeps a
    /// line of its own.
    static func wrap(_ text: String, indent: String, continuation: String? = nil, width: Int = 80) -> [String] {
        var lines: [String] = []
        var line = indent
        let next = continuation ?? indent
        for word in text.split(separator: " ", omittingEmptySubsequences: false) {
            let candidate = line == indent || line == next ? line + word : line + " " + word
            if TableRenderer.displayWidth(candidate) > width, line != indent, line != next {
                lines.append(line)
                line = next + word
            } else {
                line = candidate
            }
        }
        lines.append(line)
        return lines
    }

    private static func markdown(_ document: ReportDocument) -> String {
        func cell(_ text: String) -> String { text.replacingOccurrences(of: "|", with: "\\|") }
        var lines = ["### " + document.title, ""]
        if let lead = document.lead { lines += [lead, ""] }
        lines += document.about.map { "- " + $0 }
        if !document.about.isEmpty { lines.append("") }
        lines.append("| " + document.columns.map { cell($0.title) }.joined(separator: " | ") + " |")
        lines.append("|" + document.columns.map { $0.alignment == .right ? "---:|" : "---|" }.joined())
        lines += document.rows.map { "| " + $0.map { cell(document.text($0)) }.joined(separator: " | ") + " |" }
        if !document.notes.isEmpty {
            lines.append("")
            // One quote each: consecutive `>` lines would join into one paragraph.
            lines += document.notes.map { "> " + document.text($0) }.joined(separator: "\n\n").components(separatedBy: "\n")
        }
        if !document.citations.isEmpty {
            lines.append("")
            lines.append(document.language.text(.sourcesLine))
            lines.append("")
            lines += document.citations.map {
                document.digits.format(Double($0.number), decimals: 0) + ". " + $0.summary(in: document.language)
            }
        }
        return lines.joined(separator: "\n")
    }
}
