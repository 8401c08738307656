import SharehouseDB

/// Writes a listing's models and their bases, 64 rows to a statement, inside the import's
/// transaction. A model listed twice is found by the table's key (listing, model), as
/// ``ObservationInserter`` finds a figure given twice: the batch fails, SQLite undoes that
/// statement alone, and its rows go in again one at a time so that the repeat is known
/// by its place. No set of every id is kept, so memory stays flat for two million models.
struct ListingInserter {
    static let batchSize = 64

    let connection: Connection
    let listingID: Int64
    private let insertModel: Statement
    private let batchModels: Statement
    private let insertBase: Statement
    private let batchBases: Statement
    /// Models waiting for the next multi-row insert.
    private var pending: [ListingEntry] = []
    /// Bases waiting, with their model's id.
    private var pendingBases: [(model: String, base: ListingBase)] = []
    /// The places of models listed again (in read order), up to what an error lists, and
    /// how many there were in all.
    private(set) var repeats: [ListingEntry] = []
    private(set) var repeatCount = 0
    private(set) var basesStored = 0

    static let modelColumns =
        "(listing_id, model, author, downloads, downloads_all_time, created_on, pipeline_tag, library, org_country, derived_org_country)"

    init(connection: Connection, listingID: Int64) throws {
        self.connection = connection
        self.listingID = listingID
        let row = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
        insertModel = try connection.cachedStatement("INSERT INTO listing_models " + Self.modelColumns + " VALUES " + row)
        batchModels = try connection.cachedStatement(
            "INSERT INTO listing_models " + Self.modelColumns + " VALUES "
                + Array(repeating: row, count: Self.batchSize).joined(separator: ", "))
        // A base named twice by one model is made distinct before it comes here; only the
        // bases of a model listed twice can meet the key again, and that import fails.
        insertBase = try connection.cachedStatement(
            "INSERT OR IGNORE INTO listing_bases (listing_id, model, base_model, relation) VALUES (?, ?, ?, ?)")
        batchBases = try connection.cachedStatement(
            "INSERT OR IGNORE INTO listing_bases (listing_id, model, base_model, relation) VALUES "
                + Array(repeating: "(?, ?, ?, ?)", count: Self.batchSize).joined(separator: ", "))
        pending.reserveCapacity(Self.batchSize)
        pendingBases.reserveCapacity(Self.batchSize)
    }

    mutating func insert(_ entry: ListingEntry) throws {
        pending.append(entry)
        if pending.count == Self.batchSize { try writePending() }
    }

    /// Writes what is still waiting: call once after the last ``insert(_:)``.
    mutating func finish() throws {
        for entry in pending { try insertOne(entry) }
        pending.removeAll()
        try writeBases(all: true)
    }

    private mutating func writePending() throws {
        do {
            var index: Int32 = 1
            for entry in pending {
                try bind(entry, to: batchModels, at: index)
                index += 10
            }
            try batchModels.execute()
        } catch is SQLiteError {
            // A model listed again: SQLite undid this statement alone; one at a time, the
            // repeat is known by its place.
            for entry in pending { try insertOne(entry) }
            pending.removeAll(keepingCapacity: true)
            try writeBases(all: false)
            return
        }
        for entry in pending {
            for base in entry.model.bases { pendingBases.append((entry.model.model, base)) }
        }
        pending.removeAll(keepingCapacity: true)
        try writeBases(all: false)
    }

    private mutating func insertOne(_ entry: ListingEntry) throws {
        do {
            try bind(entry, to: insertModel, at: 1)
            try insertModel.execute()
        } catch let error as SQLiteError where error.code == .constraintPrimaryKey {
            repeatCount += 1
            if repeats.count < ImportProblems.listedLimit { repeats.append(entry) }
            return
        }
        for base in entry.model.bases { pendingBases.append((entry.model.model, base)) }
    }

    /// Writes the waiting bases 64 to a statement (after their models, so that their
    /// foreign key holds); with `all`, the rest one at a time.
    private mutating func writeBases(all: Bool) throws {
        while pendingBases.count >= Self.batchSize {
            var index: Int32 = 1
            for (model, base) in pendingBases.prefix(Self.batchSize) {
                try batchBases.bind(int64: listingID, at: index)
                try batchBases.bind(text: model, at: index + 1)
                try batchBases.bind(text: base.model, at: index + 2)
                try batchBases.bind(text: base.relation.rawValue, at: index + 3)
                index += 4
            }
            try batchBases.execute()
            basesStored += Self.batchSize
            pendingBases.removeFirst(Self.batchSize)
        }
        guard all else { return }
        for (model, base) in pendingBases {
            try insertBase.bind(int64: listingID, at: 1)
            try insertBase.bind(text: model, at: 2)
            try insertBase.bind(text: base.model, at: 3)
            try insertBase.bind(text: base.relation.rawValue, at: 4)
            try insertBase.execute()
            basesStored += 1
        }
        pendingBases.removeAll()
    }

    /// Binds a model's ten columns from parameter `index` on.
    private func bind(_ entry: ListingEntry, to statement: Statement, at index: Int32) throws {
        let model = entry.model
        try statement.bind(int64: listingID, at: index)
        try statement.bind(text: model.model, at: index + 1)
        try statement.bind(text: model.author, at: index + 2)
        try statement.bind(int64: model.downloads, at: index + 3)
        try bind(model.downloadsAllTime, to: statement, at: index + 4)
        try bind(model.createdOn?.description, to: statement, at: index + 5)
        try bind(model.pipelineTag, to: statement, at: index + 6)
        try bind(model.library, to: statement, at: index + 7)
        try bind(model.orgCountry, to: statement, at: index + 8)
        try bind(model.derivedOrgCountry, to: statement, at: index + 9)
    }

    private func bind(_ text: String?, to statement: Statement, at index: Int32) throws {
        if let text { try statement.bind(text: text, at: index) } else { try statement.bind(String?.none, at: Int(index)) }
    }

    private func bind(_ number: Int64?, to statement: Statement, at index: Int32) throws {
        if let number { try statement.bind(int64: number, at: index) } else { try statement.bind(Int64?.none, at: Int(index)) }
    }
}
