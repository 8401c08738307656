import Foundation
import SharehouseDB

/// Every table of a database, with its row count and a digest of its rows in a fixed
/// order, as text. Two equal fingerprints mean no table's content changed: the check
/// behind "a failed import writes nothing".
public func databaseFingerprint(_ path: String) throws -> String {
    let connection = try Connection(path: path, options: .readOnly)
    let tables = try connection.fetchAll(
        "SELECT name, sql FROM sqlite_schema WHERE type = 'table' ORDER BY name"
    ) { row in
        (try row.get(0) as String, try row.get(1) as String? ?? "")
    }
    var lines: [String] = []
    for (table, sql) in tables {
        let rows = try connection.fetchAll("SELECT * FROM \"\(table)\"") { row in
            row.values.map { "\($0)" }.joined(separator: "|")
        }.sorted()
        var hasher = Hasher()
        for row in rows { hasher.combine(row) }
        // Hasher is seeded per process, which is enough within one test; the rows
        // themselves are kept for small tables so a failure shows what changed.
        lines.append(
            "\(table) [\(sql.count) chars of schema] \(rows.count) rows"
                + (rows.count <= 20 ? ": " + rows.joined(separator: "; ") : " #\(hasher.finalize())"))
    }
    return lines.joined(separator: "\n")
}
