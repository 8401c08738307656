import SharehouseSQLite3

/// A prepared statement. It finalizes itself when the last reference goes away.
///
/// A statement belongs to the connection that prepared it and, like it, must not cross
/// threads. Statements from ``Connection/cachedStatement(_:)`` are shared: bind, step and
/// finish with one before asking the cache for it again.
///
/// Related SQLite documentation: <https://www.sqlite.org/c3ref/stmt.html>
public final class Statement {
    /// The C handle, for the rare call this wrapper does not cover.
    public let handle: OpaquePointer
    /// The statement's SQL text.
    public let sql: String
    private var columnIndexes: [String: Int32]?

    /// Wraps a handle that `sqlite3_prepare_v3` returned; the statement now owns it.
    init(handle: OpaquePointer, sql: String) {
        self.handle = handle
        self.sql = sql
    }

    deinit {
        sqlite3_finalize(handle)
    }

    /// The number of parameters (`?`, `?NNN`, `:name`, `@name`, `$name`).
    public var parameterCount: Int { Int(sqlite3_bind_parameter_count(handle)) }

    /// The number of columns the statement returns.
    public var columnCount: Int { Int(sqlite3_column_count(handle)) }

    /// The names of the columns the statement returns, in order.
    public var columnNames: [String] {
        (0..<Int32(columnCount)).map { String(cString: sqlite3_column_name(handle, $0)) }
    }

    /// True when the statement does not write to the database (a SELECT, most PRAGMAs).
    /// Related SQLite documentation: <https://www.sqlite.org/c3ref/stmt_readonly.html>
    public var isReadOnly: Bool { sqlite3_stmt_readonly(handle) != 0 }

    // MARK: Binding

    /// Binds one value to the 1-based parameter `index`.
    public func bind<V: SQLiteBindable>(_ value: V, at index: Int) throws {
        try value.bind(to: ParameterSlot(statement: handle, index: Int32(index)))
    }

    /// Binds an integer to the 1-based parameter `index`: the non-generic fast path for
    /// loops that bind millions of values (no generic dispatch across modules).
    public func bind(int64 value: Int64, at index: Int32) throws {
        let code = sqlite3_bind_int64(handle, index, value)
        if code != SQLITE_OK { throw currentError(code) }
    }

    /// Binds a double to the 1-based parameter `index` (non-generic fast path).
    public func bind(double value: Double, at index: Int32) throws {
        let code = sqlite3_bind_double(handle, index, value)
        if code != SQLITE_OK { throw currentError(code) }
    }

    /// Binds text to the 1-based parameter `index` (non-generic fast path).
    public func bind(text value: String, at index: Int32) throws {
        try ParameterSlot(statement: handle, index: index).bind(text: value)
    }

