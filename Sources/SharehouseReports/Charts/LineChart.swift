public import Sharehouse

/// A line chart of shares over periods: one line per entity, a y axis in percent from 0,
/// a legend, each line's last value at its end, points marked where the figure was
/// revised in a later publication, and the sources under it. Written as SVG text, the
/// same bytes for the same data; with `<title>` and `<desc>` for screen readers.
public struct LineChart: Sendable {
    /// One figure of a line.
    public struct Point: Sendable {
        /// The index of the point's period in `periods`.
        public var period: Int
        /// The figure as published.
        public var value: PublishedValue
        /// True when a later publication revised the figure: the point gets a ring.
        public var isRevised: Bool

        /// A point of `value` in the period at index `period`.
        public init(period: Int, value: PublishedValue, isRevised: Bool = false) {
            self.period = period
            self.value = value
            self.isRevised = isRevised
        }
    }

    /// One entity's line.
    public struct Line: Sendable {
        /// The entity's name, for the legend and the line's end.
        public var name: String
        /// The line's points, in period order; a gap where a period has none.
        public var points: [Point]

        /// A line named `name` through `points`.
        public init(name: String, points: [Point]) {
            self.name = name
            self.points = points
        }
    }

    /// The chart's title.
    public var title: String
    /// A second, smaller line under the title (the measure), shortened to fit.
    public var subtitle: String?
    /// What the chart shows, in words, for screen readers.
    public var summary: String
    /// The periods along the x axis, in order.
    public var periods: [String]
    /// The lines, one per entity.
    public var lines: [Line]
    /// The title of the y axis.
    public var axisTitle: String
    /// The legend's words for a revised point.
    public var revisedLabel: String
    /// Said in the legend of a line without a single figure, which draws nothing.
    public var noFiguresLabel = "no figures"
    /// Lines under the chart: its sources and notes.
    public var footnotes: [String]
    /// Digits, language, and whether the figures are shares.
    public var style: ChartStyle
    /// The chart's width in SVG units.
    public var width = 760.0
    /// The height of the plot area in SVG units.
    public var plotHeight = 300.0
    /// The start of the ids of the chart's `<title>` and `<desc>`: two charts on one page
    /// need two prefixes.
    public var idPrefix = "chart"

    /// A line chart of `lines` over `periods`, with its words and style.
    public init(
        title: String, subtitle: String? = nil, summary: String, periods: [String], lines: [Line], axisTitle: String,
        revisedLabel: String, footnotes: [String], style: ChartStyle = ChartStyle()
    ) {
        self.title = title
        self.subtitle = subtitle
        self.summary = summary
        self.periods = periods
        self.lines = lines
        self.axisTitle = axisTitle
        self.revisedLabel = revisedLabel
        self.footnotes = footnotes
        self.style = style
    }

