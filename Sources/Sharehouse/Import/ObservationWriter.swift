import SharehouseDB

/// Checks and stores the observations of one snapshot inside the import's transaction,
/// 64 rows to an INSERT statement.
///
/// Memory stays flat: what it keeps grows with the number of distinct names and periods
/// in the file, not with its rows. A duplicate (entity, period) is caught by the table's
/// primary key, not by a set in memory.
struct ObservationWriter {
    struct PeriodTotals {
        let period: Period
        var sum = 0.0
        /// The most the published rounding can account for: half a unit of the last
        /// published digit, for every figure.
        var roundingAllowance = 0.0
        var count = 0
        var maximumDecimals = 0
        var firstLine: Int?
        var lastLine: Int?
        /// The period's figures as an order-free digest, for the snapshot's content hash.
        var digest = FigureDigest()

        mutating func add(_ value: PublishedValue, entity: String, line: Int?) {
            sum += value.value
            roundingAllowance += 0.5 * ObservationWriter.unitOfLastDigit(value.decimals)
            count += 1
            maximumDecimals = max(maximumDecimals, value.decimals)
            if firstLine == nil { firstLine = line }
            lastLine = line
            digest.add(entity: entity, value: value)
        }
    }

    let connection: Connection
    let snapshotID: Int64
    let unit: Measure.Unit
    let file: String
    let resolver: EntityResolver
    let defaultPeriod: Period?
    let decimalComma: Bool

    private(set) var rowsRead = 0
    private(set) var rowsStored = 0
    /// The totals of every period but the one being written, which is kept apart
    /// (``current``): rows usually come period by period, and this spares a dictionary
    /// update per row.
    private var storedTotals: [Int64: PeriodTotals] = [:]
    private var current: (id: Int64, totals: PeriodTotals)?
    /// The last period text read and what it resolved to, for rows of the same period.
    private var lastPeriod: (text: String, id: Int64, period: Period)?

    /// The totals of every period written.
    var totals: [Int64: PeriodTotals] {
        var all = storedTotals
        if let current { all[current.id] = current.totals }
        return all
    }
    private(set) var nameMatches: [ImportReceipt.NameMatch] = []
    private var entityCache: [String: String] = [:]
    private var periodCache: [String: (id: Int64, period: Period)] = [:]
    private let insert: Statement
    private let batchInsert: Statement
    /// Rows checked and waiting for the next multi-row insert.
    private var pending: [PendingRow] = []

    private struct PendingRow {
        let periodID: Int64
        let period: Period
        let code: String
        let value: PublishedValue
        let location: SourceLocation?
    }

    /// Rows per INSERT: each statement run costs SQLite a fixed overhead (halt, reset,
    /// constraint counters) that one row per run pays in full; 64 rows cut the import's
    /// instructions by a sixth (BENCHMARKS.md). 320 parameters, far under SQLite's limit.
    static let batchSize = 64
    enum Mode {
        /// 64 rows to a statement.
        case batches
        /// One row to a statement: inside a savepoint, where SQLite keeps a journal of
        /// every page each multi-row INSERT touches until the savepoint ends (a one-row
        /// INSERT needs none).
        case oneRowAtATime
        /// Checks every row and keeps the totals and digests, writing nothing: periods
        /// not stored yet get stand-in ids below zero. For the content hash of a file
        /// that may repeat a stored snapshot.
        case hashOnly
    }
    let mode: Mode

    static let nameMatchLimit = 1000
    /// The longest entity name read, in UTF-8 bytes (the longest real one is under 100).
    static let maximumNameBytes = 256
    /// Distinct periods in one snapshot: a century of days. What the importer keeps in
    /// memory grows with periods (their totals, the receipt), so they are bounded.
    static let periodLimit = 36_600

    init(connection: Connection, snapshotID: Int64, unit: Measure.Unit, file: String, resolver: EntityResolver,
         defaultPeriod: Period?, decimalComma: Bool, mode: Mode = .batches) throws {
        self.connection = connection
        self.snapshotID = snapshotID
        self.unit = unit
        self.file = file
        self.resolver = resolver
        self.defaultPeriod = defaultPeriod
        self.decimalComma = decimalComma
        self.mode = mode
        insert = try connection.cachedStatement("""
            INSERT INTO observations (snapshot_id, period_id, entity_code, value, decimals) VALUES (?, ?, ?, ?, ?)
            """)
        batchInsert = try connection.cachedStatement(
            "INSERT INTO observations (snapshot_id, period_id, entity_code, value, decimals) VALUES "
                + Array(repeating: "(?, ?, ?, ?, ?)", count: Self.batchSize).joined(separator: ", "))
        pending.reserveCapacity(Self.batchSize)
    }

