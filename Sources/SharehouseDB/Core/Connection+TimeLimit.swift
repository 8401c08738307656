import SharehouseSQLite3

/// The deadline the progress handler checks; a class so the C callback can reach it
/// through an unretained pointer that stays valid for the connection's life.
final class TimeLimitState {
    var deadline: ContinuousClock.Instant?
    var limit: Duration = .zero
    var installed = false
}

extension Connection {
    /// Runs `body`; any statement still running when `limit` has passed is interrupted
    /// and fails with `SQLITE_INTERRUPT`, the message saying the time limit was reached.
    ///
    /// SQLite calls a progress handler every few thousand virtual-machine instructions;
    /// ours compares the clock with the deadline. A statement that waits on a lock is
    /// governed by the busy timeout instead. A write interrupted inside a transaction
    /// rolls back with the transaction, as SQLite documents.
    ///
    /// Related SQLite documentation: <https://www.sqlite.org/c3ref/progress_handler.html>,
    /// <https://www.sqlite.org/c3ref/interrupt.html>
    public func withTimeLimit<T>(_ limit: Duration, _ body: () throws -> T) throws -> T {
        let previousDeadline = timeLimit.deadline
        let previousLimit = timeLimit.limit
        let deadline = ContinuousClock.now.advanced(by: limit)
        // Nested limits: the earlier deadline wins.
        if previousDeadline == nil || deadline < previousDeadline! {
            timeLimit.deadline = deadline
            timeLimit.limit = limit
        }
        installProgressHandler()
        defer {
            timeLimit.deadline = previousDeadline
            timeLimit.limit = previousLimit
            if previousDeadline == nil { removeProgressHandler() }
        }
        do {
            return try body()
        } catch var error as SQLiteError where error.code.primary == .interrupt {
            if let deadline = timeLimit.deadline, ContinuousClock.now >= deadline {
                error.message = "stopped: the time limit of \(timeLimit.limit.milliseconds) ms was reached"
            }
            throw error
        }
    }

    private func installProgressHandler() {
        guard !timeLimit.installed else { return }
        timeLimit.installed = true
        let context = Unmanaged.passUnretained(timeLimit).toOpaque()
        sqlite3_progress_handler(
            handle, 1000,
            { context in
                guard let context else { return 0 }
                let state = Unmanaged<TimeLimitState>.fromOpaque(context).takeUnretainedValue()
                guard let deadline = state.deadline else { return 0 }
                return ContinuousClock.now >= deadline ? 1 : 0
            }, context)
    }

    private func removeProgressHandler() {
        guard timeLimit.installed else { return }
        timeLimit.installed = false
        sqlite3_progress_handler(handle, 0, nil, nil)
    }
}
