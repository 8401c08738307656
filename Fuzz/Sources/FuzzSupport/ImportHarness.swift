import Foundation
public import Sharehouse
import SharehouseDB

/// Runs one input through the public import path (`Warehouse.importSnapshot(from:
/// .bytes(...))`) and checks what the README promises of it:
///
/// - an import either succeeds or throws an ``ImportError`` (refused or bad input), whose
///   line lies inside the input and whose column inside the longest line;
/// - a dry run that succeeds reports the rows it read, the periods (sorted, distinct,
///   canonical) and stores nothing;
/// - the same input gives the same outcome whether or not the warehouse already holds a
///   snapshot of the same measure, source and date (then the importer hashes the file in
///   a first pass and reads it again to write it);
/// - an input whose dry run succeeds imports for real with the same rows and periods,
///   every stored figure prints back as the library and SQL both print it, importing it
///   again writes nothing ("unchanged", the same snapshot), and so does importing the
///   warehouse's export of it (the export is the same snapshot, exactly).
///
/// Dry runs go to warehouses kept for the whole run (a dry run rolls everything back).
/// The last check needs an empty warehouse for each input, which costs as much as a
/// hundred dry runs (the schema, then the entity resolver): it runs for one input in
/// ``deepCheckShare``, chosen by a hash of the input so that a failure replays.
public struct ImportHarness: Sendable {
    /// One input in this many (by its hash) that dry-runs without error is imported for real.
    public static let deepCheckShare: UInt64 = 16

    public static let measure = Measure(key: "fuzz_share", name: "Fuzzed share", unit: .percent,
                                        universe: "fuzzer inputs", attribution: "none")
    public static let countMeasure = Measure(key: "fuzz_count", name: "Fuzzed count", unit: .count,
                                             universe: "fuzzer inputs", attribution: "none")
    public static let source = Source(key: "fuzz-source", title: "Fuzzer input (not real data)",
                                      url: "https://example.invalid/fuzz", kind: .dataset)
    public static let publishedOn = CalendarDate(year: 2026, month: 1, day: 15)!

    let fileName: String
    let format: InputFormat
    /// Metadata given as options (CSV, TSV, NDJSON); nil when the file carries its own (JSON).
    let descriptions: [SnapshotDescription]?
    let empty: Warehouse
    /// Holds a snapshot of the same measure, source and date as the inputs (for JSON:
    /// as the seed corpus's synthetic snapshot).
    let seeded: Warehouse

    /// A harness for files named `fileName`. With `optionsMetadata`, each input is imported
    /// three times: as a share with a default period, as a share with a default period
    /// into `seeded`, and as a count without one; otherwise once into each warehouse.
    public init(fileName: String, format: InputFormat, optionsMetadata: Bool, seed: [UInt8]) {
        self.fileName = fileName
        self.format = format
        if optionsMetadata {
            descriptions = [
                SnapshotDescription(measure: .definition(Self.measure), source: .definition(Self.source),
                                    publishedOn: Self.publishedOn, period: Period("2025-08")),
                SnapshotDescription(measure: .definition(Self.countMeasure), source: .definition(Self.source),
                                    publishedOn: Self.publishedOn),
            ]
        } else {
            descriptions = nil
        }
        do {
            empty = try Warehouse.inMemory()
            seeded = try Warehouse.inMemory()
            var options = ImportOptions(format: format, readsSidecar: false)
            if let descriptions { options.description = descriptions[0] }
            try seeded.importSnapshot(from: .bytes(seed, name: "seed." + format.rawValue), options: options)
        } catch {
            fatalError("the harness cannot start: \(error)")
        }
    }

    enum Outcome {
        case success(ImportReceipt)
        case failure(ImportError)

        var receipt: ImportReceipt? {
            if case .success(let receipt) = self { return receipt }
            return nil
        }
    }

