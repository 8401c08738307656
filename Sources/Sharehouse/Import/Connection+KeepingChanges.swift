import SharehouseDB

/// What makes a transaction roll back a body that returned: the connection undoes a
/// transaction only when its body throws.
private struct DiscardChanges: Error {}

extension Connection {
    /// Runs `body` in a transaction (a savepoint inside an open one) and keeps what it
    /// wrote only when `keep` accepts its result; otherwise rolls it back and still
    /// returns the result. A dry run, or an import that finds its content already stored,
    /// is an outcome, not an error; this turns it into the rollback in one place.
    func transaction<T>(
        _ kind: TransactionKind = .immediate, keepingChangesIf keep: (T) -> Bool,
        _ body: () throws -> T
    ) throws -> T {
        var discarded: T?
        do {
            return try transaction(kind) {
                let result = try body()
                guard keep(result) else {
                    discarded = result
                    throw DiscardChanges()
                }
                return result
            }
        } catch is DiscardChanges {
            return discarded!
        }
    }
}
