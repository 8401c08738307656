import SharehouseSQLite3

/// The current row of a statement, valid only inside the closure that received it.
///
/// Read columns by position (fastest) or by name (case-insensitive):
///
/// ```swift
/// try statement.forEachRow { row in
///     let code: String = try row.get(0)
///     let value: Double = try row.get("value")
/// }
/// ```
public struct Row {
    let statement: Statement

    public var columnCount: Int { statement.columnCount }
    public var columnNames: [String] { statement.columnNames }

    /// The value of the 0-based column `index`, decoded as `T`.
    public func get<T: SQLiteColumnDecodable>(_ index: Int, as type: T.Type = T.self) throws -> T {
        guard index >= 0, index < columnCount else {
            throw RowDecodingError(column: "#\(index)", reason: "no such column: the row has \(columnCount) column(s)",
                                   sql: statement.sql)
        }
        return try T(column: ColumnSlot(statement: statement.handle, index: Int32(index)))
    }

    /// The value of the column called `name`, decoded as `T`.
    /// A name that is not in the result is an error that lists the columns there are.
    public func get<T: SQLiteColumnDecodable>(_ name: String, as type: T.Type = T.self) throws -> T {
        guard let index = statement.columnIndex(named: name) else {
            throw RowDecodingError(
                column: name,
                reason: "no such column; the row has: \(columnNames.joined(separator: ", "))",
                sql: statement.sql)
        }
        return try T(column: ColumnSlot(statement: statement.handle, index: index))
    }

    /// Every column as a ``SQLiteValue``, in order.
    public var values: [SQLiteValue] {
        (0..<Int32(columnCount)).map { index in
            // SQLiteValue's decoding accepts every storage class, so it cannot fail.
            (try? SQLiteValue(column: ColumnSlot(statement: statement.handle, index: index))) ?? .null
        }
    }
}

@available(*, unavailable, message: "a row is valid only inside the closure that received it")
extension Row: Sendable {}