    /// The chart as an SVG document.
    public func svg() -> String {
        let n = SVGWriter.number
        let maximum = lines.flatMap(\.points).map(\.value.value).max() ?? 1
        let ticks = AxisTicks.nice(minimum: 0, maximum: maximum)
        let yMaximum = ticks.last ?? 1
        let tickLabels = style.tickLabels(ticks)

        // The legend: a stroke and a marker per line, then the revised-point ring; in rows.
        let hasRevised = lines.contains { $0.points.contains(where: \.isRevised) }
        let legendTexts = lines.map { $0.points.isEmpty ? "\($0.name) (\(noFiguresLabel))" : $0.name } + (hasRevised ? [revisedLabel] : [])
        let legendWidths = legendTexts.enumerated().map { index, text in
            (index < lines.count && !lines[index].points.isEmpty ? 34 : 18) + TextMetrics.width(text, fontSize: 12)
        }
        let legend = LegendLayout.rows(legendWidths, left: 16, right: width - 16, gap: 14)
        let legendTop = subtitle == nil ? 48.0 : 62.0
        let legendRows = Double((legend.map(\.row).max() ?? 0) + 1)
        let top = legendTop + (legendRows - 1) * 18 + 30

        // Room for the widest tick label on the left and the widest end label on the right.
        let ends = lines.map { $0.points.max { $0.period < $1.period } }
        let endLabels = zip(lines, ends).map { line, end in
            end.map { "\(line.name) \(BidiText.leftToRight(style.figure($0.value.value, decimals: $0.value.decimals), after: line.name))" }
        }
        let plotLeft = max(56, 16 + (tickLabels.map { TextMetrics.width($0, fontSize: 12) }.max() ?? 0) + 6)
        let endWidth = endLabels.compactMap { $0.map { TextMetrics.width($0, fontSize: 12) } }.max() ?? 0
        let plotRight = width - min(width * 0.35, max(40, endWidth + 24))
        let footnoteLines = footnotes.flatMap { TextMetrics.wrap($0, toWidth: width - 32, fontSize: 11) }
        let plotBottom = top + plotHeight
        let height = plotBottom + 44 + Double(footnoteLines.count) * 15 + 8
        func x(_ index: Int) -> Double {
            periods.count < 2 ? (plotLeft + plotRight) / 2 : plotLeft + Double(index) * (plotRight - plotLeft) / Double(periods.count - 1)
        }
        func y(_ value: Double) -> Double { plotBottom - value / yMaximum * plotHeight }

        var svg = SVGWriter()
        svg.open("svg", ChartFrame.root(width: width, height: height, idPrefix: idPrefix))
        ChartFrame.heading(
            title: title, subtitle: subtitle, summary: summary, width: width, height: height, idPrefix: idPrefix,
            language: style.language, in: &svg)

        svg.open("g", ["class": "legend"])
        for (index, text) in legendTexts.enumerated() {
            let entryX = legend[index].x
            let entryY = legendTop + Double(legend[index].row) * 18
            if index >= lines.count {
                svg.element(
                    "circle", ["cx": n(entryX + 6), "cy": n(entryY), "r": "6", "fill": "none", "stroke": "#000000", "stroke-width": "1.5"])
                svg.element("text", ["x": n(entryX + 18), "y": n(entryY + 4)], content: text)
            } else if lines[index].points.isEmpty {
                svg.element("text", ["x": n(entryX), "y": n(entryY + 4), "fill": "#666666"], content: text)
            } else {
                svg.element(
                    "line",
                    [
                        "x1": n(entryX), "y1": n(entryY), "x2": n(entryX + 28), "y2": n(entryY), "stroke": ChartStyle.color(index),
                        "stroke-width": "2", "stroke-dasharray": ChartStyle.dash(index),
                    ])
                ChartStyle.marker(ChartStyle.marker(index), x: entryX + 14, y: entryY, size: 3.5, fill: ChartStyle.color(index), in: &svg)
                svg.element("text", ["x": n(entryX + 34), "y": n(entryY + 4)], content: text)
            }
        }
        svg.close("g")

        // Axes: grid lines at round values.
        svg.open("g", ["class": "axes"])
        svg.element("text", ["x": n(16), "y": n(top - 10), "fill": "#444444"], content: axisTitle)
        for (tick, label) in zip(ticks, tickLabels) {
            svg.element(
                "line",
                [
                    "x1": n(plotLeft), "y1": n(y(tick)), "x2": n(plotRight), "y2": n(y(tick)),
                    "stroke": tick == 0 ? "#444444" : "#dddddd", "stroke-width": "1",
                ])
            svg.element("text", ["x": n(plotLeft - 6), "y": n(y(tick) + 4), "text-anchor": "end", "fill": "#444444"], content: label)
        }
        let every = LabelPlacement.stride(
            labelWidth: (periods.map { TextMetrics.width($0, fontSize: 12) }.max() ?? 40) + 8,
            spacing: periods.count < 2 ? plotRight - plotLeft : (plotRight - plotLeft) / Double(periods.count - 1))
        for (index, period) in periods.enumerated() where index % every == 0 || index == periods.count - 1 {
            if index != periods.count - 1, periods.count - 1 - index < every { continue }  // keep the last label clear
            svg.element("line", ["x1": n(x(index)), "y1": n(plotBottom), "x2": n(x(index)), "y2": n(plotBottom + 4), "stroke": "#444444"])
            svg.element(
                "text", ["x": n(x(index)), "y": n(plotBottom + 18), "text-anchor": "middle", "fill": "#444444"],
                content: period)
        }
        svg.close("g")

        // The lines, their markers, and the revised points' rings.
        for (index, line) in lines.enumerated() where !line.points.isEmpty {
            let color = ChartStyle.color(index)
            let points = line.points.sorted { $0.period < $1.period }
            svg.open("g", ["class": "series", "data-entity": line.name])
            if points.count > 1 {
                svg.element(
                    "polyline",
                    [
                        "points": points.map { "\(n(x($0.period))),\(n(y($0.value.value)))" }.joined(separator: " "),
                        "fill": "none", "stroke": color, "stroke-width": "2",
                        "stroke-dasharray": ChartStyle.dash(index), "stroke-linejoin": "round",
                    ])
            }
            for point in points {
                ChartStyle.marker(ChartStyle.marker(index), x: x(point.period), y: y(point.value.value), size: 3, fill: color, in: &svg)
                if point.isRevised {
                    svg.element(
                        "circle",
                        [
                            "cx": n(x(point.period)), "cy": n(y(point.value.value)), "r": "6", "fill": "none",
                            "stroke": "#000000", "stroke-width": "1.5",
                        ])
                }
            }
            svg.close("g")
        }

        // Each line's last value at its end, spread so that no two overlap.
        let wanted = ends.map { $0.map { y($0.value.value) + 4 } ?? plotBottom }
        let placed = LabelPlacement.spread(wanted, gap: 14, within: top...(plotBottom + 4))
        svg.open("g", ["class": "end-labels"])
        for (index, label) in endLabels.enumerated() {
            guard let label else { continue }
            svg.element("text", ["x": n(plotRight + 8), "y": n(placed[index]), "fill": ChartStyle.color(index)], content: label)
        }
        svg.close("g")

        ChartFrame.footnotes(footnoteLines, top: plotBottom + 44, language: style.language, in: &svg)
        svg.close("svg")
        return svg.text
    }
}
