/// Shares of a total, rounded half away from zero at a number of decimals: in integers
/// when the downloads are whole (exact: 1 of 8 at 2 decimals is 12.50, never 12.49), else
/// in floating point (a merge split among bases leaves fractions).
enum ShareRounding {
    static func share(_ part: Double, of total: Double, decimals: Int, exact: Bool) -> PublishedValue {
        var scale: Int64 = 100
        for _ in 0..<decimals { scale *= 10 }
        if exact, let part = Int64(exactly: part), let total = Int64(exactly: total), total > 0 {
            let (numerator, overflow) = part.multipliedReportingOverflow(by: scale)
            if !overflow {
                let (quotient, remainder) = numerator.quotientAndRemainder(dividingBy: total)
                let units = quotient + (2 * remainder >= total ? 1 : 0)
                return PublishedValue(value: Double(units) / Double(scale / 100), decimals: decimals)
            }
        }
        let units = (part * Double(scale) / total).rounded(.toNearestOrAwayFromZero)
        return PublishedValue(value: units / Double(scale / 100), decimals: decimals)
    }

    /// Downloads as a whole number, a split merge's fraction rounded half away from zero.
    static func whole(_ downloads: Double) -> String {
        String(Int64(downloads.rounded(.toNearestOrAwayFromZero)))
    }
}
