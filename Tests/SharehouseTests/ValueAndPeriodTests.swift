import Foundation
import SharehouseDB
import Testing

@testable import Sharehouse

@Suite("Published values")
struct PublishedValueTests {
    @Test(arguments: [
        ("17.1", 17.1, 1, false), ("17.10", 17.1, 2, false), ("15.86", 15.86, 2, false), ("1.0", 1.0, 1, false),
        ("17", 17.0, 0, false), (" 17.1 % ", 17.1, 1, true), ("17.1%", 17.1, 1, true), ("١٧٫١", 17.1, 1, false),
        ("٪١٧٫١", 0, 0, false), ("0.2", 0.2, 1, false), ("0", 0, 0, false), ("-3.5", -3.5, 1, false),
        ("1150000000", 1_150_000_000, 0, false), ("100.00", 100, 2, false), ("۱۵٫۸", 15.8, 1, false),
    ])
    func parses(_ text: String, _ value: Double, _ decimals: Int, _ percent: Bool) throws {
        if text == "٪١٧٫١" {  // a percent sign before the number is not a number
            #expect(throws: PublishedValue.ParseFailure.notANumber(text)) { try PublishedValue.parse(text).get() }
            return
        }
        let parsed = try PublishedValue.parse(text).get()
        #expect(parsed.value.value == value)
        #expect(parsed.value.decimals == decimals)
        #expect(parsed.hasPercentSign == percent)
    }

    @Test(arguments: ["", "  ", "abc", "NaN", "inf", "1e5", "17.1.2", "17.", ".5", "--1", "17 1", "1 7", "%", "17%%", "17.1x", "+17"])
    func refuses(_ text: String) {
        #expect(throws: PublishedValue.ParseFailure.self) { try PublishedValue.parse(text).get() }
    }

    @Test func aCommaNeedsTheOption() throws {
        #expect(throws: PublishedValue.ParseFailure.commaWithoutDecimalCommaOption("17,1")) {
            try PublishedValue.parse("17,1").get()
        }
        #expect(throws: PublishedValue.ParseFailure.commaWithoutDecimalCommaOption("1,150,000")) {
            try PublishedValue.parse("1,150,000").get()
        }
        let parsed = try PublishedValue.parse("17,1", decimalComma: true).get()
        #expect(parsed.value == PublishedValue(value: 17.1, decimals: 1))
        #expect(throws: PublishedValue.ParseFailure.self) { try PublishedValue.parse("17.1", decimalComma: true).get() }
    }

    @Test func tooPreciseValuesAreRefused() {
        #expect(throws: PublishedValue.ParseFailure.tooManyDigits("1234567890.1234567")) {
            try PublishedValue.parse("1234567890.1234567").get()
        }
        #expect(throws: PublishedValue.ParseFailure.tooManyDecimals("0.0000000000001")) {
            try PublishedValue.parse("0.0000000000001").get()
        }
    }

    /// The byte fast path and the full parser agree on every plain number (values and
    /// precisions drawn from a fixed generator, and the edges).
    @Test func theFastPathAgreesWithTheFullParser() throws {
        var texts = [
            "0", "0.0", "100", "100.00", "17.1", "15.86", "0.00001", "999999999999999", "123456789012.345",
            "1150000000", "017", "0.000000000001",
        ]
        var state: UInt64 = 42
        for _ in 0..<5000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let digits = String(state % 10_000_000_000)
            let decimals = Int((state >> 40) % 8)
            let padded = String(repeating: "0", count: max(0, decimals + 1 - digits.count)) + digits
            texts.append(decimals == 0 ? padded : String(padded.dropLast(decimals)) + "." + String(padded.suffix(decimals)))
        }
        for text in texts {
            let quick = try #require(PublishedValue.parsePlainASCII(text.utf8, decimalComma: false), "\(text)")
            let full = try PublishedValue.parseAnyText(text, decimalComma: false).get()
            #expect(quick == full, "\(text)")
            if text != "017" { #expect(quick.value.description == text, "\(text) prints back as published") }
        }
    }

    @Test(arguments: [
        ("17.10", "17.10"), ("15.86", "15.86"), ("1.0", "1.0"), ("0.2", "0.2"), ("17", "17"),
        ("1150000000", "1150000000"), ("99.99", "99.99"), ("0.1", "0.1"), ("33.333", "33.333"),
    ])
    func printsBackAsPublished(_ text: String, _ printed: String) throws {
        #expect(try PublishedValue.parse(text).get().value.description == printed)
    }
}

