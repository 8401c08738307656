import Crypto
import SharehouseDB

/// Resolves and checks the observations of one snapshot, and keeps what the snapshot is
/// judged by: the totals and digest of every period and the names matched by alias. It
/// writes nothing: storing is the ``ObservationInserter``'s job, and a pass with a
/// validator alone is how the content hash of a file is known before anything is written.
///
/// Memory stays flat: what it keeps grows with the number of distinct names and periods
/// in the file, not with its rows. A duplicate (entity, period) is not its to find: the
/// table's primary key catches it, without a set of every row in memory.
struct ObservationValidator {
    static let nameMatchLimit = 1000
    /// The longest entity name read, in UTF-8 bytes (the longest real one is under 100).
    static let maximumNameBytes = 256
    /// Distinct periods in one snapshot: a century of days. What the importer keeps in
    /// memory grows with periods (their totals, the receipt), so they are bounded.
    static let periodLimit = 36_600

    let unit: Measure.Unit
    let file: String
    let resolver: EntityResolver
    let defaultPeriod: Period?
    let decimalComma: Bool
    /// True for a file delimited by semicolons or tabs (a spreadsheet's export in a
    /// European or Arabic locale): `13,8` is read as 13.8 while every figure of the file
    /// writes its decimals so; one with a decimal point among them is an error.
    let infersDecimalComma: Bool
    private(set) var decimalCommasRead = false
    /// How shares are written, as the user said (`--scale`): `.fraction` reads `0.225` as
    /// 22.5 with the published precision kept (three decimals of a fraction are one of a
    /// percent); `.percent` never takes the file for fractions; nil lets the figures tell.
    var scale: ValueScale?
    private var readsFractions: Bool { scale == .fraction }
    /// The largest figure read, to tell fractions from percentages.
    private var largestValue = 0.0
    /// A figure written with `%` says it is a percentage: the file is never taken for
    /// fractions (`0,4%` is a small share, not 40%).
    private var percentSignsRead = false
    /// The publication date: a period that starts after it cannot have been published then.
    var publishedOn: CalendarDate?
    /// How a bare date (`2026-03-01`) in a period is read: nil refuses it.
    var bareDates: BareDates?
    private var decimalPointsRead = false

    private(set) var rowsRead = 0
    /// The totals of every period read, by the period's number in this snapshot.
    private(set) var periods: [PeriodTotals] = []
    private(set) var nameMatches: [ImportReceipt.NameMatch] = []
    private var entityCache: [String: String] = [:]
    /// Period texts as read, and the number of the period each names.
    private var periodCache: [String: Int] = [:]
    /// The number of each period: two texts of one period ("2025-07", " 2025-07") are
    /// one period.
    private var periodIndexes: [Period: Int] = [:]
    /// The last period text read and its number, for rows of the same period.
    private var lastPeriod: (text: String, index: Int)?

    init(
        unit: Measure.Unit, file: String, resolver: EntityResolver, defaultPeriod: Period?, decimalComma: Bool,
        infersDecimalComma: Bool = false
    ) {
        self.unit = unit
        self.file = file
        self.resolver = resolver
        self.defaultPeriod = defaultPeriod
        self.decimalComma = decimalComma
        self.infersDecimalComma = infersDecimalComma && !decimalComma
    }

    /// Resolves and checks one observation, and counts it in its period's totals.
    mutating func check(_ raw: RawObservation) throws -> CheckedObservation {
        rowsRead += 1
        let code = try entityCode(raw)
        let index = try periodIndex(raw)
        let value = try valueOf(raw)
        periods[index].add(value, entity: code, line: raw.line)
        return CheckedObservation(
            periodIndex: index, period: periods[index].period, code: code, value: value,
            location: raw.entityLocation ?? raw.valueLocation)
    }

