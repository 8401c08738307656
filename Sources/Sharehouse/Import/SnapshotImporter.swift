import Foundation
import SharehouseDB

/// Imports one snapshot inside the caller's transaction, as a pipeline: a reader yields
/// the rows with their places, an ``ObservationValidator`` resolves and checks them and
/// keeps the totals and content digest, and an ``ObservationInserter`` writes them. Either
/// the same content is already stored (and nothing is kept) or a new snapshot is
/// recorded. Nothing is ever updated or deleted but the new snapshot's seal.
struct SnapshotImporter {
    let input: InputSource
    private(set) var options: ImportOptions
    let resolver: EntityResolver
    /// Observations given as values instead of read from `input`.
    var values: [ObservationInput]?

    static let progressInterval = 8192
    /// The content hash of a snapshot not sealed yet (migration 0005).
    static let unsealed = String(repeating: "0", count: 64)
    static let differenceLimit = 1000
    static let maximumSidecarBytes = 1 << 20

    /// A reader of the input from its start: the chunks under it (for progress), the
    /// observations, and the format read.
    private typealias OpenedInput = (chunks: ChunkedReader, reader: any ObservationReader, format: InputFormat?)

    /// How the rows are stored, by what is known of the content before they are read.
    private enum Storing {
        /// No stored snapshot has the same measure, source and date, so none can hold the
        /// same content: one pass, 64 rows to a statement, sealed with its hash at the end.
        case onePass
        /// The content hash is known from a first pass over the file, and no stored
        /// snapshot holds it: sealed as it is written, 64 rows to a statement.
        case hashKnown(String)
        /// Standard input, which cannot be read twice, where a stored snapshot may hold the
        /// same content: written in a savepoint, one row to a statement, and rolled back
        /// if it repeats a stored snapshot.
        case inSavepoint

        var batching: ObservationInserter.Batching {
            if case .inSavepoint = self { .oneRow } else { .multiRow }
        }
    }

    func run(on connection: Connection) throws -> ImportResult {
        // The sidecar first: it may say how to read the file (delimiter, columns...).
        let isJSON = (try? format(of: input.name)) == .json
        guard values == nil, options.readsSidecar, !isJSON, let sidecar = try Self.sidecar(of: input) else {
            return try run(on: connection, sidecar: nil)
        }
        var importer = self
        importer.options = try options.reading(sidecar.1.reading, from: sidecar.0, file: input.name)
        return try importer.run(on: connection, sidecar: sidecar)
    }

