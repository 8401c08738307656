import Foundation
import SharehouseSQLite3

/// A connection to one SQLite database: a file, or memory.
///
/// A connection is not thread-safe and not `Sendable`: use it from one thread at a time.
/// To share one database between threads or tasks, use ``DatabaseQueue``, which owns a
/// connection and serializes every access to it. Because access is serialized here,
/// SQLite is opened in multi-thread mode (`SQLITE_OPEN_NOMUTEX`): locking twice would
/// only cost time.
///
/// Every connection has foreign keys enforced, extended result codes, double-quoted
/// string literals turned off (so `"name"` is always an identifier), defensive mode on,
/// and a busy timeout, so that a writer waits for another instead of failing. Writable
/// files use write-ahead logging with `synchronous=NORMAL`: readers never block the
/// writer, and a commit survives a crash of the process (a power loss may lose the
/// last commits, never corrupt the file).
///
/// Related SQLite documentation: <https://www.sqlite.org/c3ref/open.html>,
/// <https://www.sqlite.org/wal.html>
public final class Connection {
    /// How to open a database.
    public struct Options: Sendable {
        /// Whether a connection may write, and whether it may create the file.
        public enum Mode: Sendable {
            /// Read and write; create the file when `create` is true and it is missing.
            case readWrite(create: Bool)
            /// Read only: every write fails with `SQLITE_READONLY`.
            case readOnly
        }

        /// Read-write (creating the file or not) or read-only.
        public var mode: Mode
        /// How long a statement waits for another connection's lock before failing
        /// with `SQLITE_BUSY`.
        public var busyTimeout: Duration
        /// Whether foreign keys are enforced (`PRAGMA foreign_keys`).
        public var foreignKeys: Bool
        /// Whether a writable file database is switched to write-ahead logging.
        public var writeAheadLog: Bool

        /// Options for opening a database; the defaults read and write, create the file, wait 5 s for a lock, enforce foreign keys and use write-ahead logging.
        public init(
            mode: Mode = .readWrite(create: true), busyTimeout: Duration = .seconds(5),
            foreignKeys: Bool = true, writeAheadLog: Bool = true
        ) {
            self.mode = mode
            self.busyTimeout = busyTimeout
            self.foreignKeys = foreignKeys
            self.writeAheadLog = writeAheadLog
        }

        /// Read-only, with the other defaults.
        public static let readOnly = Options(mode: .readOnly)
    }

    /// The oldest SQLite this package runs on: STRICT tables need 3.37.
    public static let minimumSQLiteVersion: Int32 = 3_037_000

    /// The C handle, for the rare call this wrapper does not cover.
    public let handle: OpaquePointer
    /// The path that was opened, or `":memory:"`.
    public let path: String
    /// True when the connection was opened read-only.
    public let isReadOnly: Bool

    var statementCache = StatementCache()
    var savepointDepth = 0
    /// Transactions and savepoints open through this wrapper.
    var transactionDepth = 0
    /// Set when SQLite rolled back a transaction this wrapper opened, until it unwinds.
    var rolledBackBySQLite = false
    let timeLimit = TimeLimitState()
    /// How long a statement waits for another connection's lock before SQLITE_BUSY.
    public private(set) var busyTimeout: Duration = .zero

    /// Opens (and with `.readWrite(create: true)`, creates) the database file at `path`.
    public convenience init(path: String, options: Options = Options()) throws {
        try self.init(rawPath: path, options: options)
    }

    /// Opens a private, empty database in memory.
    public static func inMemory(options: Options = Options()) throws -> Connection {
        try Connection(rawPath: ":memory:", options: options)
    }

