import Foundation
import SharehouseDB

/// A snapshot file that ``Warehouse/export(to:measure:source:)`` wrote.
public struct ExportedFile: Sendable, Hashable, Encodable {
    /// The snapshot the file holds.
    public let snapshotID: Int64
    /// Where the file was written.
    public let path: String
    /// How many figures it holds.
    public let observations: Int
}

extension Warehouse {
    /// Writes every snapshot (or those of one measure or source) as a self-describing JSON
    /// snapshot file in `directory`, named `NNNN-measure-source-date.json` in snapshot
    /// order. Each carries its measure's and its source chain's full definitions and its
    /// figures as published (`17.10` stays `17.10`), so importing the files, in name
    /// order, into an empty warehouse gives the same figures, citations and vintages.
    /// Existing files are never overwritten.
    @discardableResult
    public func export(to directory: String, measure: String? = nil, source: String? = nil) throws -> [ExportedFile] {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw QueryError.invalid("\(directory) is a file, not a folder") }
        } else {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        }
        return try database.read { connection in
            let catalog = CatalogReader(connection: connection)
            let snapshots = try connection.fetchAll(
                """
                SELECT id, measure, source, published_on, verification, coverage, note FROM snapshots
                WHERE (? IS NULL OR measure = ?) AND (? IS NULL OR source = ?) ORDER BY id
                """, measure, measure, source, source
            ) { row in
                (
                    id: try row.get(0) as Int64, measure: try row.get(1) as String, source: try row.get(2) as String,
                    published: try row.get(3) as String, verification: try row.get(4) as String,
                    coverage: try row.get(5) as String, note: try row.get(6) as String?
                )
            }
            var written: [ExportedFile] = []
            for snapshot in snapshots {
                let chain = try catalog.chain(of: snapshot.source)
                var json = "{\n  \"measure\": " + SnapshotJSONWriter.measure(try catalog.measure(snapshot.measure))
                json += ",\n  \"source\": " + SnapshotJSONWriter.source(chain[0])
                if chain.count > 1 {
                    json +=
                        ",\n  \"sources\": [\n    " + chain.dropFirst().map(SnapshotJSONWriter.source).joined(separator: ",\n    ")
                        + "\n  ]"
                }
                json += ",\n  \"published_on\": \(SnapshotJSONWriter.string(snapshot.published))"
                json += ",\n  \"verification\": \(SnapshotJSONWriter.string(snapshot.verification))"
                json += ",\n  \"coverage\": \(SnapshotJSONWriter.string(snapshot.coverage))"
                if let note = snapshot.note { json += ",\n  \"note\": \(SnapshotJSONWriter.string(note))" }
                json += ",\n  \"observations\": ["
                var count = 0
                try connection.cachedStatement(
                    """
                    SELECT p.start_date, p.end_date, o.entity_code, o.value, o.decimals
                    FROM observations AS o JOIN periods AS p ON p.id = o.period_id WHERE o.snapshot_id = ?
                    ORDER BY p.start_date, p.end_date, o.entity_code
                    """
                ).forEachRow(binding: snapshot.id) { row in
                    let period = Period(start: CalendarDate(try row.get(0) as String)!, end: CalendarDate(try row.get(1) as String)!)!
                    let value = PublishedValue(value: try row.get(3), decimals: try row.get(4))
                    json +=
                        (count == 0 ? "\n    " : ",\n    ")
                        + "{\"entity\": \(SnapshotJSONWriter.string(try row.get(2))), \"period\": \(SnapshotJSONWriter.string(period.description)), \"value\": \(value)}"
                    count += 1
                }
                json += "\n  ]\n}\n"
                let number = String(snapshot.id)
                let name =
                    String(repeating: "0", count: max(0, 4 - number.count)) + number
                    + "-\(snapshot.measure)-\(snapshot.source)-\(snapshot.published).json"
                let path = (directory as NSString).appendingPathComponent(name)
                guard !FileManager.default.fileExists(atPath: path) else {
                    throw QueryError.invalid("\(path) exists: export into an empty folder (nothing is overwritten)")
                }
                try Data(json.utf8).write(to: URL(fileURLWithPath: path))
                written.append(ExportedFile(snapshotID: snapshot.id, path: path, observations: count))
            }
            return written
        }
    }
}