    mutating func add(_ raw: RawObservation) throws {
        rowsRead += 1
        let code = try entityCode(raw)
        let (periodID, period) = try periodOf(raw)
        let value = try valueOf(raw)
        pending.append(PendingRow(periodID: periodID, period: period, code: code, value: value,
                                  location: raw.entityLocation ?? raw.valueLocation))
        switch mode {
        case .hashOnly:
            pending.removeAll(keepingCapacity: true)
            rowsStored += 1
        case .oneRowAtATime:
            try insertOne(pending.removeLast())
        case .batches:
            if pending.count == Self.batchSize { try writePending() }
        }
        if current?.id != periodID {
            if let current { storedTotals[current.id] = current.totals }
            current = (periodID, storedTotals.removeValue(forKey: periodID) ?? PeriodTotals(period: period))
        }
        current!.totals.add(value, entity: code, line: raw.line)
    }

    /// Writes the rows still waiting: call once after the last ``add(_:)``.
    mutating func finish() throws {
        for row in pending { try insertOne(row) }
        pending.removeAll()
    }

    /// All pending rows in one statement. Should it fail (a figure given twice), SQLite
    /// undoes that statement alone, and the rows go in again one by one, so that the
    /// error names the row's line.
    private mutating func writePending() throws {
        do {
            var index: Int32 = 1
            for row in pending {
                try batchInsert.bind(int64: snapshotID, at: index)
                try batchInsert.bind(int64: row.periodID, at: index + 1)
                try batchInsert.bind(text: row.code, at: index + 2)
                try batchInsert.bind(double: row.value.value, at: index + 3)
                try batchInsert.bind(int64: Int64(row.value.decimals), at: index + 4)
                index += 5
            }
            try batchInsert.execute()
            rowsStored += pending.count
        } catch is SQLiteError {
            for row in pending { try insertOne(row) }
        }
        pending.removeAll(keepingCapacity: true)
    }

    private mutating func insertOne(_ row: PendingRow) throws {
        do {
            try insert.bind(int64: snapshotID, at: 1)
            try insert.bind(int64: row.periodID, at: 2)
            try insert.bind(double: row.value.value, at: 4)
            try insert.bind(int64: Int64(row.value.decimals), at: 5)
            try insert.withBorrowedText(row.code, at: 3) { try insert.execute() }
        } catch let error as SQLiteError where error.code == .constraintPrimaryKey {
            throw ImportError(file: file, at: row.location,
                              reason: "\(row.code) is given twice for \(row.period) in this snapshot",
                              expected: "one figure per entity and period")
        }
        rowsStored += 1
    }

    /// Shares of one period may add up to at most 100, plus what rounding explains.
    func checkTotals() throws {
        guard unit == .percent else { return }
        for totals in self.totals.values.sorted(by: { $0.period < $1.period }) {
            guard totals.sum > 100 + totals.roundingAllowance + 1e-9 else { continue }
            let sum = PublishedValue(value: totals.sum, decimals: totals.maximumDecimals)
            let allowance = PublishedValue(value: totals.roundingAllowance, decimals: totals.maximumDecimals + 1)
            var lines = ""
            if let first = totals.firstLine, let last = totals.lastLine { lines = " (lines \(first)-\(last))" }
            throw ImportError(file: file, line: totals.lastLine, column: nil,
                              reason: "the \(totals.count) shares of \(totals.period)\(lines) add up to \(sum), more than 100 "
                                + "(rounding explains at most \(allowance))",
                              expected: "the shares of one period to add up to at most 100")
        }
    }

    // MARK: Resolving

