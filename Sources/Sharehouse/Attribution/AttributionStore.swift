import SharehouseDB

/// Reads the stored attribution tables on one connection (a derivation reads its table
/// inside its own transaction through this).
enum AttributionStore {
    static func versions(in connection: Connection) throws -> [AttributionVersionSummary] {
        try connection.fetchAll(
            """
            SELECT version, source, imported_at, file_name, content_sha256, authors FROM attribution_versions ORDER BY version
            """, map: decodeSummary)
    }

    static func latestVersion(in connection: Connection) throws -> Int? {
        try connection.fetchOne("SELECT max(version) FROM attribution_versions") { try $0.get(0) as Int? } ?? nil
    }

    /// The version holding this content, if one does.
    static func version(holding contentSHA256: String, in connection: Connection) throws -> Int? {
        try connection.fetchOne("SELECT version FROM attribution_versions WHERE content_sha256 = ?", contentSHA256) {
            try $0.get(0) as Int
        }
    }

    /// Version `version` whole, or the latest when nil.
    /// - Throws: ``AttributionError/noVersions`` or ``AttributionError/unknownVersion(_:latest:)``.
    static func table(version: Int?, in connection: Connection) throws -> AttributionTable {
        guard let latest = try latestVersion(in: connection) else { throw AttributionError.noVersions }
        let wanted = version ?? latest
        guard
            let summary = try connection.fetchOne(
                """
                SELECT version, source, imported_at, file_name, content_sha256, authors FROM attribution_versions WHERE version = ?
                """, wanted, map: decodeSummary)
        else { throw AttributionError.unknownVersion(wanted, latest: latest) }
        return AttributionTable(
            summary: summary, citation: try Catalog.source(key: summary.source, in: connection),
            rows: try rows(version: wanted, in: connection))
    }

    static func rows(version: Int, in connection: Connection) throws -> [Attribution] {
        try connection.fetchAll(
            "SELECT author, entity_code, kind, url, note FROM attributions WHERE version = ? ORDER BY author_key", version
        ) { row in
            let kind: String = try row.get(2)
            return Attribution(
                author: try row.get(0), code: try row.get(1), kind: AttributionKind(rawValue: kind) ?? .company,
                url: try row.get(3), note: try row.get(4))
        }
    }

    private static func decodeSummary(_ row: Row) throws -> AttributionVersionSummary {
        AttributionVersionSummary(
            version: try row.get(0), source: try row.get(1), importedAt: try row.get(2), fileName: try row.get(3),
            contentSHA256: try row.get(4), authors: try row.get(5))
    }
}
