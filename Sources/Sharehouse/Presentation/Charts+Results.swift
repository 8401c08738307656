/// Charts of query results, labelled in a language and its digits.
extension BarChart {
    /// One period's leaders, then "others" and what the source did not break down.
    /// `number` maps the result's citation numbers to the ones the page shows.
    public init(_ leaders: LeadersResult, names: [String: String], language: ReportLanguage = .english,
                digits: DigitStyle = .western, number: (Int) -> Int = { $0 }) {
        func name(_ code: String) -> String { names[code] ?? code }
        var bars = leaders.rows.map { Bar(label: name($0.entity), value: $0.value) }
        if let other = leaders.other { bars.append(Bar(label: language.text(.other), value: other, isAggregate: true)) }
        if let rest = leaders.notReported { bars.append(Bar(label: language.text(.notReported), value: rest, isAggregate: true)) }
        let sources = leaders.context.citations.map { "[\(digits.format(Double(number($0.number)), decimals: 0))] \($0.shortName)" }
        self.init(title: "\(language.text(.leadersChartTitle)) · \(leaders.period) · \(leaders.context.measure.name)",
                  summary: leaders.rows.prefix(5).map { "\(name($0.entity)) \(digits.percent($0.value.value, decimals: $0.value.decimals))" }
                      .joined(separator: ", "),
                  bars: bars, axisTitle: language.text(.shareAxis),
                  footnotes: ["\(language.text(.sourcesLine)) " + sources.joined(separator: "; ")],
                  style: ChartStyle(digits: digits, rightToLeft: language.isRightToLeft, isPercent: leaders.context.measure.unit == .percent))
    }
}

extension Citation {
    /// "Argaam, 2025-11-26": the source cited first and the snapshot's publication date.
    public var shortName: String {
        guard let first = sources.first else { return "snapshot \(snapshotID)" }
        return "\(first.publisher ?? first.key), \(publishedOn)"
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
        let sources = result.context.citations.map { "[\(digits.format(Double(number($0.number)), decimals: 0))] \($0.shortName)" }
        let span = periods.first.map { first in " (\(first) – \(periods.last!))" } ?? ""
        return LineChart(
            title: "\(language.text(.seriesChartTitle)) · \(result.context.measure.name)",
            summary: lines.map { line in
                let last = line.points.max { $0.period < $1.period }
                return "\(line.name): \(last.map { digits.percent($0.value.value, decimals: $0.value.decimals) } ?? "–")"
            }.joined(separator: "; ") + span,
            periods: periods.map(\.description), lines: lines, axisTitle: language.text(.shareAxis),
            revisedLabel: language.text(.revisedLater),
            footnotes: ["\(language.text(.sourcesLine)) " + sources.joined(separator: "; ")],
            style: ChartStyle(digits: digits, rightToLeft: language.isRightToLeft, isPercent: result.context.measure.unit == .percent))
    }
}
