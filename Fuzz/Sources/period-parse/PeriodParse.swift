import FuzzSupport
@testable import Sharehouse
import SharehouseDB

// Period(_:) and CalendarDate(_:) on any text. Invariants:
// - a period's canonical text reads back as the same period, and is its own canonical text;
// - Arabic-Indic and extended Arabic-Indic digits read as the ASCII ones, and spaces
//   around the text change nothing;
// - start <= end, days and months agree with the dates, and day numbers count days;
// - SQL's period_names view (what reports print) names the period, its months and its
//   days exactly as the library does;
// - a date reads exactly YYYY-MM-DD and prints back as its text.
let warehouse: Warehouse = {
    do { return try Warehouse.inMemory() } catch { fatalError("no warehouse: \(error)") }
}()

struct Rollback: Error {
    let name: String, months: Int?, days: Int
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let text = String(decoding: inputBytes(data, size), as: UTF8.self)
    let period = Period(text)
    checkVariants(of: text, period: period)
    if let period { check(period, text: text) }
    if let date = CalendarDate(text) {
        invariant(date.description == text, "the date \(show(Array(text.utf8))) prints as \(date)")
        checkDate(date)
    }
    return 0
}

/// The same text with other digits, or with spaces around it, is the same period (or none).
func checkVariants(of text: String, period: Period?) {
    for base: UInt32 in [0x0660, 0x06F0] {
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if (0x30...0x39).contains(scalar.value) {
                scalars.append(Unicode.Scalar(base + scalar.value - 0x30)!)
            } else {
                scalars.append(scalar)
            }
        }
        let variant = String(scalars)
        invariant(Period(variant) == period, "\(show(Array(variant.utf8))) reads as \(String(describing: Period(variant))), "
                    + "\(show(Array(text.utf8))) as \(String(describing: period))")
    }
    // Only where the padding cannot join a grapheme cluster of the text.
    if let first = text.unicodeScalars.first, let last = text.unicodeScalars.last,
       (0x21...0x7E).contains(first.value), (0x21...0x7E).contains(last.value) {
        let padded = " \t" + text + " \r\n"
        invariant(Period(padded) == period, "spaces around \(show(Array(text.utf8))) change the period")
    }
}

func check(_ period: Period, text: String) {
    let name = period.description
    invariant(period.start <= period.end, "\(name) ends before it starts")
    invariant(Period(name) == period, "\(show(Array(text.utf8))) reads as \(name), which reads as \(String(describing: Period(name)))")
    invariant(Period(name)?.description == name, "\(name) is not its own canonical text")
    invariant(name.utf8.allSatisfy { (0x30...0x39).contains($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "Q") },
              "the canonical text \(name) has other characters")
    invariant(period.days == period.end.dayNumber - period.start.dayNumber + 1 && period.days >= 1, "\(name): \(period.days) days")
    invariant(period.overlaps(period), "\(name) does not overlap itself")
    if let months = period.months {
        invariant(months >= 1, "\(name): \(months) months")
        invariant(period.start.firstOfMonth(adding: months - 1) == CalendarDate(year: period.end.year, month: period.end.month, day: 1),
                  "\(name): \(months) months after the start is not the end's month")
    }
    checkDate(period.start)
    checkDate(period.end)
    checkAgainstSQL(period)
}

func checkDate(_ date: CalendarDate) {
    invariant(CalendarDate(date.description) == date, "the date \(date) does not read back")
    invariant(CalendarDate(year: date.year, month: date.month, day: date.day) == date, "\(date) is not a valid date")
    let end = date.endOfMonth
    invariant(end.year == date.year && end.month == date.month && end.day >= date.day, "\(date): end of month \(end)")
    // The next day by hand: its day number is one more.
    let next = CalendarDate(year: date.year, month: date.month, day: date.day + 1)
        ?? CalendarDate(year: date.year, month: date.month + 1, day: 1)
        ?? CalendarDate(year: date.year + 1, month: 1, day: 1)
    if let next {
        invariant(next.dayNumber == date.dayNumber + 1 && date < next, "\(date) (day \(date.dayNumber)) and \(next) (day \(next.dayNumber))")
    }
}

/// The period_names view on the period, in a transaction that is rolled back.
///
/// Not for periods that end on 9999-12-31: there the view's `date(start_date, '+1 month')`
/// is past SQLite's last date (NULL), so it names a month such as 9999-12 by its days
/// (found by this target; see Fuzz/RESULTS.md).
func checkAgainstSQL(_ period: Period) {
    guard period.end != CalendarDate(year: 9999, month: 12, day: 31) else { return }
    do {
        try warehouse.database.withConnection { connection in
            do {
                try connection.transaction {
                    try connection.execute("INSERT INTO periods (start_date, end_date) VALUES (?, ?)",
                                           period.start.description, period.end.description)
                    let id = connection.lastInsertedRowID
                    let row = try connection.fetchOne("SELECT period, months, days FROM period_names WHERE period_id = ?", id) { row in
                        Rollback(name: try row.get(0), months: try row.get(1), days: try row.get(2))
                    }
                    throw row ?? Rollback(name: "(no row)", months: nil, days: 0)
                }
            } catch let sql as Rollback {
                invariant(sql.name == period.description, "SQL names \(period.start)/\(period.end) \(sql.name), the library \(period)")
                invariant(sql.months == period.months, "\(period): SQL counts \(String(describing: sql.months)) months, "
                            + "the library \(String(describing: period.months))")
                invariant(sql.days == period.days, "\(period): SQL counts \(sql.days) days, the library \(period.days)")
            }
        }
    } catch {
        invariant(false, "\(period) (\(period.start)/\(period.end)) cannot be stored: \(error)")
    }
}

@main
struct PeriodParseFuzzer {
    static func main() { runFuzzer(fuzzOneInput) }
}
