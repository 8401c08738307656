import Foundation

/// The whole picture in one self-contained HTML file: who leads, by how much, in which
/// period, by which measure, and who says so; the leaders as a chart and a table, the
/// leaders over time, the same period in every source with each measure's definition,
/// and the numbered citations with their links and access notes.
public struct HTMLReportOptions: Sendable {
    public var language: ReportLanguage
    public var digits: DigitStyle
    public var scope: QueryScope
    /// Entities of the chart over time (default: the headline's top four).
    public var entities: [String]
    public var top: Int

    public init(language: ReportLanguage = .english, digits: DigitStyle = .western, scope: QueryScope = QueryScope(),
                entities: [String] = [], top: Int = 10) {
        self.language = language
        self.digits = digits
        self.scope = scope
        self.entities = entities
        self.top = top
    }
}

extension Warehouse {
    public func htmlReport(_ options: HTMLReportOptions = HTMLReportOptions()) throws -> String {
        let language = options.language, digits = options.digits
        let names = try entityNames(in: language)
        func name(_ code: String) -> String { names[code] ?? code }
        func cite(_ number: Int) -> String { "<a href=\"#cite-\(number)\">[\(digits.format(Double(number), decimals: 0))]</a>" }
        var page = HTMLPage(title: language.text(.reportTitle), language: language)
        var citations = PageCitations()
        page.append("<h1>\(HTMLPage.escape(language.text(.reportTitle)))</h1>")

        // The headline: who leads, by how much, when, by which measure, who says so.
        let leaders = try self.leaders(top: options.top, scope: options.scope)
        let measure = leaders.context.measure
        let leaderCitation = citations.number(leaders.citation, in: leaders.context.citations)
        page.append("<p class=\"lead\">\(headline(leaders, names: name, digits: digits, language: language, page: page)) \(cite(leaderCitation))</p>")
        page.append("<p class=\"note\">\(HTMLPage.escape(language.text(.measure))): \(HTMLPage.escape(measure.name)) (<code>\(HTMLPage.escape(measure.key))</code>). "
                    + "\(HTMLPage.escape(language.text(.universe))): \(HTMLPage.escape(measure.universe)). "
                    + "\(HTMLPage.escape(language.text(.attribution))): \(HTMLPage.escape(measure.attribution)).</p>")
        for note in leaders.context.notes { page.append("<p class=\"note\">\(HTMLPage.escape(note))</p>") }

        // Leaders: a bar chart and the table.
        page.append("<h2>\(HTMLPage.escape(language.text(.leaders))) · \(HTMLPage.escape(leaders.period.description))</h2>")
        var pageCitations = citations
        let barChart = BarChart(leaders, names: names, language: language, digits: digits) { pageCitations.number($0, in: leaders.context.citations) }
        citations = pageCitations
        page.append("<figure>\n\(barChart.svg())</figure>")
        var rows = leaders.rows.map { row in
            [digits.format(Double(row.rank), decimals: 0), HTMLPage.escape(name(row.entity)),
             HTMLPage.escape(digits.percent(row.value.value, decimals: row.value.decimals))]
        }
        if let other = leaders.other {
            rows.append(["", HTMLPage.escape("\(language.text(.other)) (\(digits.format(Double(leaders.otherCount), decimals: 0)))"),
                         HTMLPage.escape(digits.percent(other.value, decimals: other.decimals))])
        }
        if let rest = leaders.notReported {
            rows.append(["", HTMLPage.escape(language.text(.notReported)), HTMLPage.escape(digits.percent(rest.value, decimals: rest.decimals))])
        }
        page.append(HTMLPage.table(header: [language.text(.rank), language.text(.entity), language.text(.share)], rows: rows,
                                   numeric: [0, 2]))

        // Over time: the leaders' series in the share measure with the most periods.
        if let chart = try seriesChart(leaders: leaders, options: options, names: names, citations: &citations) {
            page.append("<h2>\(HTMLPage.escape(language.text(.series)))</h2>")
            page.append("<figure>\n\(chart.svg)</figure>")
            page.append("<p class=\"note\">\(HTMLPage.escape(language.text(.measure))): \(HTMLPage.escape(chart.measure.name)) "
                        + "(<code>\(HTMLPage.escape(chart.measure.key))</code>). \(HTMLPage.escape(chart.measure.universe)).</p>")
        }

        // The same period in every source and measure, with each measure's definition.
        if let across = try? crossSource(period: leaders.period, asOf: options.scope.asOf), !across.columns.isEmpty {
            page.append("<h2>\(HTMLPage.escape(language.text(.crossSource))) · \(HTMLPage.escape(leaders.period.description))</h2>")
            let header = [language.text(.entity)] + across.columns.map { column in
                "\(column.measure.key) · \(column.source)" + (column.isExactPeriod ? "" : " · \(column.period)")
            }
            let columnCitations = across.columns.map { citations.number($0.citation, in: across.citations) }
            var table = across.rows.prefix(15).map { row in
                [HTMLPage.escape(name(row.entity))] + zip(row.values, across.columns).map { value, column in
                    value.map { figure in
                        HTMLPage.escape(column.measure.unit == .percent ? digits.percent(figure.value, decimals: figure.decimals)
                                                                        : digits.format(figure.value, decimals: figure.decimals))
                    } ?? "–"
                }
            }
            table.append([HTMLPage.escape(language.text(.sources))] + columnCitations.map { cite($0) })
            page.append(HTMLPage.table(header: header, rows: table, numeric: Set(1...max(1, across.columns.count))))
            page.append("<p class=\"note\">\(HTMLPage.escape(language.text(.notComparable)))</p>")
            var seen = Set<String>()
            page.append("<dl>")
            for column in across.columns where seen.insert(column.measure.key).inserted {
                let definition = column.measure
                page.append("<dt><code>\(HTMLPage.escape(definition.key))</code>: \(HTMLPage.escape(definition.name))</dt>")
                page.append("<dd>\(HTMLPage.escape(language.text(.universe))): \(HTMLPage.escape(definition.universe)). "
                            + "\(HTMLPage.escape(language.text(.attribution))): \(HTMLPage.escape(definition.attribution)).</dd>")
            }
            page.append("</dl>")
            for note in across.notes { page.append("<p class=\"note\">\(HTMLPage.escape(note))</p>") }
        }

        // Who says so.
        page.append("<h2>\(HTMLPage.escape(language.text(.citations)))</h2>")
        page.append("<ol class=\"citations\">")
        for citation in citations.citations {
            page.append("<li id=\"cite-\(citation.number)\">\(citationMarkup(citation, language: language, digits: digits))</li>")
        }
        page.append("</ol>")
        page.append("<p class=\"note\">\(HTMLPage.escape(language.text(.generatedFrom))) <code>\(HTMLPage.escape((path as NSString).lastPathComponent))</code>.</p>")
        return page.render()
    }

