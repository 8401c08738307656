public import Foundation

/// An error reported by SQLite, as data.
///
/// SQLite's message is captured at the moment of failure (`sqlite3_errmsg` is overwritten
/// by the next call on the connection). Bound values are never part of the error, so a
/// message can be logged without leaking the data it was about.
///
/// Related SQLite documentation: <https://www.sqlite.org/c3ref/errcode.html>
public struct SQLiteError: Error, Sendable, Hashable, CustomStringConvertible, LocalizedError {
    /// The extended result code.
    public var code: ResultCode
    /// SQLite's message, e.g. "UNIQUE constraint failed: t.x".
    public var message: String
    /// The SQL that failed, when there was one.
    public var sql: String?
    /// Where in ``sql`` (or in the script that contained it) the error was found,
    /// when SQLite or the script runner could tell.
    public var location: SourceLocation?

    /// An error with SQLite's result code, its message, and the statement and place it concerns.
    public init(code: ResultCode, message: String? = nil, sql: String? = nil, location: SourceLocation? = nil) {
        self.code = code
        self.message = message ?? code.explanation
        self.sql = sql
        self.location = location
    }

    public var description: String {
        var text = "\(message) [\(code.name)]"
        if isOutOfSpace { text += " (\(Self.outOfSpaceNote))" }
        if let location { text += " at \(location)" }
        if let sql { text += " in: \(SQLiteError.abbreviate(sql))" }
        return text
    }

    public var errorDescription: String? { description }

    /// Out of space or past a file-size limit (a write failed): SQLite rolled the
    /// transaction back.
    public var isOutOfSpace: Bool { ResultCode.full ~= code || code == .ioErrorWrite }
    static let outOfSpaceNote = "the disk may be full or a file-size limit reached; the transaction was rolled back"

    /// A fault of the machine rather than of the SQL: I/O, space, memory, a lock held.
    public var isFaultOfTheMachine: Bool {
        [ResultCode.ioError, .full, .noMemory, .busy, .locked].contains(code.primary)
    }

    /// Shortens long SQL to its first line (and at most 200 characters) for messages.
    static func abbreviate(_ sql: String) -> String {
        let trimmed = sql.trimmingCharacters(in: .whitespacesAndNewlines)
        let firstLine = trimmed.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? trimmed
        let short = firstLine.count > 200 ? String(firstLine.prefix(200)) + "…" : firstLine
        return short == trimmed ? short : short + " …"
    }
}

/// A line and column (both 1-based) in a text; the column counts Unicode code points, as
/// most editors' column numbers do.
public struct SourceLocation: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The line, from 1.
    public var line: Int
    /// The column, from 1, counted in characters.
    public var column: Int

    /// A location at `line` and `column`, both from 1.
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public var description: String { "\(line):\(column)" }

    /// The location of a UTF-8 byte offset in `utf8`, with lines ended as `TextPosition`
    /// ends them (LF, CRLF or a lone CR).
    public init(byteOffset: Int, in utf8: some Collection<UInt8>) {
        var position = TextPosition()
        position.advance(past: utf8.prefix(max(byteOffset, 0)))
        self = position.location
    }
}
