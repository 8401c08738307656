import SharehouseSQLite3

extension Connection {
    /// Prepares one statement, uncached. Text after the first statement (other than
    /// spaces and comments) is an error: use ``executeScript(_:inspect:)`` for scripts.
    ///
    /// Related SQLite documentation: <https://www.sqlite.org/c3ref/prepare.html>
    public func prepare(_ sql: String) throws -> Statement {
        try prepare(sql, flags: 0)
    }

    /// The statement for `sql` from this connection's cache, prepared on first use.
    ///
    /// The statement is reset, so it starts from the first row, but keeps its bindings
    /// until you bind again.
    public func cachedStatement(_ sql: String) throws -> Statement {
        if let statement = statementCache[sql] {
            // A statement still being stepped (the same query run again inside the loop
            // over its rows) must not be reset under its reader: give a fresh one.
            if sqlite3_stmt_busy(statement.handle) != 0 { return try prepare(sql) }
            statement.reset()
            return statement
        }
        let statement = try prepare(sql, flags: UInt32(SQLITE_PREPARE_PERSISTENT))
        statementCache[sql] = statement
        return statement
    }

    /// The number of statements in this connection's cache.
    public var cachedStatementCount: Int { statementCache.count }

    /// Statements of this connection not yet finalized, cached or not; for tests that
    /// check nothing leaks. Related: <https://www.sqlite.org/c3ref/next_stmt.html>
    public var liveStatementCount: Int {
        var count = 0
        var next = sqlite3_next_stmt(handle, nil)
        while let statement = next {
            count += 1
            next = sqlite3_next_stmt(handle, statement)
        }
        return count
    }

    /// Runs one statement (cached), binding `values` to its parameters in order.
    ///
    /// ```swift
    /// try connection.execute("INSERT INTO t (a, b) VALUES (?, ?)", 1, "one")
    /// ```
    public func execute<each V: SQLiteBindable>(_ sql: String, _ values: repeat each V) throws {
        try withCachedStatement(sql) { statement in
            try statement.bind(repeat each values)
            try statement.execute()
        }
    }

    /// Every row of a query (cached statement), each turned into a value by `transform`.
    public func fetchAll<T, each V: SQLiteBindable>(
        _ sql: String, _ values: repeat each V, map transform: (Row) throws -> T
    ) throws -> [T] {
        try withCachedStatement(sql) { statement in
            try statement.bind(repeat each values)
            return try statement.map(transform)
        }
    }

    /// The first row of a query (cached statement), or nil when there is none.
    public func fetchOne<T, each V: SQLiteBindable>(
        _ sql: String, _ values: repeat each V, map transform: (Row) throws -> T
    ) throws -> T? {
        try withCachedStatement(sql) { statement in
            try statement.bind(repeat each values)
            return try statement.first(transform)
        }
    }

    /// Runs `body` with the cached statement for `sql`. A statement whose run failed is
    /// dropped from the cache, as GRDB does: after some errors `sqlite3_reset` cannot
    /// bring it back to a clean state.
    func withCachedStatement<T>(_ sql: String, _ body: (Statement) throws -> T) throws -> T {
        try checkNotRolledBack()
        let statement = try cachedStatement(sql)
        do {
            return try body(statement)
        } catch {
            statementCache.remove(sql)
            throw error
        }
    }

    private func prepare(_ sql: String, flags: UInt32) throws -> Statement {
        var utf8 = Array(sql.utf8)
        utf8.append(0)
        return try utf8.withUnsafeBufferPointer { buffer in
            try buffer.withMemoryRebound(to: CChar.self) { text in
                guard let start = text.baseAddress else { throw SQLiteError(code: .misuse, message: "no SQL") }
                var statement: OpaquePointer?
                var tail: UnsafePointer<CChar>?
                let code = sqlite3_prepare_v3(handle, start, Int32(text.count), flags, &statement, &tail)
                guard code == SQLITE_OK else {
                    var error = lastError(code: code, sql: sql)
                    let offset = Int(sharehouse_error_offset(handle))
                    if offset >= 0 { error.location = SourceLocation(byteOffset: offset, in: sql.utf8) }
                    throw error
                }
                guard let statement else {
                    throw SQLiteError(code: .misuse, message: "no statement in the SQL (only spaces or comments)", sql: sql)
                }
                if let tail {
                    let rest = start.distance(to: tail)
                    if SQLText.hasStatement(in: utf8[rest..<(utf8.count - 1)]) {
                        sqlite3_finalize(statement)
                        throw SQLiteError(
                            code: .misuse,
                            message: "more than one statement; run scripts with executeScript",
                            sql: sql)
                    }
                }
                return Statement(handle: statement, sql: sql)
            }
        }
    }
}
