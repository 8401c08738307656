import Sharehouse

/// A row of Unicode blocks that draws a series in one line of a terminal: ▁ for the
/// lowest value, █ for the highest, a space for a missing one.
public enum Sparkline {
    static let blocks: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    /// `values` drawn between `low` and `high` (by default their own least and greatest).
    /// Rows of one table share a scale, so that a flat row stays flat next to a steep one.
    static func render(_ values: [Double?], low: Double? = nil, high: Double? = nil) -> String {
        let present = values.compactMap { $0 }
        guard let low = low ?? present.min(), let high = high ?? present.max(), !present.isEmpty else {
            return String(repeating: " ", count: values.count)
        }
        return String(
            values.map { value -> Character in
                guard let value else { return " " }
                guard high > low else { return blocks[3] }
                let step = Int(((value - low) / (high - low) * Double(blocks.count - 1)).rounded())
                return blocks[min(max(step, 0), blocks.count - 1)]
            })
    }

    /// Sparklines are for a person at a terminal: not when output is piped or redirected,
    /// nor with --no-color or NO_COLOR set (https://no-color.org).
    public static func wanted(noColor: Bool, environment: [String: String], isTerminal: Bool) -> Bool {
        isTerminal && !noColor && (environment["NO_COLOR"] ?? "").isEmpty
    }
}
