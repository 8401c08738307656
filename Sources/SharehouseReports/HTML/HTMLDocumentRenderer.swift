import Foundation
import Sharehouse

/// A report document as a self-contained HTML page: its title, what it is about, a chart
/// when there is one, the table, the notes and the numbered citations with their links.
enum HTMLDocumentRenderer {
    static func render(_ document: ReportDocument, chart: String?) -> String {
        var page = HTMLPage(title: document.title, language: document.language, digits: document.digits)
        page.append("<h1>\(page.mixed(document.title))</h1>")
        if let lead = document.lead { page.append("<p class=\"lead\">\(page.mixed(lead))</p>") }
        if !document.about.isEmpty {
            page.append("<ul class=\"note\">" + document.about.map { "<li>\(page.mixed($0))</li>" }.joined() + "</ul>")
        }
        if let chart { page.append("<figure>\n\(chart)</figure>") }
        let numeric = Set(document.columns.indices.filter { document.columns[$0].alignment == .right })
        page.append(
            HTMLPage.table(
                headerMarkup: document.columns.map { page.mixed($0.title) },
                rows: document.rows.map { row in row.map { cell(document, $0, page: page) } }, numeric: numeric))
        for note in document.notes {
            let link = note.citation.map { " " + self.link(document, $0) } ?? ""
            page.append("<p class=\"note\">\(page.mixed(note.text))\(link)</p>")
        }
        if !document.citations.isEmpty {
            page.append("<h2>\(HTMLPage.escape(document.language.text(.citations)))</h2>")
            page.append("<ol class=\"citations\">")
            for citation in document.citations {
                var text = page.mixed(citation.summary(in: document.language))
                if let url = citation.sources.first?.url {
                    text = text.replacingOccurrences(
                        of: HTMLPage.escape(url),
                        with: "<a href=\"\(HTMLPage.escape(url))\">\(HTMLPage.escape(url))</a>")
                }
                page.append("<li id=\"cite-\(citation.number)\">\(text)</li>")
            }
            page.append("</ol>")
        }
        return page.render()
    }

    /// A cell as markup: citations as links to their entries.
    static func cell(_ document: ReportDocument, _ cell: ReportDocument.Cell, page: HTMLPage) -> String {
        switch cell {
        case .text, .figure: page.mixed(document.text(cell))
        case .citations(let numbers): numbers.map { link(document, $0) }.joined()
        }
    }

    /// `[n]` in the document's digits, linking to citation n.
    static func link(_ document: ReportDocument, _ number: Int) -> String {
        "<a href=\"#cite-\(number)\">\(HTMLPage.escape(document.reference(number)))</a>"
    }
}
