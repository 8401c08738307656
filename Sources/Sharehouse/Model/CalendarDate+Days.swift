extension CalendarDate {
    /// The date of a day number (``dayNumber``'s inverse), nil outside years 1 to 9999.
    public init?(dayNumber: Int) {
        guard dayNumber >= 0 else { return nil }
        // Howard Hinnant's civil_from_days, on days since 0000-03-01: 400-year eras of
        // 146,097 days, years that start in March (so that February's leap day is last).
        let era = dayNumber / 146_097
        let dayOfEra = dayNumber - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        self.init(year: era * 400 + yearOfEra + (month <= 2 ? 1 : 0), month: month, day: day)
    }

    /// The date `days` days later (earlier, for a negative count), nil outside years 1 to 9999.
    public func adding(days: Int) -> CalendarDate? {
        CalendarDate(dayNumber: dayNumber + days)
    }
}