@Suite("Periods")
struct PeriodTests {
    @Test(arguments: [
        ("2025-08", "2025-08-01", "2025-08-31", "2025-08"),
        ("2024-02", "2024-02-01", "2024-02-29", "2024-02"),
        ("2025-Q3", "2025-07-01", "2025-09-30", "2025-Q3"),
        ("2025-q1", "2025-01-01", "2025-03-31", "2025-Q1"),
        ("2025", "2025-01-01", "2025-12-31", "2025"),
        ("2024-09/2025-08", "2024-09-01", "2025-08-31", "2024-09/2025-08"),
        ("2025-02-26/2026-02-25", "2025-02-26", "2026-02-25", "2025-02-26/2026-02-25"),
        ("2025-08-15", "2025-08-15", "2025-08-15", "2025-08-15"),
        ("2025-01/2025-12", "2025-01-01", "2025-12-31", "2025"),
        ("2025-07-01/2025-09-30", "2025-07-01", "2025-09-30", "2025-Q3"),
        ("2025-08-01/2025-08-31", "2025-08-01", "2025-08-31", "2025-08"),
        ("٢٠٢٥-٠٨", "2025-08-01", "2025-08-31", "2025-08"),
        (" 2025-08 ", "2025-08-01", "2025-08-31", "2025-08"),
    ])
    func parsesAndPrintsCanonically(_ text: String, _ start: String, _ end: String, _ canonical: String) throws {
        let period = try #require(Period(text))
        #expect(period.start.description == start)
        #expect(period.end.description == end)
        #expect(period.description == canonical)
    }

    // "2025/08", "August 2025" and "2025-8" are months now, as spreadsheets write them.
    @Test(arguments: [
        "", "2025-13", "2025-00", "2025-02-30", "2025-Q5", "2025-08/2025-07", "25-08", "2025-08-01/2025-07-31", "2025-08/",
        "/2025-08", "2025//08", "2025--8",
    ])
    func refuses(_ text: String) {
        #expect(Period(text) == nil)
    }

    @Test func monthsDaysAndOverlap() throws {
        let window = try #require(Period("2024-09/2025-08"))
        #expect(window.months == 12)
        #expect(window.days == 365)
        let next = try #require(Period("2024-10/2025-09"))
        #expect(window.overlaps(next))
        #expect(!window.overlaps(try #require(Period("2025-09"))))
        #expect(try #require(Period("2025-02-26/2026-02-25")).months == nil)
    }

    /// The Swift text of a period and the SQL view's text must never disagree: reports
    /// print one, ad-hoc SQL the other.
    @Test func theSQLViewNamesPeriodsAsSwiftDoes() throws {
        let warehouse = try Warehouse.inMemory()
        var periods: [Period] = []
        for year in [2023, 2024] {
            for month in 1...12 {
                let start = CalendarDate(year: year, month: month, day: 1)!
                for length in [1, 2, 3, 6, 12, 13] {
                    let end = start.firstOfMonth(adding: length - 1)!.endOfMonth
                    periods.append(Period(start: start, end: end)!)
                }
                periods.append(Period(start: start, end: start)!)
                let mid = CalendarDate(year: year, month: month, day: 15)!
                periods.append(Period(start: mid, end: mid.firstOfMonth(adding: 1)!.endOfMonth)!)
                periods.append(Period(start: start, end: CalendarDate(year: year, month: month, day: 28)!)!)
            }
        }
        let mismatches = try warehouse.database.write { connection -> [String] in
            var found: [String] = []
            for period in periods {
                try connection.execute(
                    "INSERT OR IGNORE INTO periods (start_date, end_date) VALUES (?, ?)",
                    period.start.description, period.end.description)
                let text = try connection.fetchOne(
                    "SELECT period FROM period_names WHERE start_date = ? AND end_date = ?",
                    period.start.description, period.end.description
                ) { try $0.get(0) as String }
                if text != period.description { found.append("\(period.start)/\(period.end): SQL \(text ?? "nil"), Swift \(period)") }
            }
            return found
        }
        #expect(mismatches.isEmpty, "\(mismatches)")
        #expect(periods.count == 24 * 9)
    }

