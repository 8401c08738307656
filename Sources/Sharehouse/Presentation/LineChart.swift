/// A line chart of shares over periods: one line per entity, a y axis in percent from 0,
/// a legend, each line's last value at its end, points marked where the figure was
/// revised in a later publication, and the sources under it. Written as SVG text, the
/// same bytes for the same data; with `<title>` and `<desc>` for screen readers.
public struct LineChart: Sendable {
    public struct Point: Sendable {
        /// The index of the point's period in `periods`.
        public var period: Int
        public var value: PublishedValue
        public var isRevised: Bool

        public init(period: Int, value: PublishedValue, isRevised: Bool = false) {
            self.period = period
            self.value = value
            self.isRevised = isRevised
        }
    }

    public struct Line: Sendable {
        public var name: String
        public var points: [Point]

        public init(name: String, points: [Point]) {
            self.name = name
            self.points = points
        }
    }

    public var title: String
    /// What the chart shows, in words, for screen readers.
    public var summary: String
    public var periods: [String]
    public var lines: [Line]
    public var axisTitle: String
    public var revisedLabel: String
    public var footnotes: [String]
    public var style: ChartStyle
    public var width = 760.0
    public var plotHeight = 300.0

    public init(title: String, summary: String, periods: [String], lines: [Line], axisTitle: String,
                revisedLabel: String, footnotes: [String], style: ChartStyle = ChartStyle()) {
        self.title = title
        self.summary = summary
        self.periods = periods
        self.lines = lines
        self.axisTitle = axisTitle
        self.revisedLabel = revisedLabel
        self.footnotes = footnotes
        self.style = style
    }

