public import Sharehouse

extension LineChart {
    /// The line chart of a series, each point in `revised` (``/Sharehouse/Warehouse/revisedPoints(of:scope:)``)
    /// marked as revised by a later publication. `number` maps the result's citation
    /// numbers to the ones the page shows.
    public init(
        _ result: SeriesResult, revised: Set<SeriesPointKey>, names: [String: String],
        language: ReportLanguage = .english, digits: DigitStyle = .western, number: (Int) -> Int = { $0 }
    ) {
        let style = ChartStyle(digits: digits, language: language, isPercent: result.context.measure.unit == .percent)
        let periods = Array(Set(result.points.map(\.period))).sorted()
        let index = Dictionary(uniqueKeysWithValues: periods.enumerated().map { ($1, $0) })
        let lines = result.entities.map { code in
            LineChart.Line(
                name: names[code] ?? code,
                points: result.points.filter { $0.entity == code }.map { point in
                    LineChart.Point(
                        period: index[point.period]!, value: point.value,
                        isRevised: revised.contains(SeriesPointKey(period: point.period, entity: point.entity, source: point.source)))
                })
        }
        let span =
            periods.first.map { first in " (\(BidiText.leftToRight("\(first) – \(periods.last!)", after: "", language: language)))" } ?? ""
        self.init(
            title: language.text(style.isPercent ? .seriesChartTitle : .countSeriesChartTitle),
            subtitle: BidiText.leftToRight(result.context.measure.name, after: "", language: language),
            summary: lines.map { line in
                let last = line.points.max { $0.period < $1.period }
                let figure = last.map { style.figure($0.value.value, decimals: $0.value.decimals) } ?? "–"
                return "\(line.name): \(BidiText.leftToRight(figure, after: line.name))"
            }.joined(separator: "; ") + span,
            periods: periods.map(\.description), lines: lines, axisTitle: language.text(style.isPercent ? .shareAxis : .countAxis),
            revisedLabel: language.text(.revisedLater),
            footnotes: [Citation.footnote(result.context.citations, language: language, digits: digits, number: number)],
            style: style)
        noFiguresLabel = language.text(.noFigures)
    }
}
