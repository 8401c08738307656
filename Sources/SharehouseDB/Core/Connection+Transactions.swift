import SharehouseSQLite3

/// How a transaction takes its locks.
///
/// Related SQLite documentation: <https://www.sqlite.org/lang_transaction.html>
public enum TransactionKind: String, Sendable {
    /// Takes locks as statements need them. For reads: a deferred transaction that
    /// later writes may fail with `SQLITE_BUSY` that no busy timeout can cure.
    case deferred = "DEFERRED"
    /// Takes the write lock at once, waiting (busy timeout) for other writers to
    /// finish. The right kind for every transaction that writes.
    case immediate = "IMMEDIATE"
    /// Like immediate; in WAL mode the same.
    case exclusive = "EXCLUSIVE"
}

extension Connection {
    /// Runs `body` in a transaction: committed when `body` returns, rolled back when it
    /// throws. Inside another transaction, `body` runs in a savepoint instead, so
    /// transactions nest.
    ///
    /// The error that caused a rollback is the one thrown, even when the rollback
    /// itself fails.
    ///
    /// ```swift
    /// try connection.transaction {
    ///     try connection.execute("INSERT INTO t VALUES (?)", 1)
    /// }
    /// ```
    @discardableResult
    public func transaction<T>(_ kind: TransactionKind = .immediate, _ body: () throws -> T) throws -> T {
        if isInTransaction {
            return try savepoint(body)
        }
        try execute("BEGIN \(kind.rawValue) TRANSACTION")
        let result: T
        do {
            result = try body()
            try execute("COMMIT TRANSACTION")
        } catch {
            rollbackKeepingError()
            throw error
        }
        return result
    }

    /// Runs `body` in a savepoint: released when `body` returns, rolled back (and
    /// released) when it throws. Outside a transaction a savepoint opens one
    /// (deferred, as SQLite does), so prefer ``transaction(_:_:)`` at the top level.
    ///
    /// Related SQLite documentation: <https://www.sqlite.org/lang_savepoint.html>
    @discardableResult
    public func savepoint<T>(_ body: () throws -> T) throws -> T {
        savepointDepth += 1
        defer { savepointDepth -= 1 }
        let name = "sharehouse_savepoint_\(savepointDepth)"
        try execute("SAVEPOINT \(name)")
        let result: T
        do {
            result = try body()
            try execute("RELEASE SAVEPOINT \(name)")
        } catch {
            // SQLite may have rolled back the whole transaction already (SQLITE_FULL,
            // SQLITE_INTERRUPT...); then the savepoint is gone and there is nothing to undo.
            if isInTransaction {
                try? execute("ROLLBACK TRANSACTION TO SAVEPOINT \(name)")
                try? execute("RELEASE SAVEPOINT \(name)")
            }
            throw error
        }
        return result
    }

    /// Rolls back the open transaction, if SQLite has not already done so. A failure
    /// here must not hide the error that made us roll back, so it is dropped: SQLite
    /// rolls back anyway when the connection closes.
    private func rollbackKeepingError() {
        guard isInTransaction else { return }
        try? execute("ROLLBACK TRANSACTION")
    }
}
