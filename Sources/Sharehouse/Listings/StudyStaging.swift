import SharehouseDB

/// The study dataset's weekly rows, staged in a temporary table as they are read, then
/// read back sorted by model and time, a model at a time.
///
/// The dataset is not sorted by model, and a year of it is tens of millions of rows, so
/// its rows cannot wait in a dictionary of every model. SQLite does the grouping on disk
/// instead (a temporary file: the import sets `temp_store` to FILE), and memory
/// stays flat. The rows are appended to a table without a key, and sorted once when read
/// (SQLite's external merge sort). Measured on 2.6 million rows (50,000 models, 52 weeks
/// in week order, 293 MB of CSV; release build): appended and sorted, the whole import
/// took 15.8 s (14.3 s user, 1.3 s system) at 35 MB; inserted into a table keyed by
/// (model, time), 39.6 s (17.5 s user, 21.5 s system: the inserts land all over a B-tree
/// larger than its cache, a page read and written back each) at the same memory. The
/// sort also brings a model given twice for one week together, its first place first,
/// so that the error names both.
struct StudyStaging {
    static let batchSize = 64
    static let columns =
        "(model, time, downloads_all_time, file, line, author, created_on, org_country, derived_org_country, derived_from)"

    let connection: Connection
    /// The listing's files, by number, for the places of errors.
    let fileNames: [String]
    private let insertOne: Statement
    private let insertBatch: Statement
    private var pending: [(row: StudyRow, file: Int)] = []
    private(set) var rowsStaged = 0

    init(connection: Connection, fileNames: [String]) throws {
        self.connection = connection
        self.fileNames = fileNames
        try connection.execute("DROP TABLE IF EXISTS temp.listing_study_rows")
        try connection.execute(
            """
            CREATE TEMP TABLE listing_study_rows (
                model TEXT NOT NULL, time TEXT NOT NULL, downloads_all_time INTEGER NOT NULL,
                file INTEGER NOT NULL, line INTEGER NOT NULL,
                author TEXT, created_on TEXT, org_country TEXT, derived_org_country TEXT, derived_from TEXT
            )
            """)
        let row = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
        insertOne = try connection.prepare("INSERT INTO temp.listing_study_rows " + Self.columns + " VALUES " + row)
        insertBatch = try connection.prepare(
            "INSERT INTO temp.listing_study_rows " + Self.columns + " VALUES "
                + Array(repeating: row, count: Self.batchSize).joined(separator: ", "))
        pending.reserveCapacity(Self.batchSize)
    }

    /// Drops the table: call before the transaction commits (a rollback drops it too).
    func drop() throws {
        try connection.execute("DROP TABLE IF EXISTS temp.listing_study_rows")
    }

    mutating func insert(_ row: StudyRow, file: Int) throws {
        pending.append((row, file))
        guard pending.count == Self.batchSize else { return }
        var index: Int32 = 1
        for (row, file) in pending {
            try bind(row, file: file, to: insertBatch, at: index)
            index += 10
        }
        try insertBatch.execute()
        rowsStaged += pending.count
        pending.removeAll(keepingCapacity: true)
    }

    /// Writes the rows still waiting: call once after the last ``insert(_:file:)``.
    mutating func finish() throws {
        for (row, file) in pending {
            try bind(row, file: file, to: insertOne, at: 1)
            try insertOne.execute()
        }
        rowsStaged += pending.count
        pending.removeAll()
    }

    private func bind(_ row: StudyRow, file: Int, to statement: Statement, at index: Int32) throws {
        func text(_ value: String?, _ offset: Int32) throws {
            if let value {
                try statement.bind(text: value, at: index + offset)
            } else {
                try statement.bind(String?.none, at: Int(index + offset))
            }
        }
        try statement.bind(text: row.model, at: index)
        try statement.bind(text: row.time.description, at: index + 1)
        try statement.bind(int64: row.downloadsAllTime, at: index + 2)
        try statement.bind(int64: Int64(file), at: index + 3)
        try statement.bind(int64: Int64(row.line), at: index + 4)
        try text(row.author, 5)
        try text(row.createdOn?.description, 6)
        try text(row.orgCountry, 7)
        try text(row.derivedOrgCountry, 8)
        try text(row.derivedFrom, 9)
    }

