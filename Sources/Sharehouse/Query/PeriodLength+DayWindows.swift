extension PeriodLength {
    /// The length `period` counts as among `periods`: its own, except that a calendar month
    /// joins the windows of as many days when the periods hold such windows. Shares derived
    /// from the Hub's counts cover the 30 days up to each retrieval: June's is the month
    /// 2026-06, July's 2026-07-02/2026-07-31, and both are one series of 30-day windows.
    static func key(of period: Period, among periods: some Sequence<Period>) -> PeriodLength {
        let own = PeriodLength(period)
        guard case .months(1) = own else { return own }
        let windows = Set(
            periods.compactMap { other -> Int? in
                if case .days(let days) = PeriodLength(other) { return days }
                return nil
            })
        return windows.contains(period.days) ? .days(period.days) : own
    }
}
