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

    /// The number of columns of the row.
    public var columnCount: Int { statement.columnCount }
    /// The columns' names, in order.
    public var columnNames: [String] { statement.columnNames }

    /// The value of the 0-based column `index`, decoded as `T`.
    public func get<T: SQLiteColumnDecodable>(_ index: Int, as type: T.Type = T.self) throws -> T {
        guard index >= 0, index < columnCount else {
            throw RowDecodingError(
                column: "#\(index)", reason: "no such column: the row has \(columnCount) column(s)",
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

    // Non-generic readers for loops over many rows: no generic dispatch across modules,
    // one type check. Each throws the same RowDecodingError as get(_:) on a mismatch.

    /// True when the 0-based column `index` is NULL.
    public func isNull(at index: Int32) -> Bool {
        sqlite3_column_type(statement.handle, index) == SQLITE_NULL
    }

    /// The integer in the 0-based column `index`.
    public func integer(at index: Int32) throws -> Int64 {
        guard sqlite3_column_type(statement.handle, index) == SQLITE_INTEGER else {
            throw ColumnSlot(statement: statement.handle, index: index).mismatch(expected: "an integer")
        }
        return sqlite3_column_int64(statement.handle, index)
    }

    /// The number (REAL or INTEGER) in the 0-based column `index`.
    public func real(at index: Int32) throws -> Double {
        let type = sqlite3_column_type(statement.handle, index)
        guard type == SQLITE_FLOAT || type == SQLITE_INTEGER else {
            throw ColumnSlot(statement: statement.handle, index: index).mismatch(expected: "a number")
        }
        return sqlite3_column_double(statement.handle, index)
    }

    /// The text in the 0-based column `index`.
    public func text(at index: Int32) throws -> String {
        guard sqlite3_column_type(statement.handle, index) == SQLITE_TEXT else {
            throw ColumnSlot(statement: statement.handle, index: index).mismatch(expected: "text")
        }
        return ColumnSlot(statement: statement.handle, index: index).text
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
