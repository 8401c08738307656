import Foundation
import SharehouseDB

/// Imports one listing, from all its files, inside the caller's transaction: readers
/// yield the models (the Hub's shape) or weekly rows (the study's) with their places,
/// every problem is kept up to ``ImportProblems/listedLimit`` and the reading goes on,
/// and the models with downloads in the window are written a row to a statement. The
/// listing's row, which holds the content hash and the counts, is written last: its
/// models' foreign key to it is deferred until the transaction commits, since a listing
/// is never updated once written.
///
/// A listing that may repeat a stored one (same shape, source, date and window) is read
/// once without writing to hash it, as a share file is, and a repeat ends there.
struct ListingImporter {
    static let progressInterval = 8192

    let inputs: [InputSource]
    let formats: [InputFormat]
    let shape: ListingShape
    let windowDays: Int
    let options: ListingImportOptions
    private let fileNames: [String]
    private let fileOrder: [String: Int]

    /// What a reading found: rows, models stored and skipped, their digest.
    private struct Tally {
        var rowsRead = 0
        var rowsAfterWindow = 0
        var skipped = 0
        var bases = 0
        var digest = ListingDigest()

        mutating func store(_ entry: ListingEntry) {
            digest.add(entry.model)
            bases += entry.model.bases.count
        }
    }

    /// Checks what can be checked before reading: the files' formats and shape, the window.
    init(inputs: [InputSource], options: ListingImportOptions) throws {
        guard !inputs.isEmpty else { throw ListingError.noFiles }
        if inputs.contains(where: \.isStandardInput) { throw ListingError.standardInput }
        self.inputs = inputs
        self.options = options
        fileNames = inputs.map(\.name)
        var order: [String: Int] = [:]
        for (index, name) in fileNames.enumerated() {
            // The same file twice would list every model of it twice.
            guard order[name] == nil else {
                throw ImportError(file: name, reason: "the file is given twice", expected: "each file of the listing once")
            }
            order[name] = index
        }
        fileOrder = order
        formats = try inputs.map { input in
            guard let format = InputFormat(fileName: input.name) else {
                throw ImportError(
                    file: input.name, reason: "cannot tell the format from the file name",
                    expected: "a name ending in .json (a page of the Hub's listing), .ndjson, .csv or .tsv")
            }
            return format
        }
        let shapes = try zip(inputs, formats).map { input, format in try options.shape ?? Self.shape(of: input, format: format) }
        if let hub = shapes.firstIndex(of: .hubAPI), let study = shapes.firstIndex(of: .studyDataset) {
            throw ListingError.mixedShapes(hubAPI: fileNames[hub], studyDataset: fileNames[study])
        }
        shape = shapes[0]
        if let latest = CalendarDate.today.adding(days: 1), options.retrievedOn > latest {
            throw ListingError.retrievedInTheFuture(options.retrievedOn)
        }
        if let days = options.windowDays {
            guard (1...ListingImportOptions.maximumWindowDays).contains(days) else { throw ListingError.windowOutOfRange(days) }
            windowDays = days
        } else {
            guard shape == .hubAPI else { throw ListingError.windowNeeded }
            windowDays = ListingImportOptions.hubWindowDays
        }
    }

    /// The shape a file's name and first record say: a JSON page is the Hub's, CSV the
    /// study's, and NDJSON whichever its first object's members say (`id` or `modelId`:
    /// the Hub's; `model` and `time`: the study's).
    static func shape(of input: InputSource, format: InputFormat) throws -> ListingShape {
        switch format {
        case .json: return .hubAPI
        case .csv, .tsv: return .studyDataset
        case .ndjson:
            var lines = LineReader(reader: try ChunkedReader(input), fileName: input.name, record: "model")
            while let (bytes, _) = try lines.next() {
                guard !LineReader.isBlank(bytes) else { continue }
                guard let node = try? JSONParser.parse(Array(bytes), fileName: input.name) else { return .hubAPI }
                return node["id"] == nil && node["modelId"] == nil && node[StudyFields.model] != nil && node[StudyFields.time] != nil
                    ? .studyDataset : .hubAPI
            }
            return .hubAPI
        }
    }

    func run(on connection: Connection) throws -> ListingReceipt {
        guard try Catalog.source(key: options.source, in: connection) != nil else { throw ListingError.unknownSource(options.source) }
        let listingID = try connection.fetchOne("SELECT coalesce(max(id), 0) + 1 FROM listings") { try $0.get(0) as Int64 } ?? 1
        // Only a listing of the same shape, source, date and window can hold the same content.
        let mayRepeat =
            try connection.fetchOne(
                "SELECT 1 FROM listings WHERE shape = ? AND source = ? AND retrieved_on = ? AND window_days = ? LIMIT 1",
                shape.rawValue, options.source, options.retrievedOn.description, windowDays
            ) { try $0.get(0) as Int64 } != nil
        switch shape {
        case .hubAPI: return try importHub(listingID: listingID, mayRepeat: mayRepeat, on: connection)
        case .studyDataset: return try importStudy(listingID: listingID, mayRepeat: mayRepeat, on: connection)
        }
    }