    /// Every staged model, in id order, as its entry for the window after `start` (the
    /// rows after the window's end were never staged): nil for a model without downloads
    /// in it. A model given twice for one week, a cumulative count that falls, and a
    /// model without an author are problems, placed at the later row and naming the
    /// earlier; a model with a problem gives no entry. They are found in the order of the
    /// models, so the 20 an error lists are the first models', in file order.
    ///
    /// The model's author, created date, countries and bases are the last given in the
    /// window (a week that leaves one empty does not undo an earlier week's). The
    /// downloads in the window are the growth of the cumulative count from the last
    /// snapshot at or before `start` to the last in the window. A model with no snapshot
    /// before the window counts from 0 when it was created in the window (it had no
    /// downloads before), else from its first snapshot in the window (what it had then
    /// is not known to be the window's, so it is not counted: never more than it had).
    func forEachModel(after start: CalendarDate, problems: inout ImportProblems, _ body: (ListingEntry?) throws -> Void) throws {
        let startText = start.description
        var model: String?
        var baseline: Int64?
        var first: Int64?
        var previous: (count: Int64, file: Int, line: Int, time: String)?
        var last: (entry: ListingEntry, count: Int64, bases: String?)?
        var problem: ImportError?

        func finishModel() throws {
            defer {
                baseline = nil
                first = nil
                previous = nil
                last = nil
                problem = nil
            }
            if let problem {
                problems.add(problem)
                return
            }
            guard let last, let first else { return try body(nil) }
            let from = baseline ?? ((last.entry.model.createdOn.map { $0 > start } ?? false) ? 0 : first)
            let downloads = last.count - from
            guard downloads > 0 else { return try body(nil) }
            let bases = (last.bases?.split(separator: "\n").map { ListingBase(model: String($0), relation: .base) }).map(ModelID.distinct)
            let stored = last.entry.model
            var entry = last.entry
            entry.model = ListingModel(
                model: stored.model, author: stored.author, downloads: downloads, downloadsAllTime: last.count,
                createdOn: stored.createdOn, orgCountry: stored.orgCountry, derivedOrgCountry: stored.derivedOrgCountry,
                bases: bases ?? [])
            try body(entry)
        }

        let statement = try connection.prepare(
            """
            SELECT model, time, downloads_all_time, file, line, author, created_on, org_country, derived_org_country, derived_from
            FROM temp.listing_study_rows ORDER BY model, time, file, line
            """)
        try statement.forEachRow { row in
            let id = try row.text(at: 0)
            if id != model {
                if model != nil { try finishModel() }
                model = id
            }
            let time = try row.text(at: 1)
            let count = try row.integer(at: 2)
            let file = Int(try row.integer(at: 3))
            let line = Int(try row.integer(at: 4))
            if let earlier = previous, problem == nil {
                if earlier.time == time {
                    problem = ImportError(
                        file: fileNames[file], line: line, column: nil,
                        reason: "the model \(id) has two rows for \(time) (the first at \(fileNames[earlier.file]):\(earlier.line))",
                        expected: "one row per model and snapshot")
                } else if count < earlier.count {
                    problem = ImportError(
                        file: fileNames[file], line: line, column: nil,
                        reason: "the cumulative downloads of \(id) fall from \(earlier.count) (\(earlier.time), "
                            + "\(fileNames[earlier.file]):\(earlier.line)) to \(count) (\(time))",
                        expected: "a downloadsAllTime that never falls from one snapshot to the next")
                }
            }
            previous = (count, file, line, time)
            guard time > startText else {
                baseline = count
                return
            }
            if first == nil { first = count }
            // Each field keeps the last value given in the window: a row that leaves one
            // empty does not undo what an earlier week said.
            let earlier = last?.entry.model
            let author: String
            if !row.isNull(at: 5) {
                author = try row.text(at: 5)
            } else if let earlier {
                author = earlier.author
            } else if let named = ModelID.author(of: id) {
                author = named
            } else {
                if problem == nil {
                    problem = ImportError(
                        file: fileNames[file], line: line, column: nil, reason: "the model \"\(id)\" has no author, and its id names none",
                        expected: "an author, or an id org/name")
                }
                return
            }
            let listed = ListingModel(
                model: id, author: author, downloads: 0,
                createdOn: row.isNull(at: 6) ? earlier?.createdOn : CalendarDate(try row.text(at: 6)),
                orgCountry: row.isNull(at: 7) ? earlier?.orgCountry : try row.text(at: 7),
                derivedOrgCountry: row.isNull(at: 8) ? earlier?.derivedOrgCountry : try row.text(at: 8))
            last = (
                ListingEntry(model: listed, file: file, location: SourceLocation(line: line, column: 1)), count,
                row.isNull(at: 9) ? last?.bases : try row.text(at: 9)
            )
        }
        if model != nil { try finishModel() }
    }
}