    private init(rawPath: String, options: Options) throws {
        guard sqlite3_libversion_number() >= Self.minimumSQLiteVersion else {
            throw SQLiteError(
                code: .misuse,
                message: "SQLite \(String(cString: sqlite3_libversion())) is too old: 3.37.0 or later is needed")
        }
        var flags = SQLITE_OPEN_NOMUTEX | 0x0200_0000  // SQLITE_OPEN_EXRESCODE: extended codes from open
        switch options.mode {
        case .readWrite(let create): flags |= SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0)
        case .readOnly: flags |= SQLITE_OPEN_READONLY
        }
        var db: OpaquePointer?
        let code = sqlite3_open_v2(rawPath, &db, flags, nil)
        guard code == SQLITE_OK, let db else {
            // > Whether or not an error occurs when it is opened, resources associated with
            // > the database connection handle should be released by passing it to
            // > sqlite3_close() when it is no longer required.
            let message = db.map { String(cString: sqlite3_errmsg($0)) }
            sqlite3_close(db)
            throw SQLiteError(
                code: ResultCode(rawValue: code),
                message: "cannot open \(rawPath): \(message ?? ResultCode(rawValue: code).explanation)")
        }
        self.handle = db
        self.path = rawPath
        if case .readOnly = options.mode { isReadOnly = true } else { isReadOnly = false }
        do {
            try configure(options)
        } catch var error as SQLiteError {
            // Every property is set, so deinit runs and closes the handle: no close here.
            // "file is not a database" means little without the file's name.
            error.message = "cannot open \(rawPath): \(error.message)"
            error.sql = nil
            throw error
        }
    }

    private func configure(_ options: Options) throws {
        sqlite3_extended_result_codes(handle, 1)
        // SQLite opens a file it may not write read-only without a word, and the first
        // write then fails deep inside a command; say it at once, naming the file.
        if case .readWrite = options.mode, !isInMemory, sqlite3_db_readonly(handle, "main") == 1 {
            throw SQLiteError(code: .readOnly, message: "the file cannot be written (it, or its folder, is read-only)")
        }
        sqlite3_busy_timeout(handle, Int32(clamping: options.busyTimeout.milliseconds))
        busyTimeout = options.busyTimeout
        sharehouse_disable_double_quoted_strings(handle)
        sharehouse_enable_defensive(handle)
        try execute(options.foreignKeys ? "PRAGMA foreign_keys = ON" : "PRAGMA foreign_keys = OFF")
        try retryingWhileBusy(for: options.busyTimeout) {
            // Reading the schema now makes a file that is not a database fail here, with
            // its name, instead of at the first query.
            _ = try fetchOne("SELECT count(*) FROM sqlite_schema") { try $0.get(0) as Int }
            if options.writeAheadLog, !isReadOnly, !isInMemory {
                try enableWriteAheadLog()
            }
        }
    }

    /// Runs `body` again while it fails with SQLITE_BUSY, until `timeout` has passed.
    ///
    /// While two processes open one new file, one of them may be switching it to WAL
    /// (an exclusive lock) or reading its schema; SQLite then answers SQLITE_BUSY at
    /// once, without the busy handler, to avoid a deadlock. Waiting and trying again is
    /// what the busy timeout promises the caller.
    private func retryingWhileBusy(for timeout: Duration, _ body: () throws -> Void) throws {
        let deadline = ContinuousClock.now.advanced(by: timeout)
        var pause = Duration.milliseconds(5)
        while true {
            do {
                return try body()
            } catch let error as SQLiteError where error.code.primary == .busy && ContinuousClock.now < deadline {
                statementCache.removeAll()
                Thread.sleep(forTimeInterval: Double(pause.milliseconds) / 1000)
                pause = min(pause * 2, .milliseconds(100))
            }
        }
    }

    /// Switches to WAL, unless the file already is (asking again would need a lock that
    /// another process migrating the same file may hold).
    private func enableWriteAheadLog() throws {
        let current: String? = try fetchOne("PRAGMA journal_mode") { try $0.get(0) }
        if current?.lowercased() != "wal" {
            let mode: String? = try fetchOne("PRAGMA journal_mode = WAL") { try $0.get(0) }
            guard mode?.lowercased() == "wal" else {
                throw SQLiteError(
                    code: .error, message: "cannot switch \(path) to write-ahead logging (journal mode is \(mode ?? "unknown"))")
            }
        }
        try execute("PRAGMA synchronous = NORMAL")
    }

    deinit {
        // Cached statements must be finalized before the connection can close.
        statementCache.removeAll()
        // close_v2 defers the close until statements still held elsewhere are finalized,
        // instead of failing with SQLITE_BUSY and leaking the connection.
        sqlite3_close_v2(handle)
    }

    /// True for an in-memory database (`:memory:` or an empty path).
    public var isInMemory: Bool { path == ":memory:" || path.isEmpty }

    /// True inside `BEGIN ... COMMIT`; SQLite's own answer, not a guess from our state.
    /// Related SQLite documentation: <https://www.sqlite.org/c3ref/get_autocommit.html>
    public var isInTransaction: Bool { sqlite3_get_autocommit(handle) == 0 }

    /// The rowid of the last row inserted by this connection.
    public var lastInsertedRowID: Int64 { sqlite3_last_insert_rowid(handle) }

    /// Rows changed by the last INSERT, UPDATE or DELETE.
    public var changes: Int { Int(sqlite3_changes64(handle)) }

    /// The version of the SQLite library in use, e.g. "3.40.1".
    public static var sqliteVersion: String { String(cString: sqlite3_libversion()) }

    /// The error SQLite holds for this connection right now, captured at once.
    func lastError(code: Int32, sql: String?) -> SQLiteError {
        let extended = sqlite3_extended_errcode(handle)
        return SQLiteError(
            code: ResultCode(rawValue: extended == 0 ? code : extended),
            message: String(cString: sqlite3_errmsg(handle)), sql: sql)
    }
}

@available(*, unavailable, message: "a connection is confined to one thread; share a DatabaseQueue instead")
extension Connection: Sendable {}

extension Duration {
    /// The duration in whole milliseconds, rounded down.
    var milliseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1000 + attoseconds / 1_000_000_000_000_000
    }
}