    // MARK: The Hub's listing

    private func importHub(listingID: Int64, mayRepeat: Bool, on connection: Connection) throws -> ListingReceipt {
        if mayRepeat {
            var noInserter: ListingInserter?
            do {
                let tally = try readHub(inserting: &noInserter)
                if let existing = try storedListing(holding: hash(of: tally), on: connection) {
                    return receipt(.unchanged, existing, tally)
                }
            } catch let error as ImportError where error.isRowProblem {
                // This pass writes nothing, so a model listed twice (which the table's key
                // finds) went unseen: the writing pass names every problem at once.
            }
        }
        try connection.execute("PRAGMA defer_foreign_keys = ON")
        var inserter: ListingInserter? = try ListingInserter(connection: connection, listingID: listingID)
        return try seal(listingID, try readHub(inserting: &inserter), on: connection)
    }

    /// Reads every file's models; with an inserter, writes those with downloads.
    private func readHub(inserting inserter: inout ListingInserter?) throws -> Tally {
        var tally = Tally()
        var problems = ImportProblems()
        tally.rowsRead = try readEach(
            problems: &problems,
            opening: { index, input in try HubListingReader(input: input, format: formats[index], fileIndex: index) },
            each: { record, _ in
                guard case .model(let entry) = record else {
                    tally.skipped += 1
                    return
                }
                tally.store(entry)
                try inserter?.insert(entry)
            })
        if let inserter, inserter.repeatCount > 0 {
            problems = problems.merged(with: repeatProblems(inserter), fileOrder: fileOrder)
        }
        if let error = problems.error { throw error.ofOneRow() }
        try checkNotEmpty(tally)
        return tally
    }

    /// The models listed again, each with where it was listed first. Only the places of
    /// the repeats are kept as the models are written (the table's key finds them), so the
    /// first places are found by reading the files again, for these few models only: it
    /// happens only when the import fails.
    private func repeatProblems(_ inserter: ListingInserter) -> ImportProblems {
        let wanted = Set(inserter.repeats.map(\.model.model))
        var firstPlaces: [String: String] = [:]
        for (index, input) in inputs.enumerated() where firstPlaces.count < wanted.count {
            guard var reader = try? HubListingReader(input: input, format: formats[index], fileIndex: index) else { continue }
            while firstPlaces.count < wanted.count {
                do {
                    guard let record = try reader.next() else { break }
                    if case .model(let entry) = record, wanted.contains(entry.model.model), firstPlaces[entry.model.model] == nil {
                        firstPlaces[entry.model.model] = "\(fileNames[index]):\(entry.location.line):\(entry.location.column)"
                    }
                } catch let error as ImportError where error.isRowProblem {
                    continue
                } catch {
                    break
                }
            }
        }
        var problems = ImportProblems()
        for entry in inserter.repeats {
            let id = entry.model.model
            problems.add(
                ImportError(
                    file: fileNames[entry.file], at: entry.location,
                    reason: "the model \(id) is listed twice" + (firstPlaces[id].map { ", first at \($0)" } ?? ""),
                    expected:
                        "each model once in a listing (pages fetched while the Hub's order changed can repeat a model: fetch them again)"))
        }
        problems.addUnlisted(inserter.repeatCount - inserter.repeats.count)
        return problems
    }

    // MARK: The study dataset

    /// Stages the rows dated up to the retrieval date, then walks them a model at a time
    /// (``StudyStaging``).
    private func importStudy(listingID: Int64, mayRepeat: Bool, on connection: Connection) throws -> ListingReceipt {
        guard let start = options.retrievedOn.adding(days: -windowDays) else { throw ListingError.windowOutOfRange(windowDays) }
        var staging = try StudyStaging(connection: connection, fileNames: fileNames)
        var read = Tally()
        var problems = ImportProblems()
        read.rowsRead = try readEach(
            problems: &problems,
            opening: { index, input in try StudyRowReader(input: input, format: formats[index]) },
            each: { row, index in
                guard row.time <= options.retrievedOn else {
                    read.rowsAfterWindow += 1
                    return
                }
                try staging.insert(row, file: index)
            })
        try staging.finish()

        /// Walks the staged rows; with an inserter, writes the models with downloads.
        func walk(inserting inserter: inout ListingInserter?) throws -> (Tally, ImportProblems) {
            var tally = read
            var problems = ImportProblems()
            try staging.forEachModel(after: start, problems: &problems) { entry in
                guard let entry else {
                    tally.skipped += 1
                    return
                }
                tally.store(entry)
                try inserter?.insert(entry)
            }
            return (tally, problems)
        }
        var noInserter: ListingInserter?
        if !problems.isEmpty {
            // The rows a reader refused are said with what only the sorted rows show (a
            // model twice in a week, a count that falls), all at once.
            let (_, sorted) = try walk(inserting: &noInserter)
            throw problems.merged(with: sorted, fileOrder: fileOrder).error!
        }
        if mayRepeat {
            // Each walk sorts the staged rows again: this is the price of a second import
            // of the same date and window, to write nothing when it repeats.
            let (tally, problems) = try walk(inserting: &noInserter)
            if let error = problems.inFileOrder(fileOrder).error { throw error }
            try checkNotEmpty(tally)
            if let existing = try storedListing(holding: hash(of: tally), on: connection) {
                return receipt(.unchanged, existing, tally)
            }
        }
        try connection.execute("PRAGMA defer_foreign_keys = ON")
        var inserter: ListingInserter? = try ListingInserter(connection: connection, listingID: listingID)
        let (tally, sortedProblems) = try walk(inserting: &inserter)
        if let error = sortedProblems.inFileOrder(fileOrder).error { throw error }
        try checkNotEmpty(tally)
        try staging.drop()
        return try seal(listingID, tally, on: connection)
    }

