import SharehouseSQLite3

/// A value of one of SQLite's five storage classes, for code that does not know the
/// types of its columns in advance (ad-hoc SQL, generic dumps).
///
/// Typed code reads columns as `Int64`, `Double`, `String`... directly
/// (``SQLiteColumnDecodable``) and never goes through this enum.
public enum SQLiteValue: Sendable, Hashable {
    /// SQL `NULL`.
    case null
    /// A 64-bit signed integer.
    case integer(Int64)
    /// A floating-point number.
    case real(Double)
    /// Text, in UTF-8.
    case text(String)
    /// A blob of bytes.
    case blob([UInt8])

    /// The storage class name as SQLite's `typeof()` prints it.
    public var storageClass: String {
        switch self {
        case .null: "null"
        case .integer: "integer"
        case .real: "real"
        case .text: "text"
        case .blob: "blob"
        }
    }
}

extension SQLiteValue: SQLiteBindable {
    public func bind(to slot: ParameterSlot) throws {
        switch self {
        case .null: try slot.bindNull()
        case .integer(let value): try slot.bind(int64: value)
        case .real(let value): try slot.bind(double: value)
        case .text(let value): try slot.bind(text: value)
        case .blob(let value): try slot.bind(blob: value)
        }
    }
}

extension SQLiteValue: SQLiteColumnDecodable {
    /// Reads a column as whatever storage class it holds.
    public init(column: ColumnSlot) throws {
        switch column.storageClass {
        case SQLITE_INTEGER: self = .integer(column.int64)
        case SQLITE_FLOAT: self = .real(column.double)
        case SQLITE_TEXT: self = .text(column.text)
        case SQLITE_BLOB: self = .blob(column.blob)
        default: self = .null
        }
    }
}
