import SharehouseDB

/// A stored listing as a derivation reads it.
struct StoredListing {
    let id: Int64
    let source: String
    let retrievedOn: CalendarDate
    let windowDays: Int
    let shape: String

    static func find(_ choice: DerivationRequest.ListingChoice, on connection: Connection) throws -> StoredListing {
        let id: Int64? =
            switch choice {
            case .id(let id): id
            case .latest: nil
            }
        let found = try connection.fetchOne(
            """
            SELECT id, source, retrieved_on, window_days, shape FROM listings
            WHERE ?1 IS NULL OR id = ?1 ORDER BY retrieved_on DESC, id DESC LIMIT 1
            """, id
        ) { row in
            StoredListing(
                id: try row.get(0), source: try row.get(1), retrievedOn: CalendarDate(try row.get(2) as String)!,
                windowDays: try row.get(3), shape: try row.get(4))
        }
        guard let found else { throw DerivationError.noListing(id) }
        return found
    }
}