    /// Shares of one period may add up to at most 100, plus what rounding explains; and
    /// a file whose shares all look like fractions of 1 is refused unless read as such.
    func checkTotals() throws {
        guard unit == .percent else { return }
        // A period of one figure (a single 1% share) says too little to call it a fraction.
        if scale == nil, !percentSignsRead, largestValue > 0, largestValue <= 1,
            periods.contains(where: { $0.count >= 2 }),
            periods.allSatisfy({ $0.sum <= 1 + $0.roundingAllowance + 1e-9 })
        {
            throw ImportError(
                file: file, line: periods.compactMap(\.firstLine).min(), column: nil,
                reason: "every share is at most 1 and each period's shares add up to at most 1: the figures look like fractions",
                expected: "--scale fraction to read 0.225 as 22.5, or --scale percent if they are small percentages")
        }
        for totals in periods.sorted(by: { $0.period < $1.period }) {
            guard totals.sum > 100 + totals.roundingAllowance + 1e-9 else { continue }
            let sum = PublishedValue(value: totals.sum, decimals: totals.maximumDecimals)
            let allowance = PublishedValue(value: totals.roundingAllowance, decimals: totals.maximumDecimals + 1)
            var lines = ""
            if let first = totals.firstLine, let last = totals.lastLine { lines = " (lines \(first)-\(last))" }
            throw ImportError(
                file: file, line: totals.lastLine, column: nil,
                reason: "the \(totals.count) shares of \(totals.period)\(lines) add up to \(sum), more than 100 "
                    + "(rounding explains at most \(allowance))",
                expected: "the shares of one period to add up to at most 100")
        }
    }

    /// The SHA-256 of the snapshot's canonical content: its measure, source, publication
    /// date and, for each period in date order, the number of its figures and their
    /// order-free digest (``FigureDigest``). The same content in another file name, row or
    /// column order or line ending hashes the same; nothing is read back from the database.
    func contentHash(of metadata: SnapshotMetadata) -> String {
        var text =
            "sharehouse snapshot v2\nmeasure \(metadata.measure.key)\nsource \(metadata.source.key)\n"
            + "published_on \(metadata.publishedOn)\n"
        for period in periods.sorted(by: { ($0.period.start, $0.period.end) < ($1.period.start, $1.period.end) }) {
            text += "\(period.period.start) \(period.period.end) \(period.count) \(period.digest.hex)\n"
        }
        return SHA256.hash(data: Array(text.utf8)).map { byte in (byte < 16 ? "0" : "") + String(byte, radix: 16) }.joined()
    }

    // MARK: Resolving

    private mutating func entityCode(_ raw: RawObservation) throws -> String {
        if let code = entityCache[raw.entity] { return code }
        // Suggestions compare the name with every known name and alias, at a cost that
        // grows with its length: a name of megabytes (a quote left open, a broken export)
        // would take minutes. No country or group has a name near this long.
        guard raw.entity.utf8.count <= Self.maximumNameBytes else {
            throw ImportError(
                file: file, at: raw.entityLocation,
                reason: "\"\(raw.entity.prefix(40))…\" (\(raw.entity.utf8.count) bytes) is too long for a name "
                    + "of a country or group",
                expected: "a code such as CN, or a name such as China or الصين")
        }
        let match: EntityMatch
        do {
            match = try resolver.resolve(raw.entity)
        } catch {
            throw ImportError(file: file, at: raw.entityLocation, reason: error.description)
        }
        entityCache[raw.entity] = match.entity.code
        if match.matchedBy != .code, nameMatches.count < Self.nameMatchLimit {
            nameMatches.append(.init(input: raw.entity, code: match.entity.code, matchedBy: match.matchedBy))
        }
        return match.entity.code
    }

    private mutating func periodIndex(_ raw: RawObservation) throws -> Int {
        if let lastPeriod, let text = raw.period, text == lastPeriod.text { return lastPeriod.index }
        let index = try resolvePeriod(raw)
        if let text = raw.period { lastPeriod = (text, index) }
        return index
    }

    private mutating func resolvePeriod(_ raw: RawObservation) throws -> Int {
        guard let text = raw.period, !text.trimmingSpaces.isEmpty else {
            guard let defaultPeriod else {
                throw ImportError(
                    file: file, at: raw.periodLocation ?? raw.entityLocation,
                    reason: "the row gives no period and the snapshot has no default period",
                    expected: "a period column, or the snapshot's period (--period, or \"period\" in JSON)")
            }
            return try periodIndex(defaultPeriod.description, at: raw.entityLocation, fromFile: false)
        }
        return try periodIndex(text, at: raw.periodLocation)
    }

