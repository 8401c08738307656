import SharehouseDB

/// Writes checked observations of one snapshot, and the period rows they need, inside the
/// import's transaction.
struct ObservationInserter {
    /// How many rows go to one INSERT statement.
    enum Batching {
        /// 64 rows to a statement (``batchSize``): each statement run costs SQLite a fixed
        /// overhead (halt, reset, constraint counters) that one row per run pays in full;
        /// 64 rows cut the import's instructions by a sixth. 320 parameters, far under
        /// SQLite's limit.
        case multiRow
        /// One row to a statement: inside a savepoint, where SQLite keeps a journal of
        /// every page each multi-row INSERT touches until the savepoint ends (a one-row
        /// INSERT needs none).
        case oneRow
    }

    static let batchSize = 64

    let connection: Connection
    let snapshotID: Int64
    let file: String
    let batching: Batching

    /// The id of each period's row, by the period's number in the snapshot.
    private(set) var periodIDs: [Int64] = []
    private let insert: Statement
    private let batchInsert: Statement
    /// Rows waiting for the next multi-row insert.
    private var pending: [CheckedObservation] = []
    /// Figures given twice, which the table's key finds: the rows after one still go in,
    /// so that every duplicate of the file is named at once.
    private(set) var duplicates = ImportProblems()

    init(connection: Connection, snapshotID: Int64, file: String, batching: Batching) throws {
        self.connection = connection
        self.snapshotID = snapshotID
        self.file = file
        self.batching = batching
        insert = try connection.cachedStatement(
            """
            INSERT INTO observations (snapshot_id, period_id, entity_code, value, decimals) VALUES (?, ?, ?, ?, ?)
            """)
        batchInsert = try connection.cachedStatement(
            "INSERT INTO observations (snapshot_id, period_id, entity_code, value, decimals) VALUES "
                + Array(repeating: "(?, ?, ?, ?, ?)", count: Self.batchSize).joined(separator: ", "))
        pending.reserveCapacity(Self.batchSize)
    }

    mutating func insert(_ row: CheckedObservation) throws {
        if row.periodIndex == periodIDs.count { periodIDs.append(try periodID(of: row.period)) }
        switch batching {
        case .oneRow:
            try insertOne(row)
        case .multiRow:
            pending.append(row)
            if pending.count == Self.batchSize { try writePending() }
        }
    }

    /// Writes the rows still waiting: call once after the last ``insert(_:)``.
    mutating func finish() throws {
        for row in pending { try insertOne(row) }
        pending.removeAll()
    }

    /// The stored period's row, added if it is new.
    private func periodID(of period: Period) throws -> Int64 {
        let start = period.start.description
        let end = period.end.description
        if let existing = try connection.fetchOne(
            "SELECT id FROM periods WHERE start_date = ? AND end_date = ?", start, end,
            map: { try $0.get(0) as Int64 })
        {
            return existing
        }
        try connection.execute("INSERT INTO periods (start_date, end_date) VALUES (?, ?)", start, end)
        return connection.lastInsertedRowID
    }

    /// All pending rows in one statement. Should it fail (a figure given twice), SQLite
    /// undoes that statement alone, and the rows go in again one by one, so that the
    /// problem names the row's line.
    private mutating func writePending() throws {
        do {
            var index: Int32 = 1
            for row in pending {
                try batchInsert.bind(int64: snapshotID, at: index)
                try batchInsert.bind(int64: periodIDs[row.periodIndex], at: index + 1)
                try batchInsert.bind(text: row.code, at: index + 2)
                try batchInsert.bind(double: row.value.value, at: index + 3)
                try batchInsert.bind(int64: Int64(row.value.decimals), at: index + 4)
                index += 5
            }
            try batchInsert.execute()
        } catch is SQLiteError {
            for row in pending { try insertOne(row) }
        }
        pending.removeAll(keepingCapacity: true)
    }

    private mutating func insertOne(_ row: CheckedObservation) throws {
        do {
            try insert.bind(int64: snapshotID, at: 1)
            try insert.bind(int64: periodIDs[row.periodIndex], at: 2)
            try insert.bind(double: row.value.value, at: 4)
            try insert.bind(int64: Int64(row.value.decimals), at: 5)
            try insert.withBorrowedText(row.code, at: 3) { try insert.execute() }
        } catch let error as SQLiteError where error.code == .constraintPrimaryKey {
            duplicates.add(
                ImportError(
                    file: file, at: row.location,
                    reason: "\(row.code) is given twice for \(row.period) in this snapshot",
                    expected: "one figure per entity and period"))
        }
    }
}
