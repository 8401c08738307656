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
        do {
            try execute("BEGIN \(kind.rawValue) TRANSACTION")
        } catch var error as SQLiteError where ResultCode.busy ~= error.code {
            // "database is locked" says little to a person at a terminal.
            error.message =
                "\(path) is busy: another process kept it locked for longer than the "
                + "\(busyTimeout.components.seconds) s this waits; try again when it has finished"
            error.sql = nil
            throw error
        }
        return try runNested(body, finish: "COMMIT TRANSACTION") { rollbackKeepingError() }
    }

    /// Runs `body` in a savepoint: released when `body` returns, rolled back (and
    /// released) when it throws. Outside a transaction a savepoint opens one
    /// (deferred, as SQLite does), so prefer ``transaction(_:_:)`` at the top level.
    ///
    /// Related SQLite documentation: <https://www.sqlite.org/lang_savepoint.html>
    @discardableResult
    public func savepoint<T>(_ body: () throws -> T) throws -> T {
        let opensTransaction = !isInTransaction
        savepointDepth += 1
        let name = "sharehouse_savepoint_\(savepointDepth)"
        do {
            try execute("SAVEPOINT \(name)")
        } catch {
            savepointDepth -= 1
            throw error
        }
        defer { savepointDepth -= 1 }
        return try runNested(body, finish: "RELEASE SAVEPOINT \(name)") {
            if opensTransaction {
                // This savepoint is the transaction: undo all of it, so nothing stays open.
                rollbackKeepingError()
            } else if isInTransaction {
                // SQLite may have rolled back the whole transaction already (SQLITE_FULL,
                // SQLITE_INTERRUPT...); then the savepoint is gone and there is nothing to undo.
                try? execute("ROLLBACK TRANSACTION TO SAVEPOINT \(name)")
                try? execute("RELEASE SAVEPOINT \(name)")
            }
        }
    }

    /// Runs `body` one level deeper in the open transaction, then `finish` (COMMIT or
    /// RELEASE); when either throws, `undo` runs and the error is thrown as it was.
    private func runNested<T>(_ body: () throws -> T, finish: String, undo: () -> Void) throws -> T {
        transactionDepth += 1
        defer {
            transactionDepth -= 1
            if transactionDepth == 0 { rolledBackBySQLite = false }
        }
        do {
            let result = try body()
            try checkNotRolledBack()
            try execute(finish)
            return result
        } catch {
            undo()
            throw error
        }
    }

    /// Throws when SQLite rolled the transaction back by itself while `body` ran (after
    /// SQLITE_FULL, SQLITE_INTERRUPT, ...): what follows must not run outside it, in
    /// autocommit, as if it were still part of the transaction.
    func checkNotRolledBack() throws {
        guard transactionDepth > 0 else { return }
        if !isInTransaction { rolledBackBySQLite = true }
        if rolledBackBySQLite {
            throw SQLiteError(
                code: .abort,
                message: "SQLite rolled the transaction back after an earlier error; "
                    + "nothing of it was kept, and nothing more runs in it")
        }
    }

    /// Rolls back the open transaction, if SQLite has not already done so. A failure
    /// here must not hide the error that made us roll back, so it is dropped: SQLite
    /// rolls back anyway when the connection closes.
    private func rollbackKeepingError() {
        guard isInTransaction else { return }
        try? execute("ROLLBACK TRANSACTION")
    }
}
