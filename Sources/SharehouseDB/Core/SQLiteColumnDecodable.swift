import SharehouseSQLite3

/// A type that reads itself straight from a result column.
///
/// Decoding is positional and typed: `row.get(0) as Int64` calls `sqlite3_column_int64`
/// and nothing else. Conversions are strict: an `Int64` column read as `String` is a
/// ``RowDecodingError``, not a silent conversion, so a schema drift shows up as an error.
public protocol SQLiteColumnDecodable {
    /// Reads the value of `column`, throwing ``RowDecodingError`` when it is not of this type.
    init(column: ColumnSlot) throws
}

/// One column of the current row, handed to ``SQLiteColumnDecodable/init(column:)``.
///
/// Related SQLite documentation: <https://www.sqlite.org/c3ref/column_blob.html>
public struct ColumnSlot {
    let statement: OpaquePointer
    /// The 0-based column index.
    public let index: Int32

    /// `SQLITE_INTEGER`, `SQLITE_FLOAT`, `SQLITE_TEXT`, `SQLITE_BLOB` or `SQLITE_NULL`.
    public var storageClass: Int32 { sqlite3_column_type(statement, index) }
    /// True when the column holds `NULL`.
    public var isNull: Bool { storageClass == SQLITE_NULL }
    /// The column as a 64-bit integer, converted as SQLite converts.
    public var int64: Int64 { sqlite3_column_int64(statement, index) }
    /// The column as a double, converted as SQLite converts.
    public var double: Double { sqlite3_column_double(statement, index) }

    /// The column as UTF-8 text; bytes that are not UTF-8 become U+FFFD.
    public var text: String {
        guard let bytes = sqlite3_column_text(statement, index) else { return "" }
        let count = Int(sqlite3_column_bytes(statement, index))
        return String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
    }

    /// The column's bytes, as a blob.
    public var blob: [UInt8] {
        let count = Int(sqlite3_column_bytes(statement, index))
        guard count > 0, let bytes = sqlite3_column_blob(statement, index) else { return [] }
        return Array(UnsafeRawBufferPointer(start: bytes, count: count))
    }

    /// The column's name in the result, for error messages.
    public var name: String {
        sqlite3_column_name(statement, index).map { String(cString: $0) } ?? "#\(index)"
    }

    /// An error saying this column does not hold what `expected` needs.
    public func mismatch(expected: String) -> RowDecodingError {
        let found = SQLiteValue.storageClassName(storageClass)
        return RowDecodingError(
            column: name, reason: isNull ? "expected \(expected), found NULL" : "expected \(expected), found \(found)",
            sql: sqlite3_sql(statement).map { String(cString: $0) })
    }

    func require(_ storage: Int32, _ expected: String) throws {
        guard storageClass == storage else { throw mismatch(expected: expected) }
    }
}

extension SQLiteValue {
    static func storageClassName(_ storageClass: Int32) -> String {
        switch storageClass {
        case SQLITE_INTEGER: "integer"
        case SQLITE_FLOAT: "real"
        case SQLITE_TEXT: "text"
        case SQLITE_BLOB: "blob"
        default: "NULL"
        }
    }
}

/// A result column that could not be read as the type asked for, or does not exist.
public struct RowDecodingError: Error, Sendable, Hashable, CustomStringConvertible, CategorizedError {
    /// The column that could not be read, by name or index.
    public var column: String
    /// Why: the type found and the one expected, or that there is no such column.
    public var reason: String
    /// The statement that returned the row, when known.
    public var sql: String?

    public var description: String {
        var text = "column \(column): \(reason)"
        if let sql { text += " in: \(SQLiteError.abbreviate(sql))" }
        return text
    }

    /// Always a failure: a program's reading does not match its own query.
    public var category: ErrorCategory { .failure }
}

extension Int64: SQLiteColumnDecodable {
    /// Reads an integer column; any other storage class is an error.
    public init(column: ColumnSlot) throws {
        try column.require(SQLITE_INTEGER, "an integer")
        self = column.int64
    }
}

extension Int: SQLiteColumnDecodable {
    /// Reads an integer column that fits `Int`.
    public init(column: ColumnSlot) throws {
        try column.require(SQLITE_INTEGER, "an integer")
        self = Int(column.int64)
    }
}

extension Int32: SQLiteColumnDecodable {
    /// Reads an integer column that fits `Int32`.
    public init(column: ColumnSlot) throws {
        try column.require(SQLITE_INTEGER, "an integer")
        guard let value = Int32(exactly: column.int64) else {
            throw column.mismatch(expected: "a 32-bit integer")
        }
        self = value
    }
}

extension Bool: SQLiteColumnDecodable {
    /// Reads an integer column of 0 or 1 as a Boolean.
    public init(column: ColumnSlot) throws {
        try column.require(SQLITE_INTEGER, "a boolean (0 or 1)")
        self = column.int64 != 0
    }
}

extension Double: SQLiteColumnDecodable {
    /// Reads a REAL, or an INTEGER (SQLite stores 17.0 in a REAL column of a non-STRICT
    /// table as the integer 17 when it can).
    public init(column: ColumnSlot) throws {
        switch column.storageClass {
        case SQLITE_FLOAT, SQLITE_INTEGER: self = column.double
        default: throw column.mismatch(expected: "a number")
        }
    }
}

extension String: SQLiteColumnDecodable {
    /// Reads a text column as UTF-8.
    public init(column: ColumnSlot) throws {
        try column.require(SQLITE_TEXT, "text")
        self = column.text
    }
}

extension Array: SQLiteColumnDecodable where Element == UInt8 {
    /// Reads a blob column as bytes.
    public init(column: ColumnSlot) throws {
        try column.require(SQLITE_BLOB, "a blob")
        self = column.blob
    }
}

extension Optional: SQLiteColumnDecodable where Wrapped: SQLiteColumnDecodable {
    /// Reads `NULL` as nil, and any other value as the wrapped type.
    public init(column: ColumnSlot) throws {
        self = column.isNull ? nil : try Wrapped(column: column)
    }
}
