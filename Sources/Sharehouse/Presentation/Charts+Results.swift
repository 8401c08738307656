/// Charts of query results, labelled in a language and its digits.
extension BarChart {
    /// One period's leaders, then "others" and what the source did not break down. The
    /// title names the period; the measure, often long, is the subtitle. `number` maps the
    /// result's citation numbers to the ones the page shows.
    public init(_ leaders: LeadersResult, names: [String: String], language: ReportLanguage = .english,
                digits: DigitStyle = .western, number: (Int) -> Int = { $0 }) {
        func name(_ code: String) -> String { names[code] ?? code }
        let style = ChartStyle(digits: digits, language: language, isPercent: leaders.context.measure.unit == .percent)
        var bars = leaders.rows.map { Bar(label: name($0.entity), value: $0.value) }
        if let other = leaders.other { bars.append(Bar(label: language.text(.other), value: other, isAggregate: true)) }
        if let rest = leaders.notReported { bars.append(Bar(label: language.text(.notReported), value: rest, isAggregate: true)) }
        let heading = language.text(.leadersChartTitle)
        self.init(title: "\(heading) · \(BidiText.leftToRight(leaders.period.description, after: heading, language: language))",
                  subtitle: leaders.context.measure.name,
                  summary: leaders.rows.prefix(5).map { row in
                      let entity = name(row.entity)
                      return "\(entity) \(BidiText.leftToRight(style.figure(row.value.value, decimals: row.value.decimals), after: entity))"
                  }.joined(separator: ", "),
                  bars: bars, axisTitle: language.text(style.isPercent ? .shareAxis : .countAxis),
                  footnotes: [Citation.footnote(leaders.context.citations, language: language, digits: digits, number: number)],
                  style: style)
    }
}

extension Citation {
    /// "Argaam, 2025-11-26": the source cited first and the snapshot's publication date
    /// (kept left to right after an Arabic name).
    public var shortName: String {
        guard let first = sources.first else { return "snapshot \(snapshotID)" }
        let publisher = first.publisher ?? first.key
        return "\(publisher), \(BidiText.leftToRight(publishedOn.description, after: publisher))"
    }

    /// "Sources: [1] Argaam, 2025-11-26; [2] ...", each source once: two snapshots of
    /// one publication (two measures of one article) share an entry, "[2, 6]".
    static func footnote(_ citations: [Citation], language: ReportLanguage, digits: DigitStyle, number: (Int) -> Int) -> String {
        var entries: [(name: String, numbers: [Int])] = []
        for citation in citations {
            let page = number(citation.number)
            if let index = entries.firstIndex(where: { $0.name == citation.shortName }) {
                if !entries[index].numbers.contains(page) { entries[index].numbers.append(page) }
            } else {
                entries.append((citation.shortName, [page]))
            }
        }
        let separator = language == .arabic ? "، " : ", "
        let list = entries.map { entry in
            "[\(entry.numbers.map { digits.format(Double($0), decimals: 0) }.joined(separator: separator))] \(entry.name)"
        }
        return "\(language.text(.sourcesLine)) " + list.joined(separator: language == .arabic ? "؛ " : "; ")
    }
}

extension Warehouse {
    /// The line chart of a series, each point marked where a later publication revised
    /// its figure. `number` maps the result's citation numbers to the ones the page shows.
    public func lineChart(_ result: SeriesResult, scope: QueryScope = QueryScope(), names: [String: String],
                          language: ReportLanguage = .english, digits: DigitStyle = .western,
                          number: (Int) -> Int = { $0 }) throws -> LineChart {
        var scope = scope
        scope.measure = result.context.measure.key
        let style = ChartStyle(digits: digits, language: language, isPercent: result.context.measure.unit == .percent)
        let history = try revisions(entities: result.entities, scope: scope)
        let revised = Set(history.rows.filter { ($0.change ?? 0) != 0 }.map { "\($0.period)|\($0.entity)|\($0.source)" })
        let periods = Array(Set(result.points.map(\.period))).sorted()
        let index = Dictionary(uniqueKeysWithValues: periods.enumerated().map { ($1, $0) })
        let lines = result.entities.map { code in
            LineChart.Line(name: names[code] ?? code, points: result.points.filter { $0.entity == code }.map { point in
                LineChart.Point(period: index[point.period]!, value: point.value,
                                isRevised: revised.contains("\(point.period)|\(point.entity)|\(point.source)"))
            })
        }
        let span = periods.first.map { first in " (\(BidiText.leftToRight("\(first) – \(periods.last!)", after: "", language: language)))" } ?? ""
        var chart = LineChart(
            title: language.text(style.isPercent ? .seriesChartTitle : .countSeriesChartTitle),
            subtitle: result.context.measure.name,
            summary: lines.map { line in
                let last = line.points.max { $0.period < $1.period }
                let figure = last.map { style.figure($0.value.value, decimals: $0.value.decimals) } ?? "–"
                return "\(line.name): \(BidiText.leftToRight(figure, after: line.name))"
            }.joined(separator: "; ") + span,
            periods: periods.map(\.description), lines: lines, axisTitle: language.text(style.isPercent ? .shareAxis : .countAxis),
            revisedLabel: language.text(.revisedLater),
            footnotes: [Citation.footnote(result.context.citations, language: language, digits: digits, number: number)],
            style: style)
        chart.noFiguresLabel = language.text(.noFigures)
        return chart
    }
}
