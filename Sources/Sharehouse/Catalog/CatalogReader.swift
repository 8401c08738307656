import SharehouseDB

/// Reads measures, sources and citation chains for queries, on one connection.
struct CatalogReader {
    let connection: Connection

    func measure(_ key: String) throws -> Measure {
        guard let measure = try Catalog.measure(key: key, in: connection) else { throw QueryError.unknownMeasure(key) }
        return measure
    }

    /// The snapshot `snapshotID` corrects (the latest, when it corrects several), if any.
    func correctedSnapshot(by snapshotID: Int64) throws -> Int64? {
        try connection.cachedStatement("SELECT max(corrects_id) FROM snapshot_corrections WHERE snapshot_id = ?")
            .first(binding: snapshotID) { try $0.get(0) as Int64? } ?? nil
    }

    func chain(of key: String) throws -> [Source] {
        try Catalog.chain(of: key, in: connection)
    }
}
