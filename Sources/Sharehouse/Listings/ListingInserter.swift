import SharehouseDB

/// Writes a listing's models and their bases, one row to a statement, inside the import's
/// transaction. A model listed twice is found by the table's key (listing, model), and
/// known by its place. No set of every id is kept, so memory stays flat for two million
/// models.
///
/// One row to a statement, not 64 as the share import writes: a statement of many rows
/// may fail halfway, so SQLite keeps a statement journal for it, a copy of every page it
/// touches; the models come in download order, not key order, so each of those statements
/// touched pages all over the table, and the copies were a tenth of the import's time.
/// A one-row insert needs no journal (2M-model listing: 4.5-5.0 s with 64 rows, 4.1-4.2 s
/// with one).
struct ListingInserter {
    let connection: Connection
    let listingID: Int64
    private let insertModel: Statement
    private let insertBase: Statement
    /// The places of models listed again (in read order), up to what an error lists, and
    /// how many there were in all.
    private(set) var repeats: [ListingEntry] = []
    private(set) var repeatCount = 0

    static let modelColumns =
        "(listing_id, model, author, downloads, downloads_all_time, created_on, pipeline_tag, library, org_country, derived_org_country)"

    init(connection: Connection, listingID: Int64) throws {
        self.connection = connection
        self.listingID = listingID
        insertModel = try connection.cachedStatement(
            "INSERT INTO listing_models " + Self.modelColumns + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        // A base named twice by one model is made distinct before it comes here; only the
        // bases of a model listed twice can meet the key again, and that import fails.
        insertBase = try connection.cachedStatement(
            "INSERT OR IGNORE INTO listing_bases (listing_id, model, base_model, relation) VALUES (?, ?, ?, ?)")
    }

    /// Writes a model and then its bases (whose foreign key names it); a model listed
    /// again is counted, with its place, and not written.
    mutating func insert(_ entry: ListingEntry) throws {
        do {
            try bind(entry, to: insertModel, at: 1)
            try insertModel.execute()
        } catch let error as SQLiteError where error.code == .constraintPrimaryKey {
            repeatCount += 1
            if repeats.count < ImportProblems.listedLimit { repeats.append(entry) }
            return
        }
        for base in entry.model.bases {
            try insertBase.bind(int64: listingID, at: 1)
            try insertBase.bind(text: entry.model.model, at: 2)
            try insertBase.bind(text: base.model, at: 3)
            try insertBase.bind(text: base.relation.rawValue, at: 4)
            try insertBase.execute()
        }
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
