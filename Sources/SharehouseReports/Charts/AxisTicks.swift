import Sharehouse

/// The values an axis marks: round numbers (1, 2, 2.5 or 5 times a power of ten) that
/// span the data with a few ticks, so that 17.1 and 15.8 sit on an axis of 0, 5, ..., 20.
public enum AxisTicks {
    /// At most about `count` intervals from at or below `minimum` to at or above
    /// `maximum`; a share axis starts at 0 (`minimum` 0).
    public static func nice(minimum: Double, maximum: Double, count: Int = 5) -> [Double] {
        var low = minimum
        var high = maximum
        if !(high > low) { high = low + 1 }
        let raw = (high - low) / Double(max(1, count))
        var magnitude = 1.0
        while magnitude * 10 <= raw { magnitude *= 10 }
        while magnitude > raw { magnitude /= 10 }
        let step = [1.0, 2, 2.5, 5, 10].map { $0 * magnitude }.first { $0 >= raw * (1 - 1e-9) } ?? 10 * magnitude
        low = (low / step).rounded(.down) * step
        high = (high / step).rounded(.up) * step
        let intervals = Int(((high - low) / step).rounded())
        let decimals = decimalsOfStep(step)
        return (0...intervals).map { index in
            let value = low + Double(index) * step
            return Double(DecimalText.fixed(value, decimals: decimals))!
        }
    }

    /// How many decimals a tick label needs: 2.5 needs one, 0.25 two, 5 none.
    public static func decimalsOfStep(_ step: Double) -> Int {
        var decimals = 0
        var scaled = step
        while decimals < 6, abs(scaled - scaled.rounded()) > 1e-9 {
            scaled *= 10
            decimals += 1
        }
        return decimals
    }
}