    /// Runs every check on one input.
    public func run(_ bytes: [UInt8]) {
        let shape = TextShape(bytes)
        guard let descriptions else {
            let options = ImportOptions(format: format, dryRun: true, readsSidecar: false)
            let plain = attempt(bytes, options: options, on: empty, shape: shape, what: "dry run")
            _ = attempt(bytes, options: options, on: seeded, shape: shape, what: "dry run after a snapshot")
            if let receipt = plain.receipt, Self.isDeepChecked(bytes) { importForReal(bytes, options: options, dryRun: receipt) }
            return
        }
        var options = ImportOptions(format: format, description: descriptions[0], dryRun: true, readsSidecar: false)
        let plain = attempt(bytes, options: options, on: empty, shape: shape, what: "dry run")
        let again = attempt(bytes, options: options, on: seeded, shape: shape, what: "dry run after a snapshot")
        switch (plain, again) {
        case (.success(let first), .success(let second)):
            invariant(first.rowsRead == second.rowsRead && first.periods == second.periods,
                      "a warehouse holding a snapshot of the same measure, source and date changed what was read: "
                        + "\(first.rowsRead) rows of \(first.periods) vs \(second.rowsRead) of \(second.periods)")
        case (.failure, .failure):
            break
        case (.success, .failure(let error)), (.failure(let error), .success):
            invariant(false, "the input imports into one warehouse and not into the other, where it fails with \(error)")
        }
        let deep = Self.isDeepChecked(bytes)
        if let receipt = plain.receipt, deep { importForReal(bytes, options: options, dryRun: receipt) }
        options.description = descriptions[1]
        if let receipt = attempt(bytes, options: options, on: empty, shape: shape, what: "dry run as a count").receipt, deep {
            importForReal(bytes, options: options, dryRun: receipt)
        }
    }

    private func attempt(_ bytes: [UInt8], options: ImportOptions, on warehouse: Warehouse, shape: TextShape,
                         what: String) -> Outcome {
        let receipt: ImportReceipt
        do {
            receipt = try warehouse.importSnapshot(from: .bytes(bytes, name: fileName), options: options)
        } catch let error as ImportError {
            check(error, shape: shape, what: what)
            return .failure(error)
        } catch {
            invariant(false, "\(what): the import threw \(type(of: error)), not an ImportError: \(error)")
            fatalError()
        }
        invariant(receipt.outcome == (options.dryRun ? .dryRun : .imported) || receipt.outcome == .unchanged,
                  "\(what): outcome \(receipt.outcome)")
        invariant(receipt.file == fileName, "\(what): the receipt names \(receipt.file)")
        invariant(receipt.rowsRead >= 1, "\(what): a snapshot without rows was accepted")
        if receipt.outcome != .imported {
            invariant(receipt.rowsStored == 0, "\(what): \(receipt.outcome) stored \(receipt.rowsStored) rows")
        }
        invariant(!receipt.periods.isEmpty && receipt.periods == receipt.periods.sorted()
                    && Set(receipt.periods).count == receipt.periods.count,
                  "\(what): periods not sorted and distinct: \(receipt.periods)")
        for period in receipt.periods {
            invariant(Period(period.description) == period, "\(what): the period \(period) does not read back")
        }
        if format == .ndjson {
            invariant(receipt.rowsRead <= shape.lines, "\(what): \(receipt.rowsRead) rows from \(shape.lines) lines")
        }
        return .success(receipt)
    }

    private func check(_ error: ImportError, shape: TextShape, what: String) {
        invariant(error.file == fileName, "\(what): the error names the file \(error.file): \(error)")
        invariant(error.category == .badInput || error.category == .refused, "\(what): category \(error.category): \(error)")
        invariant(!error.reason.isEmpty, "\(what): an error without a reason")
        if let line = error.line {
            invariant((1...shape.lines).contains(line), "\(what): line \(line) of \(shape.lines): \(error)")
        }
        if let column = error.column {
            invariant(error.line != nil, "\(what): a column without a line: \(error)")
            invariant((1...shape.longestLine + 1).contains(column),
                      "\(what): column \(column), the longest line has \(shape.longestLine): \(error)")
        }
    }

