import Crypto
import Foundation
import SharehouseDB

/// Imports one attribution table inside the caller's transaction: its sidecar's sources,
/// then every row read and checked (all problems listed at once, nothing written), then
/// either the same table is found stored (`unchanged`) or a new version is written.
/// Nothing stored is ever changed.
struct AttributionImporter {
    let input: InputSource
    let source: String
    let resolver: EntityResolver

    func run(on connection: Connection) throws -> AttributionReceipt {
        let file = input.name
        let sidecar = try AttributionSidecar.read(besides: input)
        let addedSources = try sidecar?.ensureSources(named: source, file: file, in: connection) ?? []
        guard try Catalog.source(key: source, in: connection) != nil else {
            throw ImportError(
                file: file, reason: "no source \(source) in the warehouse",
                expected: "a source added first (`sharehouse sources add --key \(source) ...`), or defined in a sidecar "
                    + "beside the file ({\"source\": {\"key\": \"\(source)\", \"title\": ..., \"url\": ..., \"kind\": ...}})")
        }
        let validator = try read(file: file)
        let rows = validator.rows.sorted { $0.authorKey < $1.authorKey }
        let hash = Self.contentHash(source: source, rows: rows)
        let previous = try AttributionStore.latestVersion(in: connection)

        func receipt(_ outcome: AttributionReceipt.Outcome, version: Int, latest: Int, changes: AttributionDiff?) -> AttributionReceipt {
            AttributionReceipt(
                outcome: outcome, version: version, latestVersion: latest, file: file, source: source, authors: rows.count,
                byCode: AttributionCount.counting(rows), matchedByName: validator.nameMatches, addedSources: addedSources,
                changes: changes)
        }
        if let existing = try AttributionStore.version(holding: hash, in: connection) {
            return receipt(.unchanged, version: existing, latest: previous ?? existing, changes: nil)
        }
        let version = (previous ?? 0) + 1
        try connection.execute(
            """
            INSERT INTO attribution_versions (version, source, imported_at, file_name, content_sha256, authors)
            VALUES (?, ?, ?, ?, ?, ?)
            """, version, source, Date().ISO8601Format(), SnapshotImporter.storedFileName(input), hash, rows.count)
        for row in rows {
            try connection.execute(
                """
                INSERT INTO attributions (version, author_key, author, entity_code, kind, url, note) VALUES (?, ?, ?, ?, ?, ?, ?)
                """, version, row.authorKey, row.author, row.code, row.kind.rawValue, row.url, row.note)
        }
        let changes = try previous.map { previous in
            AttributionDiff(
                from: previous, to: version, before: try AttributionStore.rows(version: previous, in: connection), after: rows)
        }
        return receipt(.imported, version: version, latest: version, changes: changes)
    }

    /// Every row read and checked; throws every problem found (up to 20 listed).
    private func read(file: String) throws -> AttributionValidator {
        var validator = AttributionValidator(file: file, resolver: resolver)
        do {
            var reader = try AttributionCSVReader(reader: try ChunkedReader(input), fileName: file)
            while true {
                do {
                    guard let row = try reader.next() else { break }
                    validator.check(row)
                } catch let error as ImportError where error.isRowProblem {
                    validator.add(error)
                }
            }
        } catch let error as ImportError {
            // A problem that stops the reading (a quote never closed) ends the list after
            // those found before it.
            validator.add(error)
        }
        if let error = validator.problems.error { throw error }
        if validator.rows.isEmpty {
            throw ImportError(
                file: file, line: 1, column: nil, reason: "the table has no rows",
                expected: "a row per author under the header " + AttributionCSVReader.header)
        }
        return validator
    }

    /// SHA-256 of the source and the rows, by author key, each field as stored (an empty
    /// url or note as nothing): the same table from another file, or with its rows in
    /// another order, has the same hash.
    static func contentHash(source: String, rows: [Attribution]) -> String {
        var text = "sharehouse attribution table 1\u{1E}" + source
        for row in rows {
            text += "\u{1E}" + [row.author, row.code, row.kind.rawValue, row.url ?? "", row.note ?? ""].joined(separator: "\u{1F}")
        }
        return SHA256.hash(data: Array(text.utf8)).map { byte in (byte < 16 ? "0" : "") + String(byte, radix: 16) }.joined()
    }
}