    public func svg() -> String {
        let n = SVGWriter.number
        let left = 56.0, right = 170.0, top = 78.0
        let plotLeft = left, plotRight = width - right
        let footnoteLines = footnotes.flatMap { ChartStyle.wrap($0, width: 120) }
        let plotBottom = top + plotHeight
        let height = plotBottom + 44 + Double(footnoteLines.count) * 15 + 8
        let maximum = lines.flatMap(\.points).map(\.value.value).max() ?? 1
        let ticks = AxisTicks.nice(minimum: 0, maximum: maximum)
        let yMaximum = ticks.last ?? 1
        let tickDecimals = AxisTicks.decimalsOfStep(ticks.count > 1 ? ticks[1] - ticks[0] : 1)
        func x(_ index: Int) -> Double {
            periods.count < 2 ? (plotLeft + plotRight) / 2 : plotLeft + Double(index) * (plotRight - plotLeft) / Double(periods.count - 1)
        }
        func y(_ value: Double) -> Double { plotBottom - value / yMaximum * plotHeight }

        var svg = SVGWriter()
        svg.open("svg", ["xmlns": "http://www.w3.org/2000/svg", "width": n(width), "height": n(height),
                         "viewBox": "0 0 \(n(width)) \(n(height))", "role": "img", "aria-labelledby": "chart-title chart-desc",
                         "font-family": "Helvetica, Arial, sans-serif", "font-size": "12"])
        svg.element("title", ["id": "chart-title"], content: title)
        svg.element("desc", ["id": "chart-desc"], content: summary)
        svg.element("rect", ["width": n(width), "height": n(height), "fill": "#ffffff"])
        svg.element("text", title(x: style.rightToLeft ? width - 16 : 16), content: title)

        // Legend: a stroke and a marker per line, then the revised-point marker.
        svg.open("g", ["class": "legend"])
        var legendX = 16.0
        for (index, line) in lines.enumerated() {
            svg.element("line", ["x1": n(legendX), "y1": "48", "x2": n(legendX + 28), "y2": "48", "stroke": ChartStyle.color(index),
                                 "stroke-width": "2", "stroke-dasharray": ChartStyle.dash(index)])
            ChartStyle.marker(ChartStyle.marker(index), x: legendX + 14, y: 48, size: 3.5, fill: ChartStyle.color(index), in: &svg)
            svg.element("text", merge(["x": n(legendX + 34), "y": "52"], style.textDirection), content: line.name)
            legendX += 48 + Double(line.name.count) * 7
        }
        if lines.contains(where: { $0.points.contains(where: \.isRevised) }) {
            svg.element("circle", ["cx": n(legendX + 6), "cy": "48", "r": "6", "fill": "none", "stroke": "#000000", "stroke-width": "1.5"])
            svg.element("text", merge(["x": n(legendX + 18), "y": "52"], style.textDirection), content: revisedLabel)
        }
        svg.close("g")

        // Axes: grid lines at round values, labelled in percent.
        svg.open("g", ["class": "axes"])
        svg.element("text", merge(["x": n(plotLeft), "y": n(top - 10), "fill": "#444444"], style.textDirection), content: axisTitle)
        for tick in ticks {
            svg.element("line", ["x1": n(plotLeft), "y1": n(y(tick)), "x2": n(plotRight), "y2": n(y(tick)),
                                 "stroke": tick == 0 ? "#444444" : "#dddddd", "stroke-width": "1"])
            svg.element("text", ["x": n(plotLeft - 6), "y": n(y(tick) + 4), "text-anchor": "end", "fill": "#444444"],
                        content: style.figure(tick, decimals: tickDecimals))
        }
        let every = LabelPlacement.stride(labelWidth: Double(periods.map(\.count).max() ?? 7) * 7 + 8,
                                          spacing: periods.count < 2 ? plotRight - plotLeft : (plotRight - plotLeft) / Double(periods.count - 1))
        for (index, period) in periods.enumerated() where index % every == 0 || index == periods.count - 1 {
            if index != periods.count - 1, periods.count - 1 - index < every { continue }  // keep the last label clear
            svg.element("line", ["x1": n(x(index)), "y1": n(plotBottom), "x2": n(x(index)), "y2": n(plotBottom + 4), "stroke": "#444444"])
            svg.element("text", ["x": n(x(index)), "y": n(plotBottom + 18), "text-anchor": "middle", "fill": "#444444"],
                        content: period)
        }
        svg.close("g")

        // The lines, their markers, and the revised points' rings.
        for (index, line) in lines.enumerated() {
            let color = ChartStyle.color(index)
            let points = line.points.sorted { $0.period < $1.period }
            svg.open("g", ["class": "series", "data-entity": line.name])
            if points.count > 1 {
                svg.element("polyline", ["points": points.map { "\(n(x($0.period))),\(n(y($0.value.value)))" }.joined(separator: " "),
                                         "fill": "none", "stroke": color, "stroke-width": "2",
                                         "stroke-dasharray": ChartStyle.dash(index), "stroke-linejoin": "round"])
            }
            for point in points {
                ChartStyle.marker(ChartStyle.marker(index), x: x(point.period), y: y(point.value.value), size: 3, fill: color, in: &svg)
                if point.isRevised {
                    svg.element("circle", ["cx": n(x(point.period)), "cy": n(y(point.value.value)), "r": "6", "fill": "none",
                                           "stroke": "#000000", "stroke-width": "1.5"])
                }
            }
            svg.close("g")
        }

        // Each line's last value at its end, spread so that no two overlap.
        let ends = lines.map { $0.points.max { $0.period < $1.period } }
        let wanted = ends.map { $0.map { y($0.value.value) + 4 } ?? plotBottom }
        let placed = LabelPlacement.spread(wanted, gap: 14, within: top...(plotBottom + 4))
        svg.open("g", ["class": "end-labels"])
        for (index, line) in lines.enumerated() {
            guard let end = ends[index] else { continue }
            svg.element("text", merge(["x": n(plotRight + 8), "y": n(placed[index]), "fill": ChartStyle.color(index)], style.textDirection),
                        content: "\(line.name) \(style.figure(end.value.value, decimals: end.value.decimals))")
        }
        svg.close("g")

        // Sources.
        svg.open("g", ["class": "footnotes", "fill": "#444444", "font-size": "11"])
        for (index, line) in footnoteLines.enumerated() {
            svg.element("text", merge(["x": n(style.rightToLeft ? width - 16 : 16), "y": n(plotBottom + 44 + Double(index) * 15),
                                       "text-anchor": style.rightToLeft ? "end" : "start"], style.textDirection), content: line)
        }
        svg.close("g")
        svg.close("svg")
        return svg.text
    }

    private func title(x: Double) -> SVGWriter.Attributes {
        merge(["x": SVGWriter.number(x), "y": "24", "font-size": "16", "font-weight": "bold",
               "text-anchor": style.rightToLeft ? "end" : "start"], style.textDirection)
    }
}

/// Attributes of `first`, then those of `second`, as one list.
func merge(_ first: KeyValuePairs<String, String>, _ second: SVGWriter.Attributes) -> SVGWriter.Attributes {
    SVGWriter.list(first) + second
}
