import SharehouseSQLite3

/// One statement of a script, as the script runner is about to run it.
public struct ScriptStatement {
    /// The statement's text, from its first keyword to its end.
    public let sql: String
    /// Where the statement starts in the script.
    public let location: SourceLocation
    /// The prepared statement.
    public let statement: Statement

    /// The statement's first words, upper-cased (`["PRAGMA", "FOREIGN_KEYS"]`).
    public func leadingWords(_ count: Int) -> [String] {
        SQLText.leadingWords(of: sql, count: count)
    }
}

extension Connection {
    /// Runs every statement of a script, one at a time, through SQLite's own parser.
    ///
    /// Statements are found with `sqlite3_prepare_v3`'s tail pointer, never by
    /// splitting the text on `;`, so a trigger whose body holds several statements is
    /// one statement, as SQLite sees it. A statement is prepared only when the ones
    /// before it have run, so a script may create a table and then use it.
    ///
    /// An error carries the ``SourceLocation`` in the script of the token SQLite
    /// complained of (when SQLite tells) or of the failing statement's first keyword.
    ///
    /// - Parameters:
    ///   - script: the SQL text, any number of statements.
    ///   - inspect: called with each statement before it runs; throw to stop.
    public func executeScript(_ script: String, inspect: ((ScriptStatement) throws -> Void)? = nil) throws {
        try checkNotRolledBack()
        var bytes = Array(script.utf8)
        bytes.append(0)
        let length = bytes.count - 1
        try bytes.withUnsafeBufferPointer { buffer in
            try buffer.withMemoryRebound(to: CChar.self) { text in
                guard let base = text.baseAddress else { return }
                var offset = 0
                while offset < length {
                    let start = SQLText.skipSpaceAndComments(bytes, from: offset)
                    guard start < length else { return }
                    var handle: OpaquePointer?
                    var tail: UnsafePointer<CChar>?
                    let code = sqlite3_prepare_v3(self.handle, base + start, Int32(length - start), 0, &handle, &tail)
                    let end = tail.map { base.distance(to: $0) } ?? length
                    let statementText = String(decoding: bytes[start..<max(start, end)], as: UTF8.self)
                    guard code == SQLITE_OK else {
                        var error = lastError(code: code, sql: statementText)
                        let errorOffset = Int(sharehouse_error_offset(self.handle))
                        error.location = SourceLocation(byteOffset: start + max(errorOffset, 0), in: bytes[0..<length])
                        throw error
                    }
                    offset = max(end, start + 1)
                    guard let handle else { continue }  // only a `;`
                    let statement = Statement(handle: handle, sql: statementText)
                    let location = SourceLocation(byteOffset: start, in: bytes[0..<length])
                    do {
                        try inspect?(ScriptStatement(sql: statementText, location: location, statement: statement))
                        try statement.execute()
                    } catch var error as SQLiteError {
                        if error.location == nil { error.location = location }
                        throw error
                    }
                }
            }
        }
    }
}
