public import Sharehouse

extension BarChart {
    /// One period's leaders, then "others" and what the source did not break down. The
    /// title names the period; the measure, often long, is the subtitle. `number` maps the
    /// result's citation numbers to the ones the page shows.
    public init(
        _ leaders: LeadersResult, names: [String: String], language: ReportLanguage = .english,
        digits: DigitStyle = .western, number: (Int) -> Int = { $0 }
    ) {
        func name(_ code: String) -> String { names[code] ?? code }
        let style = ChartStyle(digits: digits, language: language, isPercent: leaders.context.measure.unit == .percent)
        var bars = leaders.rows.map { Bar(label: name($0.entity), value: $0.value) }
        if let other = leaders.other { bars.append(Bar(label: language.text(.other), value: other, isAggregate: true)) }
        if let rest = leaders.notReported { bars.append(Bar(label: language.text(.notReported), value: rest, isAggregate: true)) }
        let heading = language.text(.leadersChartTitle)
        self.init(
            title: "\(heading) · \(BidiText.leftToRight(leaders.period.description, after: heading, language: language))",
            subtitle: BidiText.leftToRight(leaders.context.measure.name, after: "", language: language),
            summary: leaders.rows.prefix(5).map { row in
                let entity = name(row.entity)
                return "\(entity) \(BidiText.leftToRight(style.figure(row.value.value, decimals: row.value.decimals), after: entity))"
            }.joined(separator: ", "),
            bars: bars, axisTitle: language.text(style.isPercent ? .shareAxis : .countAxis),
            footnotes: [Citation.footnote(leaders.context.citations, language: language, digits: digits, number: number)],
            style: style)
    }
}
