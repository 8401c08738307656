public import SharehouseDB

extension Warehouse {
    /// The rows ad-hoc SQL keeps unless told otherwise.
    public static let adHocRowLimit = 1000
    /// How long ad-hoc SQL may run unless told otherwise.
    public static let adHocTimeLimit = Duration.seconds(5)

    /// Runs one read-only SQL statement that a person or a program typed, over the
    /// documented views and tables: writes, schema changes, ATTACH, extensions and writing
    /// PRAGMAs are refused (an ``/SharehouseDB/SQLiteError`` with code `SQLITE_AUTH`, category refused),
    /// parameters are named and bound, `timeLimit` stops a runaway query and at most
    /// `maxRows` rows are kept (``/SharehouseDB/QueryOutput/truncated`` says when more were there).
    public func query(
        _ sql: String, parameters: [String: String] = [:], maxRows: Int? = nil,
        timeLimit: Duration? = nil
    ) throws -> QueryOutput {
        let maxRows = maxRows ?? Self.adHocRowLimit
        let timeLimit = timeLimit ?? Self.adHocTimeLimit
        if path == ":memory:" {
            return try database.withConnection {
                try $0.runReadOnlyQuery(sql, parameters: parameters, maxRows: maxRows, timeLimit: timeLimit)
            }
        }
        // A connection of its own, opened read-only: the guard never touches the one the
        // warehouse itself uses.
        let connection = try Connection(path: path, options: .readOnly)
        return try connection.runReadOnlyQuery(sql, parameters: parameters, maxRows: maxRows, timeLimit: timeLimit)
    }
}
