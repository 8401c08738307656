import Foundation

/// Decimal text of a double without a locale.
enum DecimalText {
    /// `value` rounded to `decimals` decimals (0...12), half away from zero, as text.
    static func fixed(_ value: Double, decimals: Int) -> String {
        let places = max(0, min(decimals, 12))
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        // A double that should end in 5 (1.005) is stored a hair below it (1.00499...):
        // within a ten-millionth of a half, it is a half, and rounds away from zero.
        let scaled = abs(value) * scale
        var units = scaled.rounded(.toNearestOrAwayFromZero)
        if abs(scaled - scaled.rounded(.down) - 0.5) < 1e-7 { units = scaled.rounded(.up) }
        let digits = String(format: "%.0f", units)
        let padded = String(repeating: "0", count: max(0, places + 1 - digits.count)) + digits
        let sign = value < 0 && units != 0 ? "-" : ""
        guard places > 0 else { return sign + padded }
        return sign + padded.dropLast(places) + "." + padded.suffix(places)
    }
}
