import Sharehouse

/// Places labels along one axis so that none overlaps another: each as near its wish as
/// the others allow, in the same order, inside the bounds.
public enum LabelPlacement {
    /// `wanted` positions (any order) -> positions at least `gap` apart, within `bounds`
    /// where they fit; the result is in the order of `wanted`.
    public static func spread(_ wanted: [Double], gap: Double, within bounds: ClosedRange<Double>) -> [Double] {
        guard !wanted.isEmpty else { return [] }
        let order = wanted.indices.sorted { (wanted[$0], $0) < (wanted[$1], $1) }
        var placed = order.map { min(max(wanted[$0], bounds.lowerBound), bounds.upperBound) }
        // Down the line: each at least `gap` after the one before.
        for index in placed.indices.dropFirst() where placed[index] < placed[index - 1] + gap {
            placed[index] = placed[index - 1] + gap
        }
        // Pushed past the end: back up from the end, each at least `gap` before the next.
        if let last = placed.last, last > bounds.upperBound {
            placed[placed.count - 1] = bounds.upperBound
            for index in placed.indices.dropLast().reversed() where placed[index] > placed[index + 1] - gap {
                placed[index] = placed[index + 1] - gap
            }
        }
        var result = [Double](repeating: 0, count: wanted.count)
        for (rank, index) in order.enumerated() { result[index] = placed[rank] }
        return result
    }

    /// Every how many labels to print so that labels `width` wide, one per slot
    /// `spacing` apart, do not touch: 1 prints all, 3 every third.
    public static func stride(labelWidth width: Double, spacing: Double) -> Int {
        guard spacing > 0 else { return 1 }
        return max(1, Int((width / spacing).rounded(.up)))
    }
}