    @Test func calendarDates() throws {
        #expect(CalendarDate("2024-02-29") != nil)
        #expect(CalendarDate("2023-02-29") == nil)
        #expect(CalendarDate("1900-02-29") == nil)
        #expect(CalendarDate("2000-02-29") != nil)
        #expect(CalendarDate("2025-1-01") == nil)
        let a = try #require(CalendarDate("2025-12-31"))
        let b = try #require(CalendarDate("2026-01-01"))
        #expect(b.dayNumber - a.dayNumber == 1)
        #expect(a < b)
    }

    /// Months as spreadsheets write them read as the month, printed canonically.
    @Test(arguments: [
        "Mar 2026", "March 2026", "mar 2026", "MARCH 2026", "Mar-2026", "Mar. 2026", "2026 March", "2026/03", "2026/3",
        "2026-3", "03/2026", "3/2026", "مارس 2026", "آذار 2026", "اذار 2026", "٢٠٢٦/٠٣", "مارس ٢٠٢٦",
        // Excel's mmm-yy, month-first with a point or a hyphen, French and German names.
        "Mar-26", "03.2026", "03-2026", "mars 2026", "März 2026", "Marz 2026",
    ])
    func spreadsheetMonthsReadAsTheMonth(_ text: String) throws {
        #expect(Period(text)?.description == "2026-03", "\(text)")
    }

    @Test func levantineAndGulfNamesOfEveryMonth() throws {
        let gulf = ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"]
        let levant = [
            "كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب", "أيلول", "تشرين الأول", "تشرين الثاني", "كانون الأول",
        ]
        let english = ["Jan", "February", "Mar", "April", "May", "Jun", "July", "Aug", "Sept", "Oct", "November", "Dec"]
        for month in 1...12 {
            let expected = "2025-" + (month < 10 ? "0" : "") + "\(month)"
            for names in [gulf, levant, english] { #expect(Period("\(names[month - 1]) 2025")?.description == expected) }
        }
    }

    @Test(arguments: ["Marc 2026", "2026/13", "13/2026", "2024/2025", "Mar 26", "March", "2026 2026", "Mars 2026 3", "Mar-2", "13.2026"])
    func notMonths(_ text: String) {
        #expect(Period(text) == nil, "\(text)")
    }
}

@Suite("Figure digests")
struct FigureDigestTests {
    static func digest(_ figures: [(String, String)]) throws -> String {
        var digest = FigureDigest()
        for (entity, text) in figures { digest.add(entity: entity, value: try PublishedValue.parse(text).get().value) }
        return digest.hex
    }

    @Test func orderDoesNotMatterButEveryFigureDoes() throws {
        let base = try Self.digest([("CN", "17.1"), ("US", "15.8"), ("INTERNATIONAL", "23.8")])
        #expect(try Self.digest([("INTERNATIONAL", "23.8"), ("US", "15.8"), ("CN", "17.1")]) == base)
        #expect(try Self.digest([("CN", "15.8"), ("US", "17.1"), ("INTERNATIONAL", "23.8")]) != base, "swapped values")
        #expect(try Self.digest([("CN", "17.10"), ("US", "15.8"), ("INTERNATIONAL", "23.8")]) != base, "another precision")
        #expect(try Self.digest([("CN", "17.1"), ("US", "15.8")]) != base, "a figure missing")
        #expect(try Self.digest([("CN", "17.1"), ("US", "15.8"), ("INTERNATIONAL", "23.8"), ("CN", "17.1")]) != base)
        #expect(try Self.digest([("C", "17.1"), ("NUS", "15.8"), ("INTERNATIONAL", "23.8")]) != base, "codes are delimited")
        #expect(base.count == 32)
    }

    @Test func noCollisionsAmongManyFigures() throws {
        var seen = Set<String>()
        for code in ["CN", "US", "GB", "DE", "FR", "IN", "INTL", "UNKNOWN"] {
            for hundredths in 0..<2000 {
                let text = String(format: "%d.%02d", hundredths / 100, hundredths % 100)
                #expect(seen.insert(try Self.digest([(code, text)])).inserted, "\(code) \(text)")
            }
        }
    }
}
