public import Sharehouse

/// What a chart shares with the page around it: the digits of its numbers, the language
/// of its words, whether its figures are shares or counts, and how each series looks.
/// Every series differs by colour, dash and marker shape, so that a chart printed in grey
/// still tells them apart.
///
/// Charts are laid out left to right in every language (axes, bars and legends as in
/// print); Arabic words are still shaped and read right to left within their text.
public struct ChartStyle: Sendable {
    /// The digits numbers are written in.
    public var digits: DigitStyle
    /// The language of the chart's words.
    public var language: ReportLanguage
    /// Figures are shares in percent (17.1%); false for counts (1,150,000,000).
    public var isPercent: Bool

    /// A style; the defaults write Western digits, English words, and shares in percent.
    public init(digits: DigitStyle = .western, language: ReportLanguage = .english, isPercent: Bool = true) {
        self.digits = digits
        self.language = language
        self.isPercent = isPercent
    }

    /// A figure as the chart labels it: `17.1%`, or a count with grouped thousands.
    func figure(_ value: Double, decimals: Int) -> String {
        isPercent ? digits.percent(value, decimals: decimals) : digits.grouped(value, decimals: decimals)
    }

    /// An axis label of `ticks`: shares as percent; counts of a million and more in
    /// millions or billions (`1.25 B`), the scale chosen by the largest tick so that
    /// every label of an axis uses the same one.
    func tickLabels(_ ticks: [Double]) -> [String] {
        let step = ticks.count > 1 ? ticks[1] - ticks[0] : 1
        if isPercent { return ticks.map { digits.percent($0, decimals: AxisTicks.decimalsOfStep(step)) } }
        let largest = ticks.map(abs).max() ?? 0
        let scales: [(Double, ReportLanguage.Label)] = [(1e9, .billions), (1e6, .millions)]
        guard let (scale, unit) = scales.first(where: { largest >= $0.0 }) else {
            return ticks.map { digits.grouped($0, decimals: AxisTicks.decimalsOfStep(step)) }
        }
        let decimals = AxisTicks.decimalsOfStep(step / scale)
        return ticks.map {
            $0 == 0 ? digits.format(0, decimals: 0) : "\(digits.grouped($0 / scale, decimals: decimals)) \(language.text(unit))"
        }
    }

    /// Okabe and Ito's colours, which colour-blind readers tell apart.
    static let colors = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#F0E442"]
    static let dashes = ["none", "7 4", "2 3", "9 3 2 3", "4 4", "1 2", "12 4", "5 2 1 2"]
    /// As many shapes as colours: in grey, eight series differ by marker alone.
    enum Marker: CaseIterable { case circle, square, triangle, diamond, triangleDown, cross, star, hollowSquare }

    static func color(_ index: Int) -> String { colors[index % colors.count] }
    static func dash(_ index: Int) -> String { dashes[index % dashes.count] }
    static func marker(_ index: Int) -> Marker { Marker.allCases[index % Marker.allCases.count] }

    /// The SVG of a marker of `kind` centred on (x, y).
    static func marker(_ kind: Marker, x: Double, y: Double, size: Double, fill: String, in svg: inout SVGWriter) {
        let n = SVGWriter.number
        func path(_ points: [(Double, Double)]) -> String {
            points.enumerated().map { "\($0 == 0 ? "M" : "L")\(n(x + $1.0 * size)) \(n(y + $1.1 * size))" }.joined() + "Z"
        }
        switch kind {
        case .circle:
            svg.element("circle", ["cx": n(x), "cy": n(y), "r": n(size), "fill": fill])
        case .square:
            svg.element("rect", ["x": n(x - size), "y": n(y - size), "width": n(2 * size), "height": n(2 * size), "fill": fill])
        case .triangle:
            svg.element("path", ["d": path([(0, -1.2), (1.1, 0.8), (-1.1, 0.8)]), "fill": fill])
        case .diamond:
            svg.element("path", ["d": path([(0, -1.3), (1.1, 0), (0, 1.3), (-1.1, 0)]), "fill": fill])
        case .triangleDown:
            svg.element("path", ["d": path([(0, 1.2), (1.1, -0.8), (-1.1, -0.8)]), "fill": fill])
        case .cross:
            svg.element(
                "path",
                [
                    "d": path([
                        (-0.4, -1.2), (0.4, -1.2), (0.4, -0.4), (1.2, -0.4), (1.2, 0.4), (0.4, 0.4), (0.4, 1.2),
                        (-0.4, 1.2), (-0.4, 0.4), (-1.2, 0.4), (-1.2, -0.4), (-0.4, -0.4),
                    ]), "fill": fill,
                ])
        case .star:
            svg.element(
                "path",
                [
                    "d": path([
                        (0, -1.4), (0.35, -0.45), (1.35, -0.45), (0.55, 0.15), (0.85, 1.15), (0, 0.55),
                        (-0.85, 1.15), (-0.55, 0.15), (-1.35, -0.45), (-0.35, -0.45),
                    ]), "fill": fill,
                ])
        case .hollowSquare:
            svg.element(
                "rect",
                [
                    "x": n(x - size), "y": n(y - size), "width": n(2 * size), "height": n(2 * size), "fill": "#ffffff",
                    "stroke": fill, "stroke-width": "1.5",
                ])
        }
    }
}