    private mutating func entityCode(_ raw: RawObservation) throws -> String {
        if let code = entityCache[raw.entity] { return code }
        // Suggestions compare the name with every known name and alias, at a cost that
        // grows with its length: a name of megabytes (a quote left open, a broken export)
        // would take minutes. No country or group has a name near this long.
        guard raw.entity.utf8.count <= Self.maximumNameBytes else {
            throw ImportError(file: file, at: raw.entityLocation,
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

    private mutating func periodOf(_ raw: RawObservation) throws -> (Int64, Period) {
        if let lastPeriod, let text = raw.period, text == lastPeriod.text { return (lastPeriod.id, lastPeriod.period) }
        let (id, period) = try resolvePeriod(raw)
        if let text = raw.period { lastPeriod = (text, id, period) }
        return (id, period)
    }

    private mutating func resolvePeriod(_ raw: RawObservation) throws -> (Int64, Period) {
        guard let text = raw.period, !text.trimmingSpaces.isEmpty else {
            guard let defaultPeriod else {
                throw ImportError(file: file, at: raw.periodLocation ?? raw.entityLocation,
                                  reason: "the row gives no period and the snapshot has no default period",
                                  expected: "a period column, or the snapshot's period (--period, or \"period\" in JSON)")
            }
            return try periodID(defaultPeriod.description, at: raw.entityLocation)
        }
        return try periodID(text, at: raw.periodLocation)
    }

    private mutating func periodID(_ text: String, at location: SourceLocation?) throws -> (Int64, Period) {
        if let cached = periodCache[text] { return cached }
        guard periodCache.count < Self.periodLimit else {
            throw ImportError(file: file, at: location, reason: "the snapshot has more than \(Self.periodLimit) distinct periods",
                              expected: "a snapshot of at most \(Self.periodLimit) periods (split the file)")
        }
        guard let period = Period(text) else {
            throw ImportError(file: file, at: location, reason: "\"\(text)\" is not a period", expected: Period.expectedForms)
        }
        let start = period.start.description, end = period.end.description
        let id: Int64
        if let existing = try connection.fetchOne("SELECT id FROM periods WHERE start_date = ? AND end_date = ?", start, end,
                                                  map: { try $0.get(0) as Int64 }) {
            id = existing
        } else if mode == .hashOnly {
            id = -Int64(periodCache.count + 1)
        } else {
            try connection.execute("INSERT INTO periods (start_date, end_date) VALUES (?, ?)", start, end)
            id = connection.lastInsertedRowID
        }
        periodCache[text] = (id, period)
        return (id, period)
    }

    private func valueOf(_ raw: RawObservation) throws -> PublishedValue {
        let parsed: PublishedValue.Parsed
        let expanded = raw.valueIsNumber ? PublishedValue.expandingExponent(raw.value) : nil
        if raw.valueIsNumber, expanded == nil, raw.value.contains(where: { $0 == "e" || $0 == "E" }) {
            // A JSON number, but its exponent is beyond what a published figure can have.
            throw ImportError(file: file, at: raw.valueLocation, reason: "the number \(raw.value) is out of range",
                              expected: "a figure written with an exponent between -40 and 40, or written out, such as 17.1")
        }
        let text = expanded ?? raw.value
        switch PublishedValue.parse(text, decimalComma: decimalComma && !raw.valueIsNumber) {
        case .success(let value): parsed = value
        case .failure(let failure): throw ImportError(file: file, at: raw.valueLocation, reason: failure.description)
        }
        let value = parsed.value
        switch unit {
        case .percent:
            guard value.value >= 0 else {
                throw ImportError(file: file, at: raw.valueLocation, reason: "the share \(value) is below 0",
                                  expected: "a share between 0 and 100")
            }
            guard value.value <= 100 else {
                throw ImportError(file: file, at: raw.valueLocation, reason: "the share \(value) is above 100",
                                  expected: "a share between 0 and 100")
            }
        case .count:
            guard !parsed.hasPercentSign else {
                throw ImportError(file: file, at: raw.valueLocation, reason: "\"\(raw.value)\" is a percentage, but the measure counts",
                                  expected: "a count such as 723000000")
            }
            guard value.value >= 0 else {
                throw ImportError(file: file, at: raw.valueLocation, reason: "the count \(value) is below 0", expected: "a count of 0 or more")
            }
            guard value.value == value.value.rounded() else {
                throw ImportError(file: file, at: raw.valueLocation, reason: "the count \(value) is not a whole number",
                                  expected: "a whole count such as 723000000 (write 1.15B as 1150000000)")
            }
        }
        return value
    }

    static func unitOfLastDigit(_ decimals: Int) -> Double {
        var unit = 1.0
        for _ in 0..<decimals { unit /= 10 }
        return unit
    }
}
