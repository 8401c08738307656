public import Sharehouse

/// A horizontal bar chart of one period's shares, largest first, with "others" (and what
/// the source did not break down) as bars of their own in grey. SVG text, the same bytes
/// for the same data, with `<title>` and `<desc>` for screen readers.
public struct BarChart: Sendable {
    /// One bar: an entity, or a sum of several.
    public struct Bar: Sendable {
        /// The bar's label: an entity's name, or "others".
        public var label: String
        /// The figure as published.
        public var value: PublishedValue
        /// A bar that sums several entities (others), drawn in grey.
        public var isAggregate: Bool

        /// A bar of `value` labelled `label`; an aggregate one is drawn in grey.
        public init(label: String, value: PublishedValue, isAggregate: Bool = false) {
            self.label = label
            self.value = value
            self.isAggregate = isAggregate
        }
    }

    /// The chart's title.
    public var title: String
    /// A second, smaller line under the title (the measure), shortened to fit.
    public var subtitle: String?
    /// What the chart shows, in words, for screen readers.
    public var summary: String
    /// The bars, largest first.
    public var bars: [Bar]
    /// The title of the value axis.
    public var axisTitle: String
    /// Lines under the chart: its sources and notes.
    public var footnotes: [String]
    /// Digits, language, and whether the figures are shares.
    public var style: ChartStyle
    /// The chart's width in SVG units; its height follows from the bars.
    public var width = 760.0
    /// The start of the ids of the chart's `<title>` and `<desc>`: two charts on one page
    /// need two prefixes.
    public var idPrefix = "chart"

    /// A bar chart of `bars`, with its words and style.
    public init(
        title: String, subtitle: String? = nil, summary: String, bars: [Bar], axisTitle: String, footnotes: [String],
        style: ChartStyle = ChartStyle()
    ) {
        self.title = title
        self.subtitle = subtitle
        self.summary = summary
        self.bars = bars
        self.axisTitle = axisTitle
        self.footnotes = footnotes
        self.style = style
    }

    /// The chart as an SVG document.
    public func svg() -> String {
        let n = SVGWriter.number
        let ticks = AxisTicks.nice(minimum: 0, maximum: bars.map(\.value.value).max() ?? 1)
        let maximum = ticks.last ?? 1
        let tickLabels = style.tickLabels(ticks)
        let valueLabels = bars.map { style.figure($0.value.value, decimals: $0.value.decimals) }
        // Names on the left and values after the bars get the room they need, measured.
        let labelWidth = min(220.0, 8 + (bars.map { TextMetrics.width($0.label, fontSize: 12) }.max() ?? 50))
        let barLeft = 16 + labelWidth
        let valueWidth = valueLabels.map { TextMetrics.width($0, fontSize: 12) }.max() ?? 30
        let lastTickHalf = (tickLabels.last.map { TextMetrics.width($0, fontSize: 12) } ?? 20) / 2
        let barRight = width - 16 - max(valueWidth + 6, lastTickHalf)
        let top = subtitle == nil ? 62.0 : 76.0
        let rowHeight = 24.0
        let barsBottom = top + Double(bars.count) * rowHeight
        let footnoteLines = footnotes.flatMap { TextMetrics.wrap($0, toWidth: width - 32, fontSize: 11) }
        let height = barsBottom + 40 + Double(footnoteLines.count) * 15 + 8
        func x(_ value: Double) -> Double { barLeft + value / maximum * (barRight - barLeft) }

        var svg = SVGWriter()
        svg.open("svg", ChartFrame.root(width: width, height: height, idPrefix: idPrefix))
        ChartFrame.heading(
            title: title, subtitle: subtitle, summary: summary, width: width, height: height, idPrefix: idPrefix,
            language: style.language, in: &svg)
        svg.element("text", ["x": n(barLeft), "y": n(top - 16), "fill": "#444444"], content: axisTitle)

        svg.open("g", ["class": "axes"])
        for (tick, label) in zip(ticks, tickLabels) {
            svg.element(
                "line",
                [
                    "x1": n(x(tick)), "y1": n(top - 4), "x2": n(x(tick)), "y2": n(barsBottom),
                    "stroke": tick == 0 ? "#444444" : "#dddddd", "stroke-width": "1",
                ])
            svg.element("text", ["x": n(x(tick)), "y": n(barsBottom + 16), "text-anchor": "middle", "fill": "#444444"], content: label)
        }
        svg.close("g")

        svg.open("g", ["class": "bars"])
        for (index, bar) in bars.enumerated() {
            let rowTop = top + Double(index) * rowHeight
            svg.element(
                "text", ["x": n(barLeft - 8), "y": n(rowTop + 16), "text-anchor": "end"],
                content: TextMetrics.truncate(bar.label, toWidth: labelWidth - 8, fontSize: 12))
            // Dark bars for entities, light grey for sums of several: distinct in grey too.
            svg.element(
                "rect",
                [
                    "x": n(barLeft), "y": n(rowTop + 4), "width": n(max(0.5, x(bar.value.value) - barLeft)),
                    "height": n(rowHeight - 8), "fill": bar.isAggregate ? "#bbbbbb" : ChartStyle.color(0),
                    "data-value": DecimalText.fixed(bar.value.value, decimals: bar.value.decimals),
                ])
            svg.element("text", ["x": n(x(bar.value.value) + 6), "y": n(rowTop + 16)], content: valueLabels[index])
        }
        svg.close("g")

        ChartFrame.footnotes(footnoteLines, top: barsBottom + 40, language: style.language, in: &svg)
        svg.close("svg")
        return svg.text
    }
}