    private mutating func periodIndex(_ text: String, at location: SourceLocation?, fromFile: Bool = true) throws -> Int {
        if let cached = periodCache[text] { return cached }
        guard periodCache.count < Self.periodLimit else {
            throw ImportError(
                file: file, at: location, reason: "the snapshot has more than \(Self.periodLimit) distinct periods",
                expected: "a snapshot of at most \(Self.periodLimit) periods (split the file)")
        }
        guard var period = Period(text) else {
            throw ImportError(file: file, at: location, reason: "\"\(text)\" is not a period", expected: Period.expectedForms)
        }
        // A bare date is what a spreadsheet makes of 2026-03: never silently one day.
        if fromFile, period.start == period.end, CalendarDate(text.trimmingSpaces) != nil {
            switch bareDates {
            case nil:
                throw ImportError(
                    file: file, at: location, reason: "\"\(text)\" is a date, not a period",
                    expected: "--periods month to read it as its month (a spreadsheet turns 2026-03 into 2026-03-01), "
                        + "or --periods day for one day")
            case .month:
                period = Period(
                    start: CalendarDate(year: period.start.year, month: period.start.month, day: 1)!,
                    end: period.start.endOfMonth)!
            case .day: break
            }
        }
        if let publishedOn, period.start > publishedOn {
            throw ImportError(
                file: file, at: location, reason: "the period \(period) starts after the publication date \(publishedOn)",
                expected: "periods that had begun when the source published them (check the year, or the publication date)")
        }
        let index: Int
        if let known = periodIndexes[period] {
            index = known
        } else {
            index = periods.count
            periods.append(PeriodTotals(period: period))
            periodIndexes[period] = index
        }
        periodCache[text] = index
        return index
    }
    private mutating func valueOf(_ raw: RawObservation) throws -> PublishedValue {
        let parsed: PublishedValue.Parsed
        let expanded = raw.valueIsNumber ? PublishedValue.expandingExponent(raw.value) : nil
        if raw.valueIsNumber, expanded == nil, raw.value.contains(where: { $0 == "e" || $0 == "E" }) {
            // A JSON number, but its exponent is beyond what a published figure can have.
            throw ImportError(
                file: file, at: raw.valueLocation, reason: "the number \(raw.value) is out of range",
                expected: "a figure written with an exponent between -40 and 40, or written out, such as 17.1")
        }
        let text = expanded ?? raw.value
        var commaHere = decimalComma && !raw.valueIsNumber
        if infersDecimalComma, !raw.valueIsNumber {
            let comma = text.contains(",")
            let point = text.contains(".")
            if comma != point {
                if comma ? decimalPointsRead : decimalCommasRead {
                    throw ImportError(
                        file: file, at: raw.valueLocation,
                        reason: "\"\(text)\" has a decimal \(comma ? "comma" : "point") where the figures before had a decimal "
                            + (comma ? "point" : "comma"),
                        expected: "one decimal separator in the whole file (--decimal-comma reads commas only)")
                }
                if comma { decimalCommasRead = true } else { decimalPointsRead = true }
                commaHere = comma
            }
        }
        if commaHere, text.contains(",") { decimalCommasRead = true }
        switch PublishedValue.parse(text, decimalComma: commaHere) {
        case .success(let value): parsed = value
        case .failure(let failure): throw ImportError(file: file, at: raw.valueLocation, reason: failure.description)
        }
        var value = parsed.value
        largestValue = max(largestValue, value.value)
        if parsed.hasPercentSign { percentSignsRead = true }
        if readsFractions, unit == .percent, parsed.hasPercentSign {
            throw ImportError(
                file: file, at: raw.valueLocation, reason: "\"\(raw.value)\" has a % sign, so it is not a fraction of 1",
                expected: "fractions without % under --scale fraction, or no --scale for percentages")
        }
        if readsFractions, unit == .percent {
            value = PublishedValue(
                value: rounded(value.value * 100, decimals: max(0, value.decimals - 2)), decimals: max(0, value.decimals - 2))
        }
        switch unit {
        case .percent:
            guard value.value >= 0 else {
                throw ImportError(
                    file: file, at: raw.valueLocation, reason: "the share \(value) is below 0",
                    expected: "a share between 0 and 100")
            }
            guard value.value <= 100 else {
                throw ImportError(
                    file: file, at: raw.valueLocation, reason: "the share \(value) is above 100",
                    expected: "a share between 0 and 100")
            }
        case .count:
            guard !parsed.hasPercentSign else {
                throw ImportError(
                    file: file, at: raw.valueLocation, reason: "\"\(raw.value)\" is a percentage, but the measure counts",
                    expected: "a count such as 723000000")
            }
            guard value.value >= 0 else {
                throw ImportError(
                    file: file, at: raw.valueLocation, reason: "the count \(value) is below 0", expected: "a count of 0 or more")
            }
            guard value.value == value.value.rounded() else {
                throw ImportError(
                    file: file, at: raw.valueLocation, reason: "the count \(value) is not a whole number",
                    expected: "a whole count such as 723000000 (write 1.15B as 1150000000)")
            }
        }
        return value
    }
}
