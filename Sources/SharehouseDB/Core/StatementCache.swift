import SharehouseSQLite3

/// The statements a connection prepared, by SQL text, for reuse.
///
/// Preparing is the costliest part of running a short statement; an import that inserts
/// a million rows prepares its INSERT once. Cached statements are prepared with
/// `SQLITE_PREPARE_PERSISTENT`, SQLite's hint that they live long.
///
/// Related SQLite documentation: <https://www.sqlite.org/c3ref/c_prepare_normalize.html>
struct StatementCache {
    private var statements: [String: Statement] = [:]

    var count: Int { statements.count }

    subscript(sql: String) -> Statement? {
        get { statements[sql] }
        set { statements[sql] = newValue }
    }

    mutating func remove(_ sql: String) {
        statements[sql] = nil
    }

    mutating func removeAll() {
        statements.removeAll()
    }
}
