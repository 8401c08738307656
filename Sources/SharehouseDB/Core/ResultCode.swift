import SharehouseSQLite3

/// An SQLite result code, primary or extended.
///
/// Connections run with extended result codes on, so errors carry the precise code
/// (`SQLITE_CONSTRAINT_UNIQUE`, not just `SQLITE_CONSTRAINT`). Matching is hierarchical:
/// a primary code matches all of its extended codes, an extended code only itself:
///
/// ```swift
/// do { try connection.execute(sql) }
/// catch ResultCode.constraint { /* any constraint failure */ }
/// catch ResultCode.constraintUnique { /* only a UNIQUE failure */ }
/// ```
///
/// Related SQLite documentation: <https://www.sqlite.org/rescode.html>
public struct ResultCode: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: Int32

    public init(rawValue: Int32) { self.rawValue = rawValue }

    /// The primary code: the low eight bits of an extended code.
    public var primary: ResultCode { ResultCode(rawValue: rawValue & 0xFF) }

    /// True when this is a primary code (no extended bits).
    public var isPrimary: Bool { rawValue & ~0xFF == 0 }

    /// SQLite's own English text for the code, e.g. "database is locked".
    public var explanation: String { String(cString: sqlite3_errstr(rawValue)) }

    public var description: String { "\(name) (\(rawValue))" }

    /// The C name of the code, e.g. `SQLITE_CONSTRAINT_UNIQUE`.
    public var name: String {
        if let known = Self.names[rawValue] { return known }
        if let primaryName = Self.names[rawValue & 0xFF] { return "\(primaryName) (extended \(rawValue))" }
        return "SQLITE_\(rawValue)"
    }

    /// Matches a code against a primary code (`.constraint` matches `.constraintUnique`) or an extended one exactly, for `switch` and `case`.
    public static func ~= (pattern: ResultCode, code: ResultCode) -> Bool {
        pattern.isPrimary ? pattern == code.primary : pattern == code
    }

    /// Lets `catch ResultCode.busy { }` match an ``SQLiteError`` with that code.
    public static func ~= (pattern: ResultCode, error: any Error) -> Bool {
        guard let error = error as? SQLiteError else { return false }
        return pattern ~= error.code
    }

    /// `SQLITE_OK`: success.
    public static let ok = ResultCode(rawValue: SQLITE_OK)
    /// `SQLITE_ERROR`: a generic error, such as an SQL error.
    public static let error = ResultCode(rawValue: SQLITE_ERROR)
    /// `SQLITE_INTERNAL`: an internal malfunction of SQLite.
    public static let internalError = ResultCode(rawValue: SQLITE_INTERNAL)
    /// `SQLITE_PERM`: the access mode for a new database could not be provided.
    public static let permission = ResultCode(rawValue: SQLITE_PERM)
    /// `SQLITE_ABORT`: an operation was aborted, by a trigger's `RAISE(ABORT)` for one.
    public static let abort = ResultCode(rawValue: SQLITE_ABORT)
    /// `SQLITE_BUSY`: another connection holds the lock.
    public static let busy = ResultCode(rawValue: SQLITE_BUSY)
    /// `SQLITE_LOCKED`: a conflict within the same connection or shared cache.
    public static let locked = ResultCode(rawValue: SQLITE_LOCKED)
    /// `SQLITE_NOMEM`: a memory allocation failed.
    public static let noMemory = ResultCode(rawValue: SQLITE_NOMEM)
    /// `SQLITE_READONLY`: a write to a read-only database.
    public static let readOnly = ResultCode(rawValue: SQLITE_READONLY)
    /// `SQLITE_INTERRUPT`: the operation was interrupted (a time limit, for one).
    public static let interrupt = ResultCode(rawValue: SQLITE_INTERRUPT)
    /// `SQLITE_IOERR`: the operating system reported an I/O error.
    public static let ioError = ResultCode(rawValue: SQLITE_IOERR)
    /// `SQLITE_CORRUPT`: the database file is malformed.
    public static let corrupt = ResultCode(rawValue: SQLITE_CORRUPT)
    /// `SQLITE_FULL`: the disk is full, or a file-size limit was reached.
    public static let full = ResultCode(rawValue: SQLITE_FULL)
    /// `SQLITE_CANTOPEN`: the file could not be opened.
    public static let cantOpen = ResultCode(rawValue: SQLITE_CANTOPEN)
    /// `SQLITE_SCHEMA`: the schema changed under a prepared statement.
    public static let schema = ResultCode(rawValue: SQLITE_SCHEMA)
    /// `SQLITE_TOOBIG`: a string or blob is over the length limit.
    public static let tooBig = ResultCode(rawValue: SQLITE_TOOBIG)
    /// `SQLITE_CONSTRAINT`: a constraint was violated.
    public static let constraint = ResultCode(rawValue: SQLITE_CONSTRAINT)
    /// `SQLITE_MISMATCH`: a datatype mismatch.
    public static let mismatch = ResultCode(rawValue: SQLITE_MISMATCH)
    /// `SQLITE_MISUSE`: the library was used the wrong way.
    public static let misuse = ResultCode(rawValue: SQLITE_MISUSE)
    /// `SQLITE_AUTH`: the authorizer refused the statement.
    public static let authorization = ResultCode(rawValue: SQLITE_AUTH)
    /// `SQLITE_RANGE`: a parameter index out of range.
    public static let range = ResultCode(rawValue: SQLITE_RANGE)
    /// `SQLITE_NOTADB`: the file is not a database.
    public static let notADatabase = ResultCode(rawValue: SQLITE_NOTADB)
    /// `SQLITE_ROW`: a step produced a row.
    public static let row = ResultCode(rawValue: SQLITE_ROW)
    /// `SQLITE_DONE`: a statement finished.
    public static let done = ResultCode(rawValue: SQLITE_DONE)

    // Extended codes this package tests for. The values are fixed by SQLite's ABI
    // (primary | n << 8); the C macros are not importable into Swift.
    /// `SQLITE_IOERR_WRITE`: a write to the file failed (a full disk or a file-size limit, among others).
    public static let ioErrorWrite = ResultCode(rawValue: 778)  // SQLITE_IOERR_WRITE
    /// `SQLITE_BUSY_SNAPSHOT`: a read transaction's snapshot is stale and cannot become a write.
    public static let busySnapshot = ResultCode(rawValue: 517)  // SQLITE_BUSY | 2<<8
    /// `SQLITE_READONLY_DBMOVED`: the database file was moved or deleted while open.
    public static let readOnlyDatabaseMoved = ResultCode(rawValue: 1032)  // SQLITE_READONLY | 4<<8
    /// `SQLITE_CONSTRAINT_CHECK`: a `CHECK` constraint failed.
    public static let constraintCheck = ResultCode(rawValue: 275)  // SQLITE_CONSTRAINT | 1<<8
    /// `SQLITE_CONSTRAINT_FOREIGNKEY`: a foreign key constraint failed.
    public static let constraintForeignKey = ResultCode(rawValue: 787)  // SQLITE_CONSTRAINT | 3<<8
    /// `SQLITE_CONSTRAINT_NOTNULL`: a `NOT NULL` constraint failed.
    public static let constraintNotNull = ResultCode(rawValue: 1299)  // SQLITE_CONSTRAINT | 5<<8
    /// `SQLITE_CONSTRAINT_PRIMARYKEY`: a primary key is not unique.
    public static let constraintPrimaryKey = ResultCode(rawValue: 1555)  // SQLITE_CONSTRAINT | 6<<8
    /// `SQLITE_CONSTRAINT_TRIGGER`: a trigger's `RAISE` refused the change.
    public static let constraintTrigger = ResultCode(rawValue: 1811)  // SQLITE_CONSTRAINT | 7<<8
    /// `SQLITE_CONSTRAINT_UNIQUE`: a `UNIQUE` constraint failed.
    public static let constraintUnique = ResultCode(rawValue: 2067)  // SQLITE_CONSTRAINT | 8<<8
    /// `SQLITE_CONSTRAINT_DATATYPE`: a value of the wrong type in a `STRICT` table.
    public static let constraintDataType = ResultCode(rawValue: 3091)  // SQLITE_CONSTRAINT | 12<<8

    private static let names: [Int32: String] = [
        0: "SQLITE_OK", 1: "SQLITE_ERROR", 2: "SQLITE_INTERNAL", 3: "SQLITE_PERM",
        4: "SQLITE_ABORT", 5: "SQLITE_BUSY", 6: "SQLITE_LOCKED", 7: "SQLITE_NOMEM",
        8: "SQLITE_READONLY", 9: "SQLITE_INTERRUPT", 10: "SQLITE_IOERR", 11: "SQLITE_CORRUPT",
        12: "SQLITE_NOTFOUND", 13: "SQLITE_FULL", 14: "SQLITE_CANTOPEN", 15: "SQLITE_PROTOCOL",
        16: "SQLITE_EMPTY", 17: "SQLITE_SCHEMA", 18: "SQLITE_TOOBIG", 19: "SQLITE_CONSTRAINT",
        20: "SQLITE_MISMATCH", 21: "SQLITE_MISUSE", 22: "SQLITE_NOLFS", 23: "SQLITE_AUTH",
        24: "SQLITE_FORMAT", 25: "SQLITE_RANGE", 26: "SQLITE_NOTADB", 27: "SQLITE_NOTICE",
        28: "SQLITE_WARNING", 100: "SQLITE_ROW", 101: "SQLITE_DONE",
        517: "SQLITE_BUSY_SNAPSHOT", 1032: "SQLITE_READONLY_DBMOVED",
        275: "SQLITE_CONSTRAINT_CHECK", 787: "SQLITE_CONSTRAINT_FOREIGNKEY",
        1299: "SQLITE_CONSTRAINT_NOTNULL", 1555: "SQLITE_CONSTRAINT_PRIMARYKEY",
        1811: "SQLITE_CONSTRAINT_TRIGGER", 2067: "SQLITE_CONSTRAINT_UNIQUE",
        3091: "SQLITE_CONSTRAINT_DATATYPE", 266: "SQLITE_IOERR_READ", 778: "SQLITE_IOERR_WRITE",
        1034: "SQLITE_IOERR_FSYNC", 8 | (1 << 8): "SQLITE_READONLY_RECOVERY",
        8 | (2 << 8): "SQLITE_READONLY_CANTLOCK", 8 | (3 << 8): "SQLITE_READONLY_ROLLBACK",
        8 | (5 << 8): "SQLITE_READONLY_CANTINIT", 8 | (6 << 8): "SQLITE_READONLY_DIRECTORY",
        1 | (1 << 8): "SQLITE_ERROR_MISSING_COLLSEQ",
        1 | (2 << 8): "SQLITE_ERROR_RETRY", 1 | (3 << 8): "SQLITE_ERROR_SNAPSHOT",
    ]
}
