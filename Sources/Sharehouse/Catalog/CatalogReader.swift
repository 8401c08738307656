import SharehouseDB

/// Reads measures, sources and citation chains for queries, on one connection, as the
/// catalogue had them on the query's as-of date: a report as of a day cites its sources
/// as they were described that day (nil: as they are now).
struct CatalogReader {
    let connection: Connection
    var asOf: CalendarDate?

    init(connection: Connection, asOf: CalendarDate? = nil) {
        self.connection = connection
        self.asOf = asOf
    }

    func measure(_ key: String) throws -> Measure {
        guard let measure = try Catalog.measure(key: key, asOf: asOf, in: connection) else { throw QueryError.unknownMeasure(key) }
        return measure
    }

    /// The snapshot `snapshotID` corrects (the latest, when it corrects several), if any.
    func correctedSnapshot(by snapshotID: Int64) throws -> Int64? {
        try connection.cachedStatement("SELECT max(corrects_id) FROM snapshot_corrections WHERE snapshot_id = ?")
            .first(binding: snapshotID) { try $0.get(0) as Int64? } ?? nil
    }

    /// For a derived snapshot, the sources of the attribution table it was derived under
    /// (and what they relay); none for any other snapshot.
    func derivationInputs(of snapshotID: Int64) throws -> [Source] {
        let source = try connection.cachedStatement(
            """
            SELECT v.source FROM derivations AS d JOIN attribution_versions AS v ON v.version = d.attribution_version
            WHERE d.snapshot_id = ?
            """
        ).first(binding: snapshotID) { try $0.get(0) as String }
        return try source.map { try chain(of: $0) } ?? []
    }

    func measures() throws -> [Measure] {
        try Catalog.measures(asOf: asOf, in: connection)
    }

    func chain(of key: String) throws -> [Source] {
        try Catalog.chain(of: key, asOf: asOf, in: connection)
    }
}