    private func run(on connection: Connection, sidecar: (String, SnapshotDescription)?) throws -> ImportResult {
        let file = input.name
        var opened = try openReader()
        var places: [(origin: String, description: SnapshotDescription)] = []
        if values == nil {
            places.append(("the file", opened.reader.embeddedDescription))
            if let (path, sidecar) = sidecar {
                places.append(("the sidecar \(path)", sidecar))
            }
        }
        places.append((values == nil ? "the command line" : "the description", options.description))
        let metadata = try SnapshotMetadata(merging: places, file: file)
        // A publication date in the future is a typo (2062 for 2026): stored, it would
        // outrank every real publication of its periods for good. A day of slack for time zones.
        if let latest = CalendarDate.today.adding(days: 1), metadata.publishedOn > latest {
            throw ImportError(
                file: file, reason: "the publication date \(metadata.publishedOn) is in the future (today is \(CalendarDate.today))",
                expected: "the day the source published these figures")
        }

        // A delimited file read otherwise than its name says, and how its figures were read.

        let csvDelimiter = (opened.reader as? CSVObservationReader)?.delimiter
        let namedDelimiter: Delimiter = opened.format == .tsv ? .tab : .comma
        // Said only when found: a delimiter the user gave needs no telling.
        let delimiterFound = options.delimiter != nil ? nil : csvDelimiter.flatMap { $0 != namedDelimiter ? $0.name : nil }
        let infersDecimalComma = csvDelimiter == .semicolon || csvDelimiter == .tab

        // Catalog: what the file defines is added, or must match what is stored.
        let (measure, addedMeasures, addedSources) = try ensureCatalog(metadata, file: file, on: connection)
        if options.scale != nil, measure.unit == .count {
            throw ImportError(
                file: file, reason: "--scale applies to shares, and the measure \(measure.key) counts",
                expected: "counts as they are, without --scale")
        }
        // A date that disagrees with the source's own is worth a look, not a refusal.
        let warnings = try Catalog.source(key: metadata.source.key, in: connection)
            .flatMap { ImportWarning.publicationDates(of: metadata.publishedOn, source: $0) }
        func receipt(
            _ outcome: ImportReceipt.Outcome, _ id: Int64, _ validator: ObservationValidator,
            differences: [ImportReceipt.PeriodDifference] = [], truncated: Bool = false
        ) -> ImportReceipt {
            var receipt = ImportReceipt(
                outcome: outcome, snapshotID: id, file: file, measure: measure.key, source: metadata.source.key,
                publishedOn: metadata.publishedOn, verification: metadata.verification, coverage: metadata.coverage,
                rowsRead: validator.rowsRead, rowsStored: outcome == .imported ? validator.rowsRead : 0,
                periods: validator.periods.map(\.period).sorted(), matchedByName: validator.nameMatches,
                differences: differences, differencesTruncated: truncated,
                addedMeasures: addedMeasures, addedSources: addedSources)
            receipt.delimiterFound = delimiterFound
            receipt.decimalCommasRead = validator.decimalCommasRead
            receipt.warnings = warnings.map { [$0] } ?? []
            return receipt
        }
        /// The same content is stored as `existing`; a correction may have replaced it since.
        func unchanged(_ existing: Int64, _ validator: ObservationValidator) throws -> ImportResult {
            var stored = receipt(.unchanged, existing, validator)
            stored.correctedBy =
                try connection.fetchOne(
                    "SELECT max(snapshot_id) FROM snapshot_corrections WHERE corrects_id = ?", existing
                ) { try $0.get(0) as Int64? } ?? nil
            return .unchanged(stored)
        }
        func newValidator() -> ObservationValidator {
            var validator = ObservationValidator(
                unit: measure.unit, file: file, resolver: resolver, defaultPeriod: metadata.period,
                decimalComma: options.decimalComma, infersDecimalComma: infersDecimalComma)
            validator.bareDates = options.bareDates
            validator.scale = options.scale
            validator.publishedOn = metadata.publishedOn
            return validator
        }

        // Only a snapshot of the same measure, source and date can hold the same figures,
        // or be corrected by this file.
        let mayRepeat =
            try connection.fetchOne(
                "SELECT 1 FROM snapshots WHERE measure = ? AND source = ? AND published_on = ? LIMIT 1",
                measure.key, metadata.source.key, metadata.publishedOn.description
            ) { try $0.get(0) as Int64 } != nil

        func store(_ storing: Storing) throws -> ImportResult {
            // The snapshot row comes first, so that every foreign key holds as rows are
            // written. Deferring foreign keys instead would make SQLite scan the
            // observations for every new period (a parent row) while the snapshot row was
            // missing. Its content hash is known only after the last row: unless a first
            // pass found it, the row is written unsealed (migration 0005) and sealed last,
            // since knowing the hash first would mean reading every file twice.
            let snapshotID = try connection.fetchOne("SELECT coalesce(max(id), 0) + 1 FROM snapshots") { try $0.get(0) as Int64 } ?? 1
            var knownHash: String?
            if case .hashKnown(let hash) = storing { knownHash = hash }
            try connection.execute(
                """
                INSERT INTO snapshots (id, measure, source, published_on, imported_at, content_sha256, file_name,
                                       verification, coverage, note)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, snapshotID, measure.key, metadata.source.key, metadata.publishedOn.description, Date().ISO8601Format(),
                knownHash ?? Self.unsealed, Self.storedFileName(input), metadata.verification.rawValue,
                metadata.coverage.rawValue, metadata.note)
            var validator = newValidator()
            var inserter: ObservationInserter? = try ObservationInserter(
                connection: connection, snapshotID: snapshotID, file: file,
                batching: storing.batching)
            try read(&opened, into: &validator, inserting: &inserter)
            let periodIDs = inserter?.periodIDs ?? []
            let coverage = try connection.cachedStatement(
                "INSERT INTO snapshot_periods (period_id, snapshot_id, figures, digest) VALUES (?, ?, ?, ?)")
            for (periodID, totals) in zip(periodIDs, validator.periods).sorted(by: { $0.0 < $1.0 }) {
                try coverage.bind(periodID, snapshotID, totals.count, totals.digest.hex)
                try coverage.execute()
            }
            let hash = validator.contentHash(of: metadata)
            switch storing {
            case .onePass:
                break
            case .hashKnown(let first):
                // The seal must say what was stored: a file changed between the two reads
                // would be stored under the first read's hash.
                guard hash == first else {
                    throw ImportError(
                        file: file, reason: "the file changed while it was imported",
                        expected: "a file that stays the same until the import ends; import it again")
                }
            case .inSavepoint:
                if let existing = try storedSnapshot(holding: hash, metadata: metadata, measure: measure, on: connection) {
                    return try unchanged(existing, validator)
                }
            }
            // A stored snapshot of the same publication with other figures: a correction.
            var corrected: [ImportReceipt.CorrectedSnapshot] = []
            if mayRepeat {
                corrected = try CorrectionCheck.corrected(
                    by: snapshotID, measure: measure.key, source: metadata.source.key, publishedOn: metadata.publishedOn,
                    on: connection)
                if !corrected.isEmpty, !options.acceptsCorrection {
                    throw CorrectionCheck.refusal(
                        corrected, file: file, measure: measure.key, source: metadata.source.key,
                        publishedOn: metadata.publishedOn)
                }
                for snapshot in corrected {
                    try connection.execute(
                        "INSERT INTO snapshot_corrections (snapshot_id, corrects_id) VALUES (?, ?)", snapshotID, snapshot.snapshotID)
                }
            }
            let (differences, truncated) = try SnapshotDifferences.compute(
                snapshotID: snapshotID, measure: measure.key, source: metadata.source.key, publishedOn: metadata.publishedOn,
                periods: zip(periodIDs, validator.periods).map { ($0, $1.period, $1.digest.hex, $1.count) },
                limit: Self.differenceLimit, on: connection)
            if knownHash == nil {
                try connection.execute("UPDATE snapshots SET content_sha256 = ? WHERE id = ?", hash, snapshotID)
            }
            let outcome: ImportReceipt.Outcome = options.dryRun ? .dryRun : .imported
            var stored = receipt(outcome, snapshotID, validator, differences: differences, truncated: truncated)
            stored.corrects = corrected
            return options.dryRun ? .dryRun(stored) : .imported(stored)
        }

        guard mayRepeat else { return try store(.onePass) }
        guard !input.isStandardInput else {
            return try connection.transaction(keepingChangesIf: { !$0.isUnchanged }, { try store(.inSavepoint) })
        }
        // A file that may repeat a stored snapshot is read twice: first by a validator
        // alone, which writes nothing, to hash it, and a repeat ends there (a repeated
        // import of the benchmark's medium workload takes 0.26 s, against 1.75 s when it
        // wrote its rows and rolled them back, BENCHMARKS.md). Otherwise the rows are
        // written outside any savepoint: under an open savepoint SQLite would keep a
        // journal of every page each statement touches until the savepoint ends
        // (gigabytes of temporary writes for a million rows).
        var hasher = newValidator()
        var noInserter: ObservationInserter?
        do {
            try read(&opened, into: &hasher, inserting: &noInserter)
        } catch let error as ImportError where error.isRowProblem {
            // This pass writes nothing, so a figure given twice (which the table's key
            // finds) went unseen: the rows are written, to be rolled back with the
            // error, so that it names every problem of the file at once.
            opened = try openReader()
            return try store(.onePass)
        }
        let hash = hasher.contentHash(of: metadata)
        if let existing = try storedSnapshot(holding: hash, metadata: metadata, measure: measure, on: connection) {
            return try unchanged(existing, hasher)
        }
        opened = try openReader()
        return try store(.hashKnown(hash))
    }

    /// Reads every row of the input through `validator` and, if there is one, `inserter`;
    /// then checks what only the whole snapshot can show.
    private func read(
        _ opened: inout OpenedInput, into validator: inout ObservationValidator,
        inserting inserter: inout ObservationInserter?
    ) throws {
        let file = input.name
        // A problem of one row is kept and the reading goes on, so that the error lists
        // every problem of the file (up to ImportProblems.listedLimit); one that stops the
        // reader ends it, after the problems found before it.
        var problems = ImportProblems()
        func failure(_ last: ImportError? = nil) -> ImportError? {
            if let last { problems.add(last) }
            return problems.merged(with: inserter?.duplicates ?? ImportProblems()).error
        }
        while true {
            let raw: RawObservation
            do {
                guard let next = try opened.reader.next() else { break }
                raw = next
            } catch let error as ImportError where error.isRowProblem {
                problems.add(error)
                continue
            } catch let error as ImportError {
                throw failure(error)!
            }
            let row: CheckedObservation
            do {
                row = try validator.check(raw)
            } catch let error as ImportError {
                problems.add(error)
                continue
            }
            try inserter?.insert(row)
            if validator.rowsRead % Self.progressInterval == 0, let progress = options.progress {
                progress(
                    ImportProgress(
                        file: file, rowsRead: validator.rowsRead, bytesRead: opened.chunks.bytesRead,
                        totalBytes: opened.chunks.totalBytes))
            }
        }
        try inserter?.finish()
        if let error = failure() { throw error.ofOneRow() }
        guard validator.rowsRead > 0 else {
            throw ImportError(file: file, reason: "the snapshot has no observations", expected: "at least one figure")
        }
        try validator.checkTotals()
    }

    /// A reader of the input from its start, and the format it reads.
    private func openReader() throws -> OpenedInput {
        let file = input.name
        if let values {
            return (
                try ChunkedReader(.bytes([], name: file)),
                ValuesObservationReader(description: options.description, observations: values), nil
            )
        }
        let chunks = try ChunkedReader(input)
        let format = try format(of: file)
        let reader: any ObservationReader =
            switch format {
            case .json: try JSONSnapshotReader(reader: chunks, fileName: file)
            case .ndjson: NDJSONObservationReader(reader: chunks, fileName: file)
            case .csv, .tsv:
                try CSVObservationReader(
                    reader: chunks, delimiter: try delimiter(of: chunks, format: format), columns: options.columns, fileName: file)
            }
        return (chunks, reader, format)
    }

    /// The delimiter given, else the one that alone splits the header line into columns
    /// Sharehouse knows (a spreadsheet exported in a European locale writes `;`), else
    /// the one the file's name says.
    private func delimiter(of chunks: ChunkedReader, format: InputFormat) throws -> Delimiter {
        if let given = options.delimiter { return given }
        let named: Delimiter = format == .tsv ? .tab : .comma
        var line = try chunks.peek().prefix { $0 != 0x0A && $0 != 0x0D }[...]
        if line.starts(with: [0xEF, 0xBB, 0xBF]) { line = line.dropFirst(3) }
        let header = String(decoding: line, as: UTF8.self)
        let fitting = Delimiter.allCases.filter { CSVObservationReader.recognises(header, delimiter: $0, columns: options.columns) }
        return fitting.count == 1 ? fitting[0] : named
    }

    /// The stored snapshot of the same measure, source and date that holds the same
    /// content, if there is one; refuses the import when it has other metadata.
    private func storedSnapshot(
        holding hash: String, metadata: SnapshotMetadata, measure: Measure,
        on connection: Connection
    ) throws -> Int64? {
        guard
            let existing = try connection.fetchOne(
                """
                SELECT id, verification, coverage, note FROM snapshots
                WHERE measure = ? AND source = ? AND published_on = ? AND content_sha256 = ?
                """, measure.key, metadata.source.key, metadata.publishedOn.description, hash,
                map: { row in
                    (
                        id: try row.get(0) as Int64, verification: try row.get(1) as String, coverage: try row.get(2) as String,
                        note: try row.get(3) as String?
                    )
                })
        else { return nil }
        // The same figures with another verification, coverage or note would be a silent
        // loss if reported as "unchanged": a snapshot is never edited, so say it.
        var differences: [String] = []
        if existing.verification != metadata.verification.rawValue {
            differences.append("verification \(existing.verification), this import \(metadata.verification.rawValue)")
        }
        if existing.coverage != metadata.coverage.rawValue {
            differences.append("coverage \(existing.coverage), this import \(metadata.coverage.rawValue)")
        }
        if existing.note != metadata.note {
            differences.append(
                "note \(existing.note.map { "\"\($0)\"" } ?? "none"), this import \(metadata.note.map { "\"\($0)\"" } ?? "none")")
        }
        guard differences.isEmpty else {
            throw ImportError(
                file: input.name,
                reason: "the same figures are already imported as snapshot \(existing.id), with "
                    + differences.joined(separator: "; ") + "; a snapshot is never changed",
                expected: "the stored metadata, or a new publication date if the source published again",
                category: .refused)
        }
        return existing.id
    }

    // MARK: Steps

    private func format(of file: String) throws -> InputFormat {
        if let format = options.format { return format }
        if let format = InputFormat(fileName: file) { return format }
        throw ImportError(
            file: file, reason: "cannot tell the format from the file name",
            expected: "a name ending in .json, .ndjson, .csv or .tsv, or --input-format")
    }

    private func ensureCatalog(
        _ metadata: SnapshotMetadata, file: String,
        on connection: Connection
    ) throws -> (Measure, [String], [String]) {
        var addedMeasures: [String] = []
        var addedSources: [String] = []
        do {
            let measure: Measure
            switch metadata.measure {
            case .definition(let definition):
                if try Catalog.ensure(definition, in: connection) { addedMeasures.append(definition.key) }
                measure = definition
            case .key(let key):
                guard let stored = try Catalog.measure(key: key, in: connection) else {
                    throw try Catalog.unknown(.measure, key: key, in: connection)
                }
                measure = stored
            }
            var definitions = metadata.relayedSources
            if case .definition(let source) = metadata.source { definitions.append(source) }
            addedSources += try Catalog.ensureParentsFirst(definitions, in: connection)
            if case .key(let key) = metadata.source, try Catalog.source(key: key, in: connection) == nil {
                throw try Catalog.unknown(.source, key: key, in: connection)
            }
            return (measure, addedMeasures, addedSources)
        } catch let error as CatalogError {
            throw ImportError(
                file: file, reason: error.description,
                category: error.category == .refused ? .refused : .badInput)
        }
    }

    /// The metadata in `FILE.json` or `FILE.csv.json` next to the file, if there is one.
    static func sidecar(of input: InputSource) throws -> (String, SnapshotDescription)? {
        guard let (sidecar, bytes) = try sidecarBytes(of: input, holding: "the snapshot's measure, source and publication date")
        else { return nil }
        let root = try JSONParser.parse(bytes, fileName: sidecar)
        let (description, _) = try SnapshotJSONDecoder(file: sidecar).description(of: root, allowObservations: false)
        return (sidecar, description)
    }

    /// The path and bytes of `FILE.json` or `FILE.csv.json` next to a file, if there is
    /// one (an attribution table's sidecar is found the same way); `holding` says what a
    /// sidecar holds, for the message when it is too large.
    static func sidecarBytes(of input: InputSource, holding: String) throws -> (String, [UInt8])? {
        guard case .file(let path) = input else { return nil }
        let withoutExtension = (path as NSString).deletingPathExtension
        var candidates: [String] = []
        for candidate in [path + ".json", withoutExtension + ".json"]
        where candidate != path && !candidates.contains(candidate) && FileManager.default.fileExists(atPath: candidate) {
            candidates.append(candidate)
        }
        guard let sidecar = candidates.first else { return nil }
        guard candidates.count == 1 else {
            throw ImportError(
                file: path, reason: "two sidecars could apply: \(candidates.joined(separator: " and "))",
                expected: "one sidecar with \(holding)")
        }
        // Read in chunks up to a limit: a sidecar is a few lines of metadata, and reading
        // one whole could take without bound (a sidecar linked to /dev/zero never ends).
        guard let bytes = try ChunkedReader(.file(sidecar)).readAll(limit: Self.maximumSidecarBytes) else {
            throw ImportError(
                file: sidecar, reason: "the sidecar is larger than \(Self.maximumSidecarBytes >> 20) MiB",
                expected: "a sidecar of a few lines: \(holding)")
        }
        return (sidecar, bytes)
    }

    /// The file name kept with the snapshot: the base name only (a path would tie the
    /// warehouse to one machine), nothing for standard input.
    static func storedFileName(_ input: InputSource) -> String? {
        switch input {
        case .file(let path): (path as NSString).lastPathComponent
        case .standardInput: nil
        case .bytes(_, let name): name
        }
    }
}