    /// Binds `text` to the 1-based parameter `index` without copying it (SQLITE_STATIC)
    /// for the duration of `body` only, then binds NULL so that nothing dangles. For the
    /// insert loop of an import, where SQLite's copy of every text is a malloc and a free.
    /// Related SQLite documentation: <https://www.sqlite.org/c3ref/bind_blob.html>
    public func withBorrowedText<R>(_ text: String, at index: Int32, _ body: () throws -> R) throws -> R {
        var text = text
        return try text.withUTF8 { buffer -> R in
            let code: Int32
            if let base = buffer.baseAddress, buffer.count > 0 {
                code = base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                    sqlite3_bind_text64(handle, index, $0, sqlite3_uint64(buffer.count), nil, UInt8(SQLITE_UTF8))
                }
            } else {
                code = sqlite3_bind_text(handle, index, "", 0, sharehouse_transient())
            }
            if code != SQLITE_OK { throw currentError(code) }
            defer { sqlite3_bind_null(handle, index) }
            return try body()
        }
    }

    /// Binds one value to a named parameter such as `:code` (with its prefix).
    public func bind<V: SQLiteBindable>(_ value: V, named name: String) throws {
        let index = sqlite3_bind_parameter_index(handle, name)
        guard index > 0 else {
            throw SQLiteError(code: .range, message: "no parameter named \(name)", sql: sql)
        }
        try value.bind(to: ParameterSlot(statement: handle, index: index))
    }

    /// Resets the statement and binds all of its parameters, in order, in one call.
    /// Giving more or fewer values than the statement has parameters is an error.
    public func bind<each V: SQLiteBindable>(_ values: repeat each V) throws {
        var given: Int32 = 0
        for _ in repeat each values { given += 1 }
        let expected = sqlite3_bind_parameter_count(handle)
        guard given == expected else {
            throw SQLiteError(
                code: .range,
                message: "the statement has \(expected) parameter(s) but \(given) value(s) were given",
                sql: sql)
        }
        reset()
        var index: Int32 = 0
        for value in repeat each values {
            index += 1
            try value.bind(to: ParameterSlot(statement: handle, index: index))
        }
    }

    /// Resets the statement so it can run again; bindings are kept.
    /// Any error of the previous run was already reported by ``step()``.
    public func reset() {
        sqlite3_reset(handle)
    }

    /// Sets every parameter back to NULL.
    public func clearBindings() {
        sqlite3_clear_bindings(handle)
    }

    // MARK: Stepping

    /// Advances to the next row: `true` when a row is available, `false` when done.
    public func step() throws -> Bool {
        switch sqlite3_step(handle) {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        case let code: throw currentError(code)
        }
    }

    /// The current row, after ``step()`` returned `true`: for walking two statements side
    /// by side (a merge), where ``forEachRow(_:)`` would walk one.
    public var currentRow: Row { Row(statement: self) }

    /// Runs the statement to completion, ignoring any rows (a statement may do work on
    /// every row it steps over, so stopping at the first one would be wrong).
    public func execute() throws {
        defer { sqlite3_reset(handle) }
        while try step() {}
    }

    /// Calls `body` with each row. The row is valid only during the call.
    public func forEachRow(_ body: (Row) throws -> Void) throws {
        defer { sqlite3_reset(handle) }
        let row = Row(statement: self)
        while try step() {
            try body(row)
        }
    }

    /// Binds `values` to the parameters in order, then calls `body` with each row.
    public func forEachRow<each V: SQLiteBindable>(binding values: repeat each V, body: (Row) throws -> Void) throws {
        try bind(repeat each values)
        try forEachRow(body)
    }

    /// Binds `values`, then returns the first row turned into a value, or nil.
    public func first<T, each V: SQLiteBindable>(binding values: repeat each V, map transform: (Row) throws -> T) throws -> T? {
        try bind(repeat each values)
        return try first(transform)
    }

    /// Binds `values`, then returns every row turned into a value.
    public func mapRows<T, each V: SQLiteBindable>(binding values: repeat each V, map transform: (Row) throws -> T) throws -> [T] {
        try bind(repeat each values)
        return try map(transform)
    }

    /// The rows, each turned into a value by `transform`.
    public func map<T>(_ transform: (Row) throws -> T) throws -> [T] {
        var result: [T] = []
        try forEachRow { result.append(try transform($0)) }
        return result
    }

    /// The first row turned into a value by `transform`, or nil when there is no row.
    public func first<T>(_ transform: (Row) throws -> T) throws -> T? {
        defer { sqlite3_reset(handle) }
        guard try step() else { return nil }
        return try transform(Row(statement: self))
    }

    // MARK: Columns

    /// The index of the column called `name` (case-insensitive; the leftmost wins).
    ///
    /// The map is checked against the statement before use: SQLite re-prepares a statement
    /// after a schema change, and `SELECT *` may then have other columns.
    func columnIndex(named name: String) -> Int32? {
        let key = name.lowercased()
        if let index = columnIndexes?[key], index < sqlite3_column_count(handle),
            String(cString: sqlite3_column_name(handle, index)).lowercased() == key
        {
            return index
        }
        var indexes: [String: Int32] = [:]
        for index in (0..<Int32(columnCount)).reversed() {
            indexes[String(cString: sqlite3_column_name(handle, index)).lowercased()] = index
        }
        columnIndexes = indexes
        return indexes[key]
    }

    func currentError(_ code: Int32) -> SQLiteError {
        let db = sqlite3_db_handle(handle)
        let extended = db.map { sqlite3_extended_errcode($0) } ?? code
        let message = db.map { String(cString: sqlite3_errmsg($0)) }
        return SQLiteError(code: ResultCode(rawValue: extended == 0 ? code : extended), message: message, sql: sql)
    }
}

@available(*, unavailable, message: "a statement is confined to its connection's thread")
extension Statement: Sendable {}
