public import Sharehouse

/// The whole picture in one self-contained HTML file: who leads, by how much, in which
/// period, by which measure, and who says so; the leaders as a chart and a table, the
/// leaders over time, the same period in every source with each measure's definition,
/// and the numbered citations with their links and access notes. The data is the
/// library's ``/Sharehouse/Overview``; this only writes it.
public enum OverviewPage {
    /// `overview` as a page in `language` and `digits`; `names` are entity names in that
    /// language (``/Sharehouse/Warehouse/entityNames(in:)``).
    public static func render(
        _ overview: Overview, names: [String: String], language: ReportLanguage = .english,
        digits: DigitStyle = .western
    ) -> String {
        func name(_ code: String) -> String { names[code] ?? code }
        func cite(_ number: Int) -> String { "<a href=\"#cite-\(number)\">[\(digits.format(Double(number), decimals: 0))]</a>" }
        var page = HTMLPage(title: language.text(.reportTitle), language: language, digits: digits)
        func notes(_ list: [ReportNote]) {
            for note in list {
                page.append("<p class=\"note\">\(HTMLPage.escape(language.text(note, digits: digits, names: names)))</p>")
            }
        }
        var citations = CitationList()
        page.append("<h1>\(HTMLPage.escape(language.text(.reportTitle)))</h1>")

        // The headline: who leads, by how much, when, by which measure, who says so.
        let headline = overview.headline
        let measure = headline.context.measure
        let headlineCitation = citations.number(headline.citation, in: headline.context.citations)
        page.append(
            "<p class=\"lead\">\(language.headline(headline, names: name, digits: digits, markup: .html(page))) \(cite(headlineCitation))</p>"
        )
        page.append(
            "<p class=\"note\">\(HTMLPage.escape(language.text(.measure))): \(page.phrase(measure.name)) (\(HTMLPage.code(measure.key))). "
                + "\(HTMLPage.escape(language.text(.universe))): \(page.phrase(measure.universe)). "
                + "\(HTMLPage.escape(language.text(.attribution))): \(page.phrase(measure.attribution)).</p>")
        notes(headline.context.notes)

        // Leaders: a bar chart and the table, of the headline's own figures (one source per
        // period, the fullest: the page tells one story).
        let across = overview.crossSource
        let leaders = headline
        page.append("<h2>\(HTMLPage.escape(language.text(.leaders))) · \(page.number(leaders.period.description))</h2>")
        var pageCitations = citations
        var barChart = BarChart(leaders, names: names, language: language, digits: digits) {
            pageCitations.number($0, in: leaders.context.citations)
        }
        barChart.idPrefix = "leaders-chart"
        citations = pageCitations
        page.append("<figure>\n\(barChart.svg())</figure>")
        let isPercent = leaders.context.measure.unit == .percent
        func figure(_ value: Double, _ decimals: Int) -> String {
            HTMLPage.escape(isPercent ? digits.percent(value, decimals: decimals) : digits.grouped(value, decimals: decimals))
        }
        var rows = leaders.rows.map { row in
            [digits.format(Double(row.rank), decimals: 0), HTMLPage.escape(name(row.entity)), figure(row.value.value, row.value.decimals)]
        }
        if let other = leaders.other {
            rows.append([
                "",
                HTMLPage.escape(language.text(.other)) + " (" + page.number(digits.format(Double(leaders.otherCount), decimals: 0)) + ")",
                figure(other.value, other.decimals),
            ])
        }
        if let rest = leaders.notReported {
            rows.append(["", HTMLPage.escape(language.text(.notReported)), figure(rest.value, rest.decimals)])
        }
        page.append(
            HTMLPage.table(
                header: [language.text(.rank), language.text(.entity), language.text(isPercent ? .share : .value)],
                rows: rows, numeric: [0, 2]))

        // Over time: the leaders' series in the headline's measure, or the share measure
        // with the most periods; the heading names the measure, which may differ.
        if let series = overview.series {
            let chart = seriesChart(series, names: names, language: language, digits: digits, citations: &citations)
            let borrowed = series.isHeadlineMeasure ? "" : " (\(HTMLPage.escape(language.text(.anotherMeasure))))"
            page.append("<h2>\(HTMLPage.escape(language.text(.series))) · \(page.phrase(chart.measure.name))\(borrowed)</h2>")
            page.append("<figure>\n\(chart.svg)</figure>")
            page.append(
                "<p class=\"note\">\(HTMLPage.escape(language.text(.measure))): \(page.phrase(chart.measure.name)) "
                    + "(\(HTMLPage.code(chart.measure.key))). \(page.phrase(chart.measure.universe)).</p>")
        }

        // The same period in every source and measure, with each measure's definition.
        if let across, !across.columns.isEmpty {
            page.append("<h2>\(HTMLPage.escape(language.text(.crossSource))) · \(page.number(headline.period.description))</h2>")
            // A column is named by its source and measure as people say them; the keys stay,
            // small, for whoever queries the warehouse.
            let header =
                [HTMLPage.escape(language.text(.entity))]
                + across.columns.map { column in
                    let source =
                        across.citations.first { $0.number == column.citation }.map { $0.sources.first?.publisher ?? column.source }
                        ?? column.source
                    var cell = page.phrase(source)
                    if !column.isExactPeriod { cell += " · \(page.number(column.period.description))" }
                    return cell + "<span class=\"measure\">\(page.phrase(column.measure.name))</span>"
                        + "<small>\(HTMLPage.code(column.measure.key)) \(HTMLPage.code(column.source))</small>"
                }
            let columnCitations = across.columns.map { citations.number($0.citation, in: across.citations) }
            var table = across.rows.prefix(15).map { row in
                [HTMLPage.escape(name(row.entity))]
                    + zip(row.values, across.columns).map { value, column in
                        value.map { figure in
                            HTMLPage.escape(
                                column.measure.unit == .percent
                                    ? digits.percent(figure.value, decimals: figure.decimals)
                                    : digits.grouped(figure.value, decimals: figure.decimals))
                        } ?? "–"
                    }
            }
            table.append([HTMLPage.escape(language.text(.sources))] + columnCitations.map { cite($0) })
            page.append(HTMLPage.table(headerMarkup: header, rows: table, numeric: Set(1...max(1, across.columns.count))))
            page.append("<p class=\"note\">\(HTMLPage.escape(language.text(.notComparable)))</p>")
            var seen = Set<String>()
            page.append("<dl>")
            for column in across.columns where seen.insert(column.measure.key).inserted {
                let definition = column.measure
                page.append("<dt>\(HTMLPage.code(definition.key)): \(page.phrase(definition.name))</dt>")
                page.append(
                    "<dd>\(HTMLPage.escape(language.text(.universe))): \(page.phrase(definition.universe)). "
                        + "\(HTMLPage.escape(language.text(.attribution))): \(page.phrase(definition.attribution)).</dd>")
            }
            page.append("</dl>")
            notes(across.notes)
        }

        // Who is behind the leading country of a share derived from the Hub's counts.
        if let behind = overview.behindLeader {
            let cited = citations.number(behind.citation, in: behind.citations)
            page.append(
                "<h2>\(HTMLPage.escape(language.text(.behindLeader))) · \(HTMLPage.escape(name(behind.entity))) · "
                    + "\(page.number(behind.period.description)) \(cite(cited))</h2>")
            let header = [
                language.header(.contributor), language.header(.downloads), language.header(.ofEntity), language.header(.ofAll),
            ].map { HTMLPage.escape(sentenceCase($0)) }
            let rows = behind.organisations.map { organisation in
                [
                    page.phrase(organisation.author), HTMLPage.escape(digits.grouped(organisation.downloads.rounded(), decimals: 0)),
                    HTMLPage.escape(digits.percent(organisation.shareOfEntity, decimals: 2)),
                    HTMLPage.escape(digits.percent(organisation.shareOfTotal, decimals: 2)),
                ]
            }
            page.append(HTMLPage.table(headerMarkup: header, rows: rows, numeric: [1, 2, 3]))
            page.append(
                "<p class=\"note\">\(HTMLPage.escape(language.text(.measure))): \(page.phrase(behind.measure.name)) "
                    + "(\(HTMLPage.code(behind.measure.key))).</p>")
        }

        // Who says so.
        page.append("<h2>\(HTMLPage.escape(language.text(.citations)))</h2>")
        page.append("<ol class=\"citations\">")
        // Two snapshots of one publication (two measures of one article) keep their own
        // numbers, but the publication is written out once; the second points to the first.
        var firstBySources: [[String]: Int] = [:]
        for citation in citations.citations {
            let chain = citation.sources.map(\.key)
            let earlier = firstBySources[chain]
            if earlier == nil { firstBySources[chain] = citation.number }
            page.append(
                "<li id=\"cite-\(citation.number)\">\(citationMarkup(citation, sameSourcesAs: earlier.map(cite), language: language, page: page))</li>"
            )
        }
        page.append("</ol>")
        page.append(
            "<p class=\"note\">\(HTMLPage.escape(language.text(.generatedFrom))) \(HTMLPage.code(overview.fileName)).</p>")
        return page.render()
    }

