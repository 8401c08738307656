import Crypto
import Foundation
import SharehouseDB

/// Imports one snapshot inside the caller's transaction: reads the file in a stream,
/// resolves and checks every row, writes it with one prepared statement, and then either
/// finds that the same content is already there (and undoes its work) or records the
/// snapshot. Nothing is ever updated or deleted.
struct SnapshotImporter {
    let input: InputSource
    let options: ImportOptions
    let resolver: EntityResolver
    /// Observations given as values instead of read from `input`.
    var values: [ObservationInput]?

    /// Thrown inside the import's savepoint when the content was already imported, so
    /// that everything the import wrote is rolled back; carries the receipt. Only an
    /// import that may repeat a stored snapshot runs in a savepoint (see `run(on:)`).
    struct AlreadyImported: Error {
        let receipt: ImportReceipt
    }

    static let progressInterval = 8192
    /// The content hash of a snapshot not sealed yet (migration 0005).
    static let unsealed = String(repeating: "0", count: 64)
    static let differenceLimit = 1000
    static let maximumSidecarBytes = 1 << 20

    func run(on connection: Connection) throws -> ImportReceipt {
        let file = input.name
        var (chunks, reader, format) = try openReader()
        var places: [(origin: String, description: SnapshotDescription)] = []
        if values == nil {
            places.append(("the file", reader.embeddedDescription))
            if format != .json, options.readsSidecar, let (path, sidecar) = try Self.sidecar(of: input) {
                places.append(("the sidecar \(path)", sidecar))
            }
        }
        places.append((values == nil ? "the command line" : "the description", options.description))
        let metadata = try SnapshotMetadata(merging: places, file: file)

        // Catalog: what the file defines is added, or must match what is stored.
        let (measure, addedMeasures, addedSources) = try ensureCatalog(metadata, file: file, on: connection)
        let receipt = { (outcome: ImportReceipt.Outcome, id: Int64, writer: ObservationWriter, stored: Int,
                         differences: [ImportReceipt.PeriodDifference], truncated: Bool) in
            ImportReceipt(outcome: outcome, snapshotID: id, file: file, measure: measure.key, source: metadata.source.key,
                          publishedOn: metadata.publishedOn, verification: metadata.verification, coverage: metadata.coverage,
                          rowsRead: writer.rowsRead, rowsStored: stored, periods: writer.totals.values.map(\.period).sorted(),
                          matchedByName: writer.nameMatches, differences: differences, differencesTruncated: truncated,
                          addedMeasures: addedMeasures, addedSources: addedSources)
        }
        func read(into writer: inout ObservationWriter) throws {
            while let raw = try reader.next() {
                try writer.add(raw)
                if writer.rowsRead % Self.progressInterval == 0, let progress = options.progress {
                    progress(ImportProgress(file: file, rowsRead: writer.rowsRead, bytesRead: chunks.bytesRead,
                                            totalBytes: chunks.totalBytes))
                }
            }
            try writer.finish()
            guard writer.rowsStored > 0 else {
                throw ImportError(file: file, reason: "the snapshot has no observations", expected: "at least one figure")
            }
            try writer.checkTotals()
        }

        // Only a snapshot of the same measure, source and date can hold the same figures.
        // Then a first pass reads the file and hashes it, writing nothing: a repeat ends
        // there. Otherwise the rows are written, 64 to a statement, outside any savepoint:
        // under an open savepoint SQLite would keep a journal of every page each
        // statement touches until the savepoint ends (gigabytes of temporary writes for a
        // million rows, BENCHMARKS.md). Standard input cannot be read twice: there the
        // rows are written in a savepoint, one to a statement, and undone if a repeat.
        let mayRepeat = try connection.fetchOne(
            "SELECT 1 FROM snapshots WHERE measure = ? AND source = ? AND published_on = ? LIMIT 1",
            measure.key, metadata.source.key, metadata.publishedOn.description) { try $0.get(0) as Int64 } != nil
        let readsTwice = mayRepeat && !input.isStandardInput
        if readsTwice {
            var hasher = try ObservationWriter(connection: connection, snapshotID: 0, unit: measure.unit, file: file,
                                               resolver: resolver, defaultPeriod: metadata.period,
                                               decimalComma: options.decimalComma, mode: .hashOnly)
            try read(into: &hasher)
            let hash = Self.contentHash(metadata: metadata, totals: hasher.totals)
            try checkNotRepeated(hash: hash, metadata: metadata, measure: measure, on: connection) { existing in
                receipt(.unchanged, existing, hasher, 0, [], false)
            }
            (chunks, reader, format) = try openReader()
        }

        func store() throws -> ImportReceipt {
            // The snapshot row comes first, unsealed (see migration 0005), so that every
            // foreign key holds as rows are written; it is sealed with its content hash last.
            // Deferring foreign keys instead would make SQLite scan the observations for
            // every new period (a parent row) while the snapshot row was missing.
            let snapshotID = try connection.fetchOne("SELECT coalesce(max(id), 0) + 1 FROM snapshots") { try $0.get(0) as Int64 } ?? 1
            try connection.execute("""
                INSERT INTO snapshots (id, measure, source, published_on, imported_at, content_sha256, file_name,
                                       verification, coverage, note)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, snapshotID, measure.key, metadata.source.key, metadata.publishedOn.description, Date().ISO8601Format(),
                Self.unsealed, Self.storedFileName(input), metadata.verification.rawValue, metadata.coverage.rawValue, metadata.note)
            var writer = try ObservationWriter(connection: connection, snapshotID: snapshotID, unit: measure.unit, file: file,
                                               resolver: resolver, defaultPeriod: metadata.period,
                                               decimalComma: options.decimalComma,
                                               mode: mayRepeat && !readsTwice ? .oneRowAtATime : .batches)
            try read(into: &writer)
            let coverage = try connection.cachedStatement(
                "INSERT INTO snapshot_periods (period_id, snapshot_id, figures, digest) VALUES (?, ?, ?, ?)")
            for (periodID, totals) in writer.totals.sorted(by: { $0.key < $1.key }) {
                try coverage.bind(periodID, snapshotID, totals.count, totals.digest.hex)
                try coverage.execute()
            }
            let hash = Self.contentHash(metadata: metadata, totals: writer.totals)
            try checkNotRepeated(hash: hash, metadata: metadata, measure: measure, on: connection) { existing in
                receipt(.unchanged, existing, writer, 0, [], false)
            }
            let (differences, truncated) = try SnapshotDifferences.compute(
                snapshotID: snapshotID, measure: measure.key, source: metadata.source.key, publishedOn: metadata.publishedOn,
                periods: writer.totals.map { ($0.key, $0.value.period, $0.value.digest.hex, $0.value.count) },
                limit: Self.differenceLimit, on: connection)
            try connection.execute("UPDATE snapshots SET content_sha256 = ? WHERE id = ?", hash, snapshotID)
            return receipt(options.dryRun ? .dryRun : .imported, snapshotID, writer, options.dryRun ? 0 : writer.rowsStored,
                           differences, truncated)
        }
        return try mayRepeat && !readsTwice ? connection.savepoint(store) : store()
    }

    /// A reader of the input from its start, and the format it reads.
    private func openReader() throws -> (ChunkedReader, any ObservationReader, InputFormat?) {
        let file = input.name
        if let values {
            return (try ChunkedReader(.bytes([], name: file)),
                    ValuesObservationReader(description: options.description, observations: values), nil)
        }
        let chunks = try ChunkedReader(input)
        let format = try format(of: file)
        let reader: any ObservationReader = switch format {
        case .json: try JSONSnapshotReader(reader: chunks, fileName: file)
        case .ndjson: NDJSONObservationReader(reader: chunks, fileName: file)
        case .csv: try CSVObservationReader(reader: chunks, delimiter: .comma, fileName: file)
        case .tsv: try CSVObservationReader(reader: chunks, delimiter: .tab, fileName: file)
        }
        return (chunks, reader, format)
    }

    /// Throws ``AlreadyImported`` when a stored snapshot of the same measure, source and
    /// date holds the same content, and refuses the import when it does with other
    /// metadata.
    private func checkNotRepeated(hash: String, metadata: SnapshotMetadata, measure: Measure, on connection: Connection,
                                  unchanged: (Int64) -> ImportReceipt) throws {
        guard let existing = try connection.fetchOne("""
            SELECT id, verification, coverage, note FROM snapshots
            WHERE measure = ? AND source = ? AND published_on = ? AND content_sha256 = ?
            """, measure.key, metadata.source.key, metadata.publishedOn.description, hash, map: { row in
                (id: try row.get(0) as Int64, verification: try row.get(1) as String, coverage: try row.get(2) as String,
                 note: try row.get(3) as String?)
            }) else { return }
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
            differences.append("note \(existing.note.map { "\"\($0)\"" } ?? "none"), this import \(metadata.note.map { "\"\($0)\"" } ?? "none")")
        }
        guard differences.isEmpty else {
            throw ImportError(file: input.name, reason: "the same figures are already imported as snapshot \(existing.id), with "
                              + differences.joined(separator: "; ") + "; a snapshot is never changed",
                              expected: "the stored metadata, or a new publication date if the source published again",
                              category: .refused)
        }
        throw AlreadyImported(receipt: unchanged(existing.id))
    }

    // MARK: Steps

    private func format(of file: String) throws -> InputFormat {
        if let format = options.format { return format }
        if let format = InputFormat(fileName: file) { return format }
        throw ImportError(file: file, reason: "cannot tell the format from the file name",
                          expected: "a name ending in .json, .ndjson, .csv or .tsv, or --input-format")
    }

    private func ensureCatalog(_ metadata: SnapshotMetadata, file: String,
                               on connection: Connection) throws -> (Measure, [String], [String]) {
        var addedMeasures: [String] = [], addedSources: [String] = []
        do {
            let measure: Measure
            switch metadata.measure {
            case .definition(let definition):
                if try Catalog.ensure(definition, in: connection) { addedMeasures.append(definition.key) }
                measure = definition
            case .key(let key):
                guard let stored = try Catalog.measure(key: key, in: connection) else {
                    throw CatalogError.unknown(kind: "measure", key: key)
                }
                measure = stored
            }
            var definitions = metadata.relayedSources
            if case .definition(let source) = metadata.source { definitions.append(source) }
            let pending = Set(definitions.map(\.key))
            // Parents first, whatever order the file gives them in: a source's derived_from
            // must exist when it is written.
            var remaining = definitions
            var written = Set<String>()
            while !remaining.isEmpty {
                guard let next = remaining.firstIndex(where: { source in
                    source.derivedFrom.map { !pending.contains($0) || written.contains($0) || $0 == source.key } ?? true
                }) else {
                    throw CatalogError.unknownParent(key: remaining[0].key, parent: remaining[0].derivedFrom ?? "")
                }
                let source = remaining.remove(at: next)
                if try Catalog.ensure(source, pending: pending, in: connection) { addedSources.append(source.key) }
                written.insert(source.key)
            }
            if case .key(let key) = metadata.source, try Catalog.source(key: key, in: connection) == nil {
                throw CatalogError.unknown(kind: "source", key: key)
            }
            return (measure, addedMeasures, addedSources)
        } catch let error as CatalogError {
            throw ImportError(file: file, reason: error.description,
                              category: error.category == .refused ? .refused : .badInput)
        }
    }

    /// The SHA-256 of the snapshot's canonical content: its measure, source, publication
    /// date and, for each period in date order, the number of its figures and their
    /// order-free digest (``FigureDigest``). The same content in another file name, row or
    /// column order or line ending hashes the same; nothing is read back from the database.
    static func contentHash(metadata: SnapshotMetadata, totals: [Int64: ObservationWriter.PeriodTotals]) -> String {
        var text = "sharehouse snapshot v2\nmeasure \(metadata.measure.key)\nsource \(metadata.source.key)\n"
            + "published_on \(metadata.publishedOn)\n"
        for period in totals.values.sorted(by: { ($0.period.start, $0.period.end) < ($1.period.start, $1.period.end) }) {
            text += "\(period.period.start) \(period.period.end) \(period.count) \(period.digest.hex)\n"
        }
        return SHA256.hash(data: Array(text.utf8)).map { byte in (byte < 16 ? "0" : "") + String(byte, radix: 16) }.joined()
    }

    /// The metadata in `FILE.json` or `FILE.csv.json` next to the file, if there is one.
    static func sidecar(of input: InputSource) throws -> (String, SnapshotDescription)? {
        guard case .file(let path) = input else { return nil }
        let withoutExtension = (path as NSString).deletingPathExtension
        var candidates: [String] = []
        for candidate in [path + ".json", withoutExtension + ".json"]
        where candidate != path && !candidates.contains(candidate) && FileManager.default.fileExists(atPath: candidate) {
            candidates.append(candidate)
        }
        guard let sidecar = candidates.first else { return nil }
        guard candidates.count == 1 else {
            throw ImportError(file: path, reason: "two sidecars could apply: \(candidates.joined(separator: " and "))",
                              expected: "one sidecar with the snapshot's metadata")
        }
        // Read in chunks up to a limit: a sidecar is a few lines of metadata, and reading
        // one whole could take without bound (a sidecar linked to /dev/zero never ends).
        guard let bytes = try ChunkedReader(.file(sidecar)).readAll(limit: Self.maximumSidecarBytes) else {
            throw ImportError(file: sidecar, reason: "the sidecar is larger than \(Self.maximumSidecarBytes >> 20) MiB",
                              expected: "a sidecar of a few lines: the snapshot's measure, source and publication date")
        }
        let root = try JSONParser.parse(bytes, fileName: sidecar)
        let (description, _) = try SnapshotJSONDecoder(file: sidecar).description(of: root, allowObservations: false)
        return (sidecar, description)
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
