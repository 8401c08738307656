import Sharehouse

/// Lays a chart's legend out in rows: entries left to right, a new row where the next
/// one would pass the right edge, so that six or more entries stay inside the chart.
public enum LegendLayout {
    /// Where one legend entry goes.
    public struct Placement: Equatable, Sendable {
        /// The entry's left edge.
        public var x: Double
        /// The entry's row, from 0.
        public var row: Int
    }

    /// Where each entry of `widths` goes, starting at `left` and ending by `right`, with
    /// `gap` between entries. An entry wider than a row gets a row of its own.
    public static func rows(_ widths: [Double], left: Double, right: Double, gap: Double) -> [Placement] {
        var placements: [Placement] = []
        var x = left
        var row = 0
        for width in widths {
            if x > left, x + width > right {
                row += 1
                x = left
            }
            placements.append(Placement(x: x, row: row))
            x += width + gap
        }
        return placements
    }
}
