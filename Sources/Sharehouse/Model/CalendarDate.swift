/// A day of the proleptic Gregorian calendar, as `YYYY-MM-DD` text says it.
///
/// Dates here are dates, not instants: no time zone, no Foundation `Date`. Ordering and
/// day arithmetic go through a day number, so parsing a million observations costs no
/// calendar objects.
public struct CalendarDate: Sendable, Hashable, Comparable, TextCodable {
    /// The year.
    public let year: Int
    /// The month, 1 to 12.
    public let month: Int
    /// The day of the month, from 1.
    public let day: Int

    /// A valid date, or nil (`2025-02-30` is nil).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
            (1...CalendarDate.daysIn(month: month, year: year)).contains(day)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD` exactly (ASCII digits, four-two-two).
    public init?(_ text: some StringProtocol) {
        // In place when the text is contiguous (a native string): iterating a UTF-8 view
        // through the generic path showed in the series' profile.
        guard let date = text.utf8.withContiguousStorageIfAvailable({ CalendarDate(ascii: $0) }) ?? CalendarDate(ascii: text.utf8)
        else { return nil }
        self = date
    }

    /// A `YYYY-MM-DD` date from its bytes, read in one pass without a copy: dates are read
    /// on every row of a listing.
    init?(ascii bytes: some Collection<UInt8>) {
        guard bytes.count == 10 else { return nil }
        var parts = (year: 0, month: 0, day: 0)
        for (offset, byte) in bytes.enumerated() {
            if offset == 4 || offset == 7 {
                guard byte == UInt8(ascii: "-") else { return nil }
                continue
            }
            guard byte >= 0x30, byte <= 0x39 else { return nil }
            let digit = Int(byte - 0x30)
            switch offset {
            case 0..<4: parts.year = parts.year * 10 + digit
            case 5..<7: parts.month = parts.month * 10 + digit
            default: parts.day = parts.day * 10 + digit
            }
        }
        self.init(year: parts.year, month: parts.month, day: parts.day)
    }

    /// `YYYY-MM-DD`.
    public var description: String {
        Self.pad(year, 4) + "-" + Self.pad(month, 2) + "-" + Self.pad(day, 2)
    }

    /// Days since 0000-03-01, for ordering and arithmetic.
    public var dayNumber: Int {
        let adjustedYear = month <= 2 ? year - 1 : year
        let adjustedMonth = month <= 2 ? month + 9 : month - 3
        return 365 * adjustedYear + adjustedYear / 4 - adjustedYear / 100 + adjustedYear / 400
            + (153 * adjustedMonth + 2) / 5 + day - 1
    }

    /// The date `dayNumber` days after 0000-03-01: the inverse of ``dayNumber``.
    public init?(dayNumber: Int) {
        guard dayNumber >= 0 else { return nil }
        // Whole 400-year eras of 146,097 days, then years of the era, then the day of a
        // year that starts in March (so that February's length does not matter).
        let era = dayNumber / 146_097
        let dayOfEra = dayNumber - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        self.init(year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month: month, day: day)
    }

    /// The date `days` days later (earlier when negative).
    public func adding(days: Int) -> CalendarDate? {
        CalendarDate(dayNumber: dayNumber + days)
    }

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// The last day of this date's month.
    public var endOfMonth: CalendarDate {
        CalendarDate(year: year, month: month, day: Self.daysIn(month: month, year: year))!
    }

    /// The first day of the month `months` after (or before) this date's month.
    public func firstOfMonth(adding months: Int) -> CalendarDate? {
        let index = year * 12 + (month - 1) + months
        return CalendarDate(year: index / 12, month: index % 12 + 1, day: 1)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public static let expectedText = "a YYYY-MM-DD date"

    static func number(_ digits: ArraySlice<UInt8>) -> Int? {
        var value = 0
        for digit in digits {
            guard digit >= UInt8(ascii: "0"), digit <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(digit - UInt8(ascii: "0"))
        }
        return value
    }

    static func pad(_ number: Int, _ width: Int) -> String {
        let digits = String(number)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}
