import Foundation
import Sharehouse

/// A report document as a self-contained HTML page: its title, what it is about, a chart
/// when there is one, the table, the notes and the numbered citations with their links.
enum HTMLDocumentRenderer {
    static func render(_ document: ReportDocument, chart: String?) -> String {
        var page = HTMLPage(title: document.title, language: document.language)
        page.append("<h1>\(HTMLPage.escape(document.title))</h1>")
        if !document.about.isEmpty {
            page.append("<ul class=\"note\">" + document.about.map { "<li>\(HTMLPage.escape($0))</li>" }.joined() + "</ul>")
        }
        if let chart { page.append("<figure>\n\(chart)</figure>") }
        let numeric = Set(document.columns.indices.filter { document.columns[$0].alignment == .right })
        page.append(
            HTMLPage.table(
                header: document.columns.map(\.title),
                rows: document.rows.map { row in
                    row.map { cell in linkingCitations(HTMLPage.escape(cell)) }
                }, numeric: numeric))
        for note in document.notes { page.append("<p class=\"note\">\(linkingCitations(HTMLPage.escape(note)))</p>") }
        if !document.citations.isEmpty {
            page.append("<h2>\(HTMLPage.escape(document.language.text(.citations)))</h2>")
            page.append("<ol class=\"citations\">")
            for citation in document.citations {
                var text = HTMLPage.escape(citation.summary(in: document.language))
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

    /// "[2]" in a cell or note (the way documents refer to citation 2) as a link to it.
    /// A plain scan, not a pattern: brackets around anything but digits stay as they are.
    static func linkingCitations(_ html: String) -> String {
        var result = ""
        var rest = Substring(html)
        while let open = rest.firstIndex(of: "[") {
            result += rest[..<open]
            let afterOpen = rest.index(after: open)
            let digits = rest[afterOpen...].prefix { $0.isASCII && $0.isNumber }
            let close = digits.endIndex
            guard !digits.isEmpty, close < rest.endIndex, rest[close] == "]" else {
                result += "["
                rest = rest[afterOpen...]
                continue
            }
            result += "<a href=\"#cite-\(digits)\">[\(digits)]</a>"
            rest = rest[rest.index(after: close)...]
        }
        return result + rest
    }
}
