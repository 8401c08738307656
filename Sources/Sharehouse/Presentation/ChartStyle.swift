/// What a chart shares with the page around it: the digits of its numbers, the direction
/// of its words, and how each series looks. Every series differs by colour, dash and
/// marker shape, so that a chart printed in grey still tells them apart.
public struct ChartStyle: Sendable {
    public var digits: DigitStyle
    public var rightToLeft: Bool
    /// Figures are shares in percent (17.1%); false for counts (1150000000).
    public var isPercent: Bool

    public init(digits: DigitStyle = .western, rightToLeft: Bool = false, isPercent: Bool = true) {
        self.digits = digits
        self.rightToLeft = rightToLeft
        self.isPercent = isPercent
    }

    /// A figure as the chart labels it.
    func figure(_ value: Double, decimals: Int) -> String {
        isPercent ? digits.percent(value, decimals: decimals) : digits.format(value, decimals: decimals)
    }

    /// Okabe and Ito's colours, which colour-blind readers tell apart.
    static let colors = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#F0E442"]
    static let dashes = ["none", "7 4", "2 3", "9 3 2 3", "4 4", "1 2", "12 4", "5 2 1 2"]
    enum Marker: CaseIterable { case circle, square, triangle, diamond }

    static func color(_ index: Int) -> String { colors[index % colors.count] }
    static func dash(_ index: Int) -> String { dashes[index % dashes.count] }
    static func marker(_ index: Int) -> Marker { Marker.allCases[index % Marker.allCases.count] }

    /// Attributes that make SVG text read right to left where the words are Arabic.
    var textDirection: SVGWriter.Attributes {
        rightToLeft ? [("direction", "rtl"), ("unicode-bidi", "embed")] : []
    }

    /// The SVG of a marker of `kind` centred on (x, y).
    static func marker(_ kind: Marker, x: Double, y: Double, size: Double, fill: String, in svg: inout SVGWriter) {
        let n = SVGWriter.number
        switch kind {
        case .circle:
            svg.element("circle", ["cx": n(x), "cy": n(y), "r": n(size), "fill": fill])
        case .square:
            svg.element("rect", ["x": n(x - size), "y": n(y - size), "width": n(2 * size), "height": n(2 * size), "fill": fill])
        case .triangle:
            svg.element("path", ["d": "M\(n(x)) \(n(y - size * 1.2))L\(n(x + size * 1.1)) \(n(y + size * 0.8))L\(n(x - size * 1.1)) \(n(y + size * 0.8))Z",
                                 "fill": fill])
        case .diamond:
            svg.element("path", ["d": "M\(n(x)) \(n(y - size * 1.3))L\(n(x + size * 1.1)) \(n(y))L\(n(x)) \(n(y + size * 1.3))L\(n(x - size * 1.1)) \(n(y))Z",
                                 "fill": fill])
        }
    }

    /// Breaks `text` into lines of at most `width` characters at spaces.
    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            if !line.isEmpty, line.count + 1 + word.count > width {
                lines.append(line)
                line = String(word)
            } else {
                line += line.isEmpty ? String(word) : " " + word
            }
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }
}
