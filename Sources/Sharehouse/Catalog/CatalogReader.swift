import SharehouseDB

/// Reads measures, sources and citation chains for queries, on one connection.
struct CatalogReader {
    let connection: Connection

    func measure(_ key: String) throws -> Measure {
        guard let measure = try Catalog.measure(key: key, in: connection) else { throw QueryError.unknownMeasure(key) }
        return measure
    }

    func chain(of key: String) throws -> [Source] {
        try Catalog.chain(of: key, in: connection)
    }
}
