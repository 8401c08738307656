/// A window of time, inclusive at both ends, with the canonical text Sharehouse reads and
/// prints:
///
/// | text | period |
/// |---|---|
/// | `2025-08` | a month |
/// | `2025-Q3` | a quarter |
/// | `2025` | a year |
/// | `2024-09/2025-08` | whole months, both included ("12 months ending 2025-08") |
/// | `2025-02-26/2026-02-25` | any span of days, both included |
/// | `2025-08-15` | one day |
///
/// Months are also read as spreadsheets write them (`Mar 2026`, `2026/03`, `03/2026`,
/// `مارس 2026`; see `Period+SpreadsheetMonths.swift`), and printed in the canonical form.
///
/// The text of a period is always the shortest of these forms that fits, the same as the
/// `period_names` view computes in SQL (a test holds them together).
public struct Period: Sendable, Hashable, Comparable, TextCodable {
    /// The first day.
    public let start: CalendarDate
    /// The last day, inclusive.
    public let end: CalendarDate

    /// The days from `start` to `end`, inclusive; nil when `end` is before `start`.
    public init?(start: CalendarDate, end: CalendarDate) {
        guard start <= end else { return nil }
        self.start = start
        self.end = end
    }

    /// Parses one of the text forms above. Arabic-Indic digits are read as digits.
    public init?(_ text: String) {
        let text = Self.asciiDigits(text.trimmingSpaces)
        if let slash = text.firstIndex(of: "/") {
            let first = text[..<slash]
            let second = text[text.index(after: slash)...]
            if let start = CalendarDate(first), let end = CalendarDate(second) {
                self.init(start: start, end: end)
            } else if let start = Self.month(first), let end = Self.month(second) {
                self.init(start: start, end: end.endOfMonth)
            } else if let month = Self.spreadsheetMonth(text) {
                // 2026/03 or 03/2026: one month, as spreadsheets write it.
                self.init(start: month, end: month.endOfMonth)
            } else {
                return nil
            }
            return
        }
        if let day = CalendarDate(text) {
            self.init(start: day, end: day)
        } else if let month = Self.month(text[...]) {
            self.init(start: month, end: month.endOfMonth)
        } else if let (year, quarter) = Self.quarter(text), let start = CalendarDate(year: year, month: quarter * 3 - 2, day: 1),
            let lastMonth = CalendarDate(year: year, month: quarter * 3, day: 1)
        {
            self.init(start: start, end: lastMonth.endOfMonth)
        } else if text.utf8.count == 4, let year = CalendarDate.number(Array(text.utf8)[0..<4]),
            let start = CalendarDate(year: year, month: 1, day: 1), let end = CalendarDate(year: year, month: 12, day: 31)
        {
            self.init(start: start, end: end)
        } else if let month = Self.spreadsheetMonth(text) {
            self.init(start: month, end: month.endOfMonth)
        } else {
            return nil
        }
    }

    /// The canonical text (see the table above).
    public var description: String {
        let monthAligned = start.day == 1 && end == end.endOfMonth
        if monthAligned {
            let months = self.months!
            if months == 1 { return Self.monthText(start) }
            if months == 3, start.month % 3 == 1 { return CalendarDate.pad(start.year, 4) + "-Q\((start.month + 2) / 3)" }
            if months == 12, start.month == 1 { return String(CalendarDate.pad(start.year, 4)) }
            return Self.monthText(start) + "/" + Self.monthText(end)
        }
        return start == end ? start.description : "\(start)/\(end)"
    }

    /// The number of whole months, for a period that starts on a first and ends on a last
    /// day of a month; nil otherwise.
    public var months: Int? {
        guard start.day == 1, end == end.endOfMonth else { return nil }
        return (end.year * 12 + end.month) - (start.year * 12 + start.month) + 1
    }

    /// The number of days, both ends included.
    public var days: Int { end.dayNumber - start.dayNumber + 1 }

    /// True when the two periods share at least one day.
    public func overlaps(_ other: Period) -> Bool {
        start <= other.end && other.start <= end
    }

    public static func < (lhs: Period, rhs: Period) -> Bool {
        (lhs.end, lhs.start) < (rhs.end, rhs.start)
    }

    public static var expectedText: String { expectedForms }

    /// The forms a period may be written in, for error messages.
    public static let expectedForms =
        "a period such as 2025-08, 2025-Q3, 2025, 2024-09/2025-08 or 2025-02-26/2026-02-25, "
        + "or a month as spreadsheets write it (Mar 2026, Mar-26, 03/2026, 03.2026, مارس 2026)"

    private static func month(_ text: Substring) -> CalendarDate? {
        let bytes = Array(text.utf8)
        guard bytes.count == 7, bytes[4] == UInt8(ascii: "-"), let year = CalendarDate.number(bytes[0..<4]),
            let month = CalendarDate.number(bytes[5..<7])
        else { return nil }
        return CalendarDate(year: year, month: month, day: 1)
    }

    private static func quarter(_ text: String) -> (Int, Int)? {
        let bytes = Array(text.utf8)
        guard bytes.count == 7, bytes[4] == UInt8(ascii: "-"), bytes[5] == UInt8(ascii: "Q") || bytes[5] == UInt8(ascii: "q"),
            let year = CalendarDate.number(bytes[0..<4]), let quarter = CalendarDate.number(bytes[6..<7]),
            (1...4).contains(quarter)
        else { return nil }
        return (year, quarter)
    }

    private static func monthText(_ date: CalendarDate) -> String {
        CalendarDate.pad(date.year, 4) + "-" + CalendarDate.pad(date.month, 2)
    }

    /// Replaces Arabic-Indic and extended Arabic-Indic digits with ASCII ones.
    static func asciiDigits(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0.value >= 0x0660 }) else { return text }
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x0660...0x0669: scalars.append(Unicode.Scalar(scalar.value - 0x0660 + 0x30)!)
            case 0x06F0...0x06F9: scalars.append(Unicode.Scalar(scalar.value - 0x06F0 + 0x30)!)
            default: scalars.append(scalar)
            }
        }
        return String(scalars)
    }
}

extension String {
    /// The string without leading and trailing spaces, tabs and line breaks.
    var trimmingSpaces: String {
        // Most texts have nothing to trim: check the ends' bytes before anything else.
        if let first = utf8.first, let last = utf8.last, first > 0x20, last > 0x20, first < 0x80, last < 0x80 {
            return self
        }
        var view = Substring(self)
        while let first = view.first, first.isWhitespace { view.removeFirst() }
        while let last = view.last, last.isWhitespace { view.removeLast() }
        return String(view)
    }
}
