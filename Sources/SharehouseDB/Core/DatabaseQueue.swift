import Dispatch

/// A database connection that many threads and tasks can share safely.
///
/// It owns one ``Connection`` and runs every access on its own serial dispatch queue,
/// one at a time, so the connection is never used by two threads at once. This is the
/// package's one `Sendable` database type; everything below it is confined.
///
/// ```swift
/// let database = try DatabaseQueue(path: "warehouse.sqlite")
/// let count = try database.read { try $0.fetchOne("SELECT count(*) FROM t") { try $0.get(0) as Int } }
/// try database.write { try $0.execute("INSERT INTO t VALUES (?)", 1) }
/// ```
///
/// The closures must not call back into the same queue (that would deadlock; it traps
/// instead) and must not keep the connection after they return.
public final class DatabaseQueue: @unchecked Sendable {
    // @unchecked: `connection` is not Sendable, and is only ever touched on `queue`
    // (every method below goes through `queue.sync` or `queue.async`), which is what
    // makes sharing this object safe.
    private let connection: Connection
    private let queue: DispatchQueue
    private let queueKey = DispatchSpecificKey<ObjectIdentifier>()

    /// The path of the database, or `":memory:"`.
    public let path: String

    /// Opens the database at `path` with `options`, for readers and a writer to share.
    public init(path: String, options: Connection.Options = Connection.Options()) throws {
        self.connection = try Connection(path: path, options: options)
        self.path = path
        self.queue = DispatchQueue(label: "sharehouse.database")
        queue.setSpecific(key: queueKey, value: ObjectIdentifier(self))
    }

    /// A queue over a private in-memory database.
    public init(inMemoryWith options: Connection.Options = Connection.Options()) throws {
        self.connection = try Connection.inMemory(options: options)
        self.path = ":memory:"
        self.queue = DispatchQueue(label: "sharehouse.database")
        queue.setSpecific(key: queueKey, value: ObjectIdentifier(self))
    }

    /// Runs `body` with exclusive use of the connection and no transaction of its own.
    /// For work that manages its transactions itself (the migration engine).
    public func withConnection<T>(_ body: (Connection) throws -> T) throws -> T {
        precondition(
            DispatchQueue.getSpecific(key: queueKey) != ObjectIdentifier(self),
            "DatabaseQueue is not reentrant: use the connection you were given")
        return try queue.sync { try finish(Result { try body(connection) }) }
    }

    /// A closure that began a transaction and did not end it would turn every later write
    /// into a savepoint that never commits: roll it back, and say so if nothing failed.
    private func finish<T>(_ result: Result<T, any Error>) throws -> T {
        if connection.isInTransaction {
            try? connection.execute("ROLLBACK TRANSACTION")
            if case .success = result {
                throw SQLiteError(code: .misuse, message: "the closure left a transaction open; it was rolled back")
            }
        }
        return try result.get()
    }

    /// Runs `body` in a deferred transaction, so it sees one consistent state of the
    /// database even while other processes write.
    public func read<T>(_ body: (Connection) throws -> T) throws -> T {
        try withConnection { connection in
            try connection.transaction(.deferred) { try body(connection) }
        }
    }

    /// Runs `body` in an immediate transaction: committed when it returns, rolled back
    /// when it throws.
    public func write<T>(_ body: (Connection) throws -> T) throws -> T {
        try withConnection { connection in
            try connection.transaction(.immediate) { try body(connection) }
        }
    }

    /// ``read(_:)`` for async callers: the work runs on the queue, not on a task thread.
    public func read<T: Sendable>(_ body: @escaping @Sendable (Connection) throws -> T) async throws -> T {
        try await onQueue { connection in
            try connection.transaction(.deferred) { try body(connection) }
        }
    }

    /// ``write(_:)`` for async callers: the work runs on the queue, not on a task thread.
    public func write<T: Sendable>(_ body: @escaping @Sendable (Connection) throws -> T) async throws -> T {
        try await onQueue { connection in
            try connection.transaction(.immediate) { try body(connection) }
        }
    }

    private func onQueue<T: Sendable>(_ body: @escaping @Sendable (Connection) throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            queue.async {
                continuation.resume(with: Result { try self.finish(Result { try body(self.connection) }) })
            }
        }
    }
}
