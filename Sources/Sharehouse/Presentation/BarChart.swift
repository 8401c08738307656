/// A horizontal bar chart of one period's shares, largest first, with "others" (and what
/// the source did not break down) as bars of their own in grey. SVG text, the same bytes
/// for the same data, with `<title>` and `<desc>` for screen readers.
public struct BarChart: Sendable {
    public struct Bar: Sendable {
        public var label: String
        public var value: PublishedValue
        /// A bar that sums several entities (others), drawn in grey.
        public var isAggregate: Bool

        public init(label: String, value: PublishedValue, isAggregate: Bool = false) {
            self.label = label
            self.value = value
            self.isAggregate = isAggregate
        }
    }

    public var title: String
    public var summary: String
    public var bars: [Bar]
    public var axisTitle: String
    public var footnotes: [String]
    public var style: ChartStyle
    public var width = 760.0

    public init(title: String, summary: String, bars: [Bar], axisTitle: String, footnotes: [String],
                style: ChartStyle = ChartStyle()) {
        self.title = title
        self.summary = summary
        self.bars = bars
        self.axisTitle = axisTitle
        self.footnotes = footnotes
        self.style = style
    }

    public func svg() -> String {
        let n = SVGWriter.number
        let labelWidth = min(220.0, 16 + Double(bars.map(\.label.count).max() ?? 8) * 7)
        let barLeft = 16 + labelWidth, barRight = width - 80
        let top = 62.0, rowHeight = 24.0
        let barsBottom = top + Double(bars.count) * rowHeight
        let footnoteLines = footnotes.flatMap { ChartStyle.wrap($0, width: 120) }
        let height = barsBottom + 40 + Double(footnoteLines.count) * 15 + 8
        let ticks = AxisTicks.nice(minimum: 0, maximum: bars.map(\.value.value).max() ?? 1)
        let maximum = ticks.last ?? 1
        let tickDecimals = AxisTicks.decimalsOfStep(ticks.count > 1 ? ticks[1] - ticks[0] : 1)
        func x(_ value: Double) -> Double { barLeft + value / maximum * (barRight - barLeft) }

        var svg = SVGWriter()
        svg.open("svg", ["xmlns": "http://www.w3.org/2000/svg", "width": n(width), "height": n(height),
                         "viewBox": "0 0 \(n(width)) \(n(height))", "role": "img", "aria-labelledby": "chart-title chart-desc",
                         "font-family": "Helvetica, Arial, sans-serif", "font-size": "12"])
        svg.element("title", ["id": "chart-title"], content: title)
        svg.element("desc", ["id": "chart-desc"], content: summary)
        svg.element("rect", ["width": n(width), "height": n(height), "fill": "#ffffff"])
        svg.element("text", merge(["x": n(style.rightToLeft ? width - 16 : 16), "y": "24", "font-size": "16", "font-weight": "bold",
                                   "text-anchor": style.rightToLeft ? "end" : "start"], style.textDirection), content: title)
        svg.element("text", merge(["x": n(barLeft), "y": "46", "fill": "#444444"], style.textDirection), content: axisTitle)

        svg.open("g", ["class": "axes"])
        for tick in ticks {
            svg.element("line", ["x1": n(x(tick)), "y1": n(top - 4), "x2": n(x(tick)), "y2": n(barsBottom),
                                 "stroke": tick == 0 ? "#444444" : "#dddddd", "stroke-width": "1"])
            svg.element("text", ["x": n(x(tick)), "y": n(barsBottom + 16), "text-anchor": "middle", "fill": "#444444"],
                        content: style.figure(tick, decimals: tickDecimals))
        }
        svg.close("g")

        svg.open("g", ["class": "bars"])
        for (index, bar) in bars.enumerated() {
            let rowTop = top + Double(index) * rowHeight
            svg.element("text", merge(["x": n(barLeft - 8), "y": n(rowTop + 16), "text-anchor": "end"], style.textDirection),
                        content: bar.label)
            // Dark bars for entities, light grey for sums of several: distinct in grey too.
            svg.element("rect", ["x": n(barLeft), "y": n(rowTop + 4), "width": n(max(0.5, x(bar.value.value) - barLeft)),
                                 "height": n(rowHeight - 8), "fill": bar.isAggregate ? "#bbbbbb" : ChartStyle.color(0),
                                 "data-value": DecimalText.fixed(bar.value.value, decimals: bar.value.decimals)])
            svg.element("text", ["x": n(x(bar.value.value) + 6), "y": n(rowTop + 16)],
                        content: style.figure(bar.value.value, decimals: bar.value.decimals))
        }
        svg.close("g")

        svg.open("g", ["class": "footnotes", "fill": "#444444", "font-size": "11"])
        for (index, line) in footnoteLines.enumerated() {
            svg.element("text", merge(["x": n(style.rightToLeft ? width - 16 : 16), "y": n(barsBottom + 40 + Double(index) * 15),
                                       "text-anchor": style.rightToLeft ? "end" : "start"], style.textDirection), content: line)
        }
        svg.close("g")
        svg.close("svg")
        return svg.text
    }
}