    /// The checks for an input whose dry run succeeded; see the type's documentation.
    private func importForReal(_ bytes: [UInt8], options dryOptions: ImportOptions, dryRun: ImportReceipt) {
        var options = dryOptions
        options.dryRun = false
        do {
            let warehouse = try Warehouse.inMemory()
            let receipt = try warehouse.importSnapshot(from: .bytes(bytes, name: fileName), options: options)
            invariant(receipt.outcome == .imported, "import after a dry run: \(receipt.outcome)")
            invariant(receipt.rowsRead == dryRun.rowsRead && receipt.rowsStored == receipt.rowsRead,
                      "import after a dry run: read \(receipt.rowsRead), stored \(receipt.rowsStored); dry run read \(dryRun.rowsRead)")
            invariant(receipt.periods == dryRun.periods, "import after a dry run: periods \(receipt.periods) vs \(dryRun.periods)")
            let figures = try Self.figures(in: warehouse)
            invariant(figures.count == receipt.rowsStored, "\(figures.count) current figures after storing \(receipt.rowsStored)")

            let repeated = try warehouse.importSnapshot(from: .bytes(bytes, name: "again-" + fileName), options: options)
            invariant(repeated.outcome == .unchanged && repeated.snapshotID == receipt.snapshotID,
                      "the same content imported again: \(repeated.outcome), snapshot \(repeated.snapshotID) vs \(receipt.snapshotID)")
            let after = try Self.figures(in: warehouse)
            invariant(after == figures, "importing the same content again changed the figures")

            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sharehouse-fuzz-\(getpid())").path
            try? FileManager.default.removeItem(atPath: folder)
            defer { try? FileManager.default.removeItem(atPath: folder) }
            let exported = try warehouse.export(to: folder)
            invariant(exported.count == 1 && exported[0].observations == receipt.rowsStored,
                      "the export wrote \(exported.map(\.observations)) for \(receipt.rowsStored) figures")
            let reimport = try warehouse.importSnapshot(from: .file(exported[0].path), options: ImportOptions(readsSidecar: false))
            invariant(reimport.outcome == .unchanged && reimport.snapshotID == receipt.snapshotID,
                      "the export imports back as \(reimport.outcome) snapshot \(reimport.snapshotID), not as snapshot \(receipt.snapshotID)")
        } catch {
            invariant(false, "an input whose dry run succeeded fails: \(error)")
        }
    }

    /// True for the inputs that ``importForReal(_:options:dryRun:)`` checks: FNV-1a of the bytes.
    static func isDeepChecked(_ bytes: [UInt8]) -> Bool {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return hash % deepCheckShare == 0
    }

    /// Every current figure as `CODE period=text`, with the text both SQL and the library
    /// print for it (they must agree), sorted.
    static func figures(in warehouse: Warehouse) throws -> [String] {
        try warehouse.database.read { connection in
            try connection.fetchAll("""
                SELECT entity_code, period, value, decimals, value_text, measure FROM current_figures
                ORDER BY entity_code, start_date, end_date
                """) { row in
                let code: String = try row.get(0), period: String = try row.get(1), value: Double = try row.get(2)
                let decimals: Int = try row.get(3), text: String = try row.get(4), measure: String = try row.get(5)
                let published = PublishedValue(value: value, decimals: decimals)
                invariant(published.description == text, "\(code) \(period): SQL prints \(text), the library \(published)")
                if case .success(let parsed) = PublishedValue.parse(text) {
                    invariant(parsed.value == published, "\(code) \(period): \(text) reads back as \(parsed.value)")
                } else {
                    invariant(false, "\(code) \(period): the stored text \(text) does not read back")
                }
                if measure == ImportHarness.measure.key {
                    invariant(value >= 0 && value <= 100, "\(code) \(period): a share of \(text) was stored")
                }
                return "\(code) \(period)=\(text)"
            }
        }
    }
}
