import SharehouseDB

extension Connection {
    /// SQLite's page cache for a bulk write, in KiB: 16 MiB, against SQLite's default 2 MiB.
    /// Imports write rows in the order their files give (download order, period by period),
    /// not in key order, so each touches pages all over a table; with 2 MiB most pages were
    /// evicted, read back and written again (a listing of the whole Hub: 707,000 pread64 and
    /// 437,000 pwrite64 calls, 89,000 and 101,000 with 16 MiB). The cache is a ceiling, so
    /// memory stays bounded whatever the file's size.
    static let bulkWriteCacheKiB = 16_384

    /// Runs `body` with the page cache at ``bulkWriteCacheKiB``, then sets it back.
    func withBulkWriteCache<Result>(_ body: () throws -> Result) throws -> Result {
        let previous = try fetchOne("PRAGMA cache_size") { try $0.get(0) as Int64 } ?? -2000
        try execute("PRAGMA cache_size = -\(Self.bulkWriteCacheKiB)")
        defer { try? execute("PRAGMA cache_size = \(previous)") }
        return try body()
    }
}