    /// "China leads with 17.1% in 2024-09/2025-08, 1.3 points ahead of the United States
    /// (15.8%), by the measure ...", in the page's language.
    private func headline(_ leaders: LeadersResult, names: (String) -> String, digits: DigitStyle, language: ReportLanguage,
                          page: HTMLPage) -> String {
        guard let first = leaders.rows.first else { return HTMLPage.escape(language.text(.noFigures)) }
        let share = page.number(digits.percent(first.value.value, decimals: first.value.decimals))
        let period = "<bdi dir=\"ltr\">\(HTMLPage.escape(leaders.period.description))</bdi>"
        let measure = HTMLPage.escape(leaders.context.measure.name)
        let leader = "<strong>\(HTMLPage.escape(names(first.entity)))</strong>"
        guard let second = leaders.rows.dropFirst().first(where: { $0.entity != first.entity }) else {
            return language == .arabic ? "تتصدر \(leader) بحصة \(share) في \(period) حسب مقياس «\(measure)»."
                : "\(leader) leads with \(share) in \(period), by the measure “\(measure)”."
        }
        let decimals = max(first.value.decimals, second.value.decimals)
        let gap = page.number(digits.format(first.value.value - second.value.value, decimals: decimals))
        let runnerUp = HTMLPage.escape(names(second.entity))
        let secondShare = page.number(digits.percent(second.value.value, decimals: second.value.decimals))
        switch language {
        case .english:
            return "\(leader) leads with \(share) in \(period), \(gap) points ahead of \(runnerUp) (\(secondShare)), by the measure “\(measure)”."
        case .arabic:
            return "تتصدر \(leader) بحصة \(share) في \(period)، متقدمةً بفارق \(gap) نقطة على \(runnerUp) (\(secondShare))، حسب مقياس «\(measure)»."
        }
    }

    private struct SeriesChart {
        let svg: String
        let measure: Measure
    }

    /// The leaders (or the chosen entities) over time, in the headline's measure when it
    /// has several periods, else in the share measure with the most periods.
    private func seriesChart(leaders: LeadersResult, options: HTMLReportOptions, names: [String: String],
                             citations: inout PageCitations) throws -> SeriesChart? {
        let candidates = try measures().filter { $0.unit == .percent }
        var best: (measure: Measure, result: SeriesResult)?
        let codes = options.entities.isEmpty ? Array(leaders.rows.prefix(4).map(\.entity)) : options.entities
        guard !codes.isEmpty else { return nil }
        for measure in candidates {
            var scope = options.scope
            scope.measure = measure.key
            guard let result = try? series(entities: codes, scope: scope) else { continue }
            let periods = Set(result.points.map(\.period)).count
            let isHeadline = measure.key == leaders.context.measure.key
            if periods >= 3, isHeadline { best = (measure, result); break }
            if periods >= 3, periods > (best.map { Set($0.result.points.map(\.period)).count } ?? 0) { best = (measure, result) }
        }
        guard let (measure, result) = best else { return nil }
        var pageCitations = citations
        let chart = try lineChart(result, scope: options.scope, names: names, language: options.language, digits: options.digits) {
            pageCitations.number($0, in: result.context.citations)
        }
        citations = pageCitations
        return SeriesChart(svg: chart.svg(), measure: measure)
    }

    /// A citation with its chain: the source cited (linked), then what it relays.
    private func citationMarkup(_ citation: Citation, language: ReportLanguage, digits: DigitStyle) -> String {
        var parts: [String] = []
        for (depth, source) in citation.sources.enumerated() {
            var text = depth == 0 ? "" : "↳ "
            if let publisher = source.publisher { text += HTMLPage.escape(publisher) + ", " }
            let title = "“\(HTMLPage.escape(source.title))”"
            text += source.url.map { "<a href=\"\(HTMLPage.escape($0))\">\(title)</a>" } ?? title
            if let published = source.publishedOn { text += ", <bdi dir=\"ltr\">\(published)</bdi>" }
            if let note = source.accessNote { text += " <span class=\"note\">(\(HTMLPage.escape(note)))</span>" }
            parts.append(text)
        }
        parts.append("<span class=\"note\">\(HTMLPage.escape(language.text(.measure))) <code>\(HTMLPage.escape(citation.measure))</code>, "
                     + "\(HTMLPage.escape(language.text(.published))) <bdi dir=\"ltr\">\(citation.publishedOn)</bdi>, "
                     + "\(HTMLPage.escape(language.text(.verified))): \(citation.verification.rawValue)</span>")
        return parts.joined(separator: "<br/>")
    }
}