    // MARK: Steps

    private func checkNotEmpty(_ tally: Tally) throws {
        guard tally.digest.models == 0 else { return }
        throw ImportError(
            file: fileNames.count == 1 ? fileNames[0] : "\(fileNames[0]) (and \(fileNames.count - 1) more)",
            reason: tally.rowsRead == 0
                ? "the listing has no models" : "no model of the listing has downloads in its window (\(tally.rowsRead) read)",
            expected: shape == .hubAPI
                ? "models with their \"downloads\" over the last 30 days"
                : "weekly rows whose downloadsAllTime grows in the \(windowDays) days up to \(options.retrievedOn)")
    }

    private func hash(of tally: Tally) -> String {
        tally.digest.contentHash(shape: shape, source: options.source, retrievedOn: options.retrievedOn, windowDays: windowDays)
    }

    private func storedListing(holding hash: String, on connection: Connection) throws -> Int64? {
        try connection.fetchOne("SELECT id FROM listings WHERE content_sha256 = ?", hash) { try $0.get(0) as Int64 }
    }

    /// Writes the listing's row, last: its models are written, so its counts and content
    /// hash are known, and their deferred foreign key now holds.
    private func seal(_ listingID: Int64, _ tally: Tally, on connection: Connection) throws -> ListingReceipt {
        try connection.execute(
            """
            INSERT INTO listings (id, source, retrieved_on, window_days, shape, imported_at, file_names, content_sha256,
                                  models, models_skipped)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, listingID, options.source, options.retrievedOn.description, windowDays, shape.rawValue,
            Date().ISO8601Format(), inputs.compactMap(SnapshotImporter.storedFileName).joined(separator: "\n"),
            hash(of: tally), tally.digest.models, tally.skipped)
        return receipt(options.dryRun ? .dryRun : .imported, listingID, tally)
    }

    private func receipt(_ outcome: ListingReceipt.Outcome, _ listingID: Int64, _ tally: Tally) -> ListingReceipt {
        ListingReceipt(
            outcome: outcome, listingID: listingID, source: options.source, retrievedOn: options.retrievedOn,
            windowDays: windowDays, shape: shape, files: fileNames, rowsRead: tally.rowsRead,
            rowsAfterWindow: tally.rowsAfterWindow, modelsStored: tally.digest.models, modelsSkipped: tally.skipped,
            basesStored: tally.bases)
    }

    /// Reads every record of every input with the reader `open` makes, handing each to
    /// `body` with its file's number, and returns how many were read. A problem of one
    /// record is kept and the reading goes on; one that stops a file's reader (a page that
    /// is an error the server sent, broken JSON) is kept and the other files are read.
    private func readEach<Reader: ListingRecordReader>(
        problems: inout ImportProblems, opening open: (Int, InputSource) throws -> Reader,
        each body: (Reader.Record, Int) throws -> Void
    ) throws -> Int {
        var rowsRead = 0
        for (index, input) in inputs.enumerated() {
            var reader: Reader
            do {
                reader = try open(index, input)
            } catch let error as ImportError where error.category == .badInput {
                problems.add(error)
                continue
            }
            while true {
                let record: Reader.Record
                do {
                    guard let next = try reader.next() else { break }
                    record = next
                } catch let error as ImportError where error.isRowProblem {
                    problems.add(error)
                    continue
                } catch let error as ImportError where error.category == .badInput {
                    problems.add(error)
                    break
                }
                rowsRead += 1
                report(rowsRead, file: input.name, chunks: reader.chunks)
                try body(record, index)
            }
        }
        return rowsRead
    }

    private func report(_ rows: Int, file: String, chunks: ChunkedReader) {
        guard rows % Self.progressInterval == 0, let progress = options.progress else { return }
        progress(ImportProgress(file: file, rowsRead: rows, bytesRead: chunks.bytesRead, totalBytes: chunks.totalBytes))
    }
}
