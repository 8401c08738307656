public import Foundation
import SharehouseDB

extension Warehouse {
    /// Imports one snapshot file (CSV, TSV, JSON or NDJSON) as one transaction.
    ///
    /// Returns the receipt: the snapshot written, or `unchanged` with the snapshot that
    /// already holds the same content. On any error nothing is written, and the error is
    /// an ``ImportError`` with the file, line, column, reason and what was expected.
    @discardableResult
    public func importSnapshot(from input: InputSource, options: ImportOptions = ImportOptions()) throws -> ImportReceipt {
        try importSnapshots(from: [input], options: options)[0]
    }

    /// Imports a snapshot file at a file URL.
    @discardableResult
    public func importSnapshot(from url: URL, options: ImportOptions = ImportOptions()) throws -> ImportReceipt {
        try importSnapshot(from: .file(url.path), options: options)
    }

    /// Imports several files in one transaction: all of them, or (on any error) none.
    /// A file whose content is already imported is `unchanged` and does not stop the others.
    public func importSnapshots(from inputs: [InputSource], options: ImportOptions = ImportOptions()) throws -> [ImportReceipt] {
        try run(inputs.map { SnapshotImporter(input: $0, options: options, resolver: try entityResolver()) }, dryRun: options.dryRun)
    }

    /// Imports a snapshot given as Swift values: its description (measure, source,
    /// publication date...) and its observations. `acceptsCorrection` stores other figures
    /// for a stored publication as its correction (``ImportOptions/acceptsCorrection``).
    @discardableResult
    public func importSnapshot(
        _ observations: [ObservationInput], description: SnapshotDescription,
        name: String = "(values)", dryRun: Bool = false, acceptsCorrection: Bool = false
    ) throws -> ImportReceipt {
        var options = ImportOptions(description: description, dryRun: dryRun, readsSidecar: false)
        options.acceptsCorrection = acceptsCorrection
        let importer = SnapshotImporter(
            input: .bytes([], name: name), options: options, resolver: try entityResolver(),
            values: observations)
        return try run([importer], dryRun: dryRun)[0]
    }

    /// Runs importers in one write transaction; a dry run rolls all of it back at the end.
    private func run(_ importers: [SnapshotImporter], dryRun: Bool) throws -> [ImportReceipt] {
        try database.withConnection { connection in
            // Each multi-row INSERT keeps a statement journal of the pages it touches
            // (up to one index page per row); past 64 KiB SQLite spills it to a
            // temporary file and then writes it for every statement: a third of the
            // import's time went to those system calls. In memory it stays small, as
            // it is emptied after each statement. SQLite reads the setting when a
            // transaction begins, so it is set before; only for the import, so that a
            // large ad-hoc sort still spills to disk.
            try connection.execute("PRAGMA temp_store = MEMORY")
            defer { try? connection.execute("PRAGMA temp_store = DEFAULT") }
            return try connection.withPageCache(kibibytes: Connection.shareImportCacheKiB) {
                try connection.transaction(.immediate, keepingChangesIf: { _ in !dryRun }) {
                    var receipts: [ImportReceipt] = []
                    for importer in importers {
                        switch try importer.run(on: connection) {
                        case .imported(let receipt), .dryRun(let receipt):
                            receipts.append(receipt)
                        case .unchanged(var receipt):
                            receipt.sameAsFileInThisRun =
                                receipts.first {
                                    $0.outcome != .unchanged && $0.snapshotID == receipt.snapshotID
                                }?.file
                            receipts.append(receipt)
                        }
                    }
                    return receipts
                }
            }
        }
    }
}
