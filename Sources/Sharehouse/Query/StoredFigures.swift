import SharehouseDB

/// The figures one snapshot gives for one period, by entity code: what a correction and
/// `report changes` compare side by side (FigureBook reads the same range of the key).
enum StoredFigures {
    static func of(snapshot snapshotID: Int64, periodID: Int64, on connection: Connection) throws -> [String: PublishedValue] {
        var figures: [String: PublishedValue] = [:]
        try connection.cachedStatement(FigureBook.SQL.figuresOfPeriod).forEachRow(binding: snapshotID, periodID) { row in
            figures[try row.get(0)] = PublishedValue(value: try row.get(1), decimals: try row.get(2))
        }
        return figures
    }

    /// The same for a period named by its dates (none when no figure has that period).
    static func of(snapshot snapshotID: Int64, period: Period, on connection: Connection) throws -> [String: PublishedValue] {
        guard
            let periodID = try connection.fetchOne(
                "SELECT id FROM periods WHERE start_date = ? AND end_date = ?", period.start.description, period.end.description,
                map: { try $0.get(0) as Int64 })
        else { return [:] }
        return try of(snapshot: snapshotID, periodID: periodID, on: connection)
    }
}