    /// "China leads with 17.1% in 2024-09/2025-08, 1.3 points ahead of the United States
    /// (15.8%), by the measure ...", in the page's language.
    private struct SeriesChart {
        let svg: String
        let measure: Measure
    }

    /// The overview's series as a line chart, its citations numbered as the page's.
    /// A text table's header ("OF ALL") as a page's ("Of all"), as the page's other tables.
    private static func sentenceCase(_ header: String) -> String {
        guard let first = header.first else { return header }
        return String(first) + header.dropFirst().lowercased()
    }

    private static func seriesChart(
        _ series: OverviewSeries, names: [String: String], language: ReportLanguage, digits: DigitStyle,
        citations: inout CitationList
    ) -> SeriesChart {
        var pageCitations = citations
        var chart = LineChart(series.result, revised: series.revised, names: names, language: language, digits: digits) {
            pageCitations.number($0, in: series.result.context.citations)
        }
        chart.idPrefix = "series-chart"
        citations = pageCitations
        return SeriesChart(svg: chart.svg(), measure: series.measure)
    }

    /// A citation with its chain: the source cited (linked), then what it relays. Titles
    /// and notes are isolated on an Arabic page; dates kept left to right.
    private static func citationMarkup(_ citation: Citation, sameSourcesAs earlier: String?, language: ReportLanguage, page: HTMLPage)
        -> String
    {
        let comma = language.comma
        var parts: [String] = []
        if let earlier { parts.append("\(HTMLPage.escape(language.text(.sameSourcesAs))) \(earlier)") }
        for (depth, source) in citation.sources.enumerated() where earlier == nil {
            var text = depth == 0 ? "" : "↳ "
            if let publisher = source.publisher { text += page.phrase(publisher) + comma }
            let title = page.phrase(language.quoted(source.title))
            text += source.url.map { "<a href=\"\(HTMLPage.escape($0))\">\(title)</a>" } ?? title
            if let published = source.publishedOn { text += comma + page.number(published.description) }
            if let note = source.accessNote { text += " <span class=\"note\">\(page.phrase("(\(note))"))</span>" }
            parts.append(text)
        }
        parts.append(
            "<span class=\"note\">\(HTMLPage.escape(language.text(.measure))) \(HTMLPage.code(citation.measure))\(comma)"
                + "\(HTMLPage.escape(language.text(.published))) \(page.number(citation.publishedOn.description))\(comma)"
                + "\(HTMLPage.escape(language.text(.verified))): \(HTMLPage.escape(language.verification(citation.verification)))</span>")
        return parts.joined(separator: "<br/>")
    }
}
