extension PeriodLength {
    /// The length `period` counts as among `periods`: its own, except that a calendar month
    /// joins the windows of as many days when the periods hold such windows. Shares derived
    /// from the Hub's counts cover the 30 days up to each retrieval: June's is the month
    /// 2026-06, July's 2026-07-02/2026-07-31, and both are one series of 30-day windows.
    ///
    /// For many periods of one set, ask a ``PeriodLengthRule`` made once: this looks at
    /// every period of `periods` each time.
    static func key(of period: Period, among periods: some Sequence<Period>) -> PeriodLength {
        PeriodLengthRule(periods).key(of: period)
    }
}

/// The lengths periods count as among one set of periods (``PeriodLength/key(of:among:)``),
/// with the day windows among them found once: a series of 336 months asked the question
/// of each month, and looking at all 336 each time was most of the series' time.
struct PeriodLengthRule {
    /// The lengths, in days, of the periods that are day windows.
    private let windowDays: Set<Int>

    init(_ periods: some Sequence<Period>) {
        windowDays = Set(
            periods.compactMap { period -> Int? in
                if case .days(let days) = PeriodLength(period) { return days }
                return nil
            })
    }

    /// The length `period` counts as: its own, or the day window a calendar month joins.
    func key(of period: Period) -> PeriodLength {
        let own = PeriodLength(period)
        guard case .months(1) = own, !windowDays.isEmpty else { return own }
        return windowDays.contains(period.days) ? .days(period.days) : own
    }
}
