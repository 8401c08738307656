import SharehouseSQLite3

/// A value that can be bound to a statement parameter.
///
/// Binding is generic (`bind<V: SQLiteBindable>`), so binding an `Int64` or a `String`
/// calls its conformance directly: no value is boxed in an existential on the hot path
/// of an import that binds millions of values.
public protocol SQLiteBindable {
    /// Binds `self` to the parameter `slot` stands for.
    func bind(to slot: ParameterSlot) throws
}

/// One parameter of a prepared statement, handed to ``SQLiteBindable/bind(to:)``.
///
/// Text and blobs are bound with `SQLITE_TRANSIENT`: SQLite copies the bytes before the
/// call returns, so nothing bound can dangle when the Swift value goes away.
///
/// Related SQLite documentation: <https://www.sqlite.org/c3ref/bind_blob.html>
public struct ParameterSlot {
    let statement: OpaquePointer
    /// The 1-based parameter index.
    public let index: Int32

    /// Binds SQL `NULL`.
    public func bindNull() throws {
        try check(sqlite3_bind_null(statement, index))
    }

    /// Binds a 64-bit integer.
    public func bind(int64 value: Int64) throws {
        try check(sqlite3_bind_int64(statement, index, value))
    }

    /// Binds a double.
    public func bind(double value: Double) throws {
        try check(sqlite3_bind_double(statement, index, value))
    }

    /// Binds UTF-8 text by its byte count, so text with a NUL inside is kept whole.
    public func bind(text value: String) throws {
        // Most strings (and every short one) lend their bytes without a copy.
        if let code = value.utf8.withContiguousStorageIfAvailable({ buffer -> Int32 in
            guard let base = buffer.baseAddress, buffer.count > 0 else {
                return sqlite3_bind_text(statement, index, "", 0, sharehouse_transient())
            }
            return base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                sqlite3_bind_text64(statement, index, $0, sqlite3_uint64(buffer.count), sharehouse_transient(), UInt8(SQLITE_UTF8))
            }
        }) {
            try check(code)
            return
        }
        var value = value
        let code = value.withUTF8 { buffer -> Int32 in
            // A zero-length buffer may have a nil base address, which SQLite would bind
            // as NULL: bind a real empty string instead.
            guard let base = buffer.baseAddress, buffer.count > 0 else {
                return sqlite3_bind_text(statement, index, "", 0, sharehouse_transient())
            }
            return base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                sqlite3_bind_text64(
                    statement, index, $0, sqlite3_uint64(buffer.count),
                    sharehouse_transient(), UInt8(SQLITE_UTF8))
            }
        }
        try check(code)
    }

    /// Binds bytes as a blob; an empty array is an empty blob, not NULL.
    public func bind(blob value: some Collection<UInt8>) throws {
        let code =
            value.withContiguousStorageIfAvailable { buffer -> Int32 in
                bindBlob(buffer)
            } ?? Array(value).withUnsafeBufferPointer { bindBlob($0) }
        try check(code)
    }

    private func bindBlob(_ buffer: UnsafeBufferPointer<UInt8>) -> Int32 {
        guard let base = buffer.baseAddress, buffer.count > 0 else {
            return sqlite3_bind_zeroblob(statement, index, 0)
        }
        return sqlite3_bind_blob64(statement, index, base, sqlite3_uint64(buffer.count), sharehouse_transient())
    }

    private func check(_ code: Int32) throws {
        guard code == SQLITE_OK else {
            throw SQLiteError(
                code: ResultCode(rawValue: code),
                message: "cannot bind parameter \(index): \(String(cString: sqlite3_errmsg(sqlite3_db_handle(statement))))",
                sql: sqlite3_sql(statement).map { String(cString: $0) })
        }
    }
}

extension Int64: SQLiteBindable {
    public func bind(to slot: ParameterSlot) throws { try slot.bind(int64: self) }
}

extension Int: SQLiteBindable {
    public func bind(to slot: ParameterSlot) throws { try slot.bind(int64: Int64(self)) }
}

extension Int32: SQLiteBindable {
    public func bind(to slot: ParameterSlot) throws { try slot.bind(int64: Int64(self)) }
}

extension Bool: SQLiteBindable {
    public func bind(to slot: ParameterSlot) throws { try slot.bind(int64: self ? 1 : 0) }
}

extension Double: SQLiteBindable {
    public func bind(to slot: ParameterSlot) throws { try slot.bind(double: self) }
}

extension String: SQLiteBindable {
    public func bind(to slot: ParameterSlot) throws { try slot.bind(text: self) }
}

extension Substring: SQLiteBindable {
    public func bind(to slot: ParameterSlot) throws { try slot.bind(text: String(self)) }
}

extension Array: SQLiteBindable where Element == UInt8 {
    public func bind(to slot: ParameterSlot) throws { try slot.bind(blob: self) }
}

extension Optional: SQLiteBindable where Wrapped: SQLiteBindable {
    public func bind(to slot: ParameterSlot) throws {
        switch self {
        case .none: try slot.bindNull()
        case .some(let value): try value.bind(to: slot)
        }
    }
}
