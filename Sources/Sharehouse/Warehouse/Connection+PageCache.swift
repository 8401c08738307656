import SharehouseDB

extension Connection {
    /// SQLite's page cache while a share file is imported, in KiB (SQLite's default is 2
    /// MiB). The figures come period by period and the receipts read the previous vintage's
    /// pages back: with 8 MiB a million figures import in 1.7-1.8 s of CPU, not 2.3-2.6 s,
    /// in 47 MiB; 16 MiB gains nothing more and takes 59 MiB.
    static let shareImportCacheKiB = 8_192

    /// SQLite's page cache while a listing is imported, in KiB. The models come in
    /// download order, not key order, so each touches pages all over the table: with 2 MiB
    /// most pages were evicted, read back and written again (a listing of the whole Hub:
    /// 707,000 pread64 and 437,000 pwrite64 calls; 89,000 and 101,000 with 16 MiB; 4.0-4.5 s
    /// with 16 MiB, 4.9-5.4 s with 8 MiB), in 55 MiB.
    static let listingImportCacheKiB = 16_384

    /// Runs `body` with the page cache at `kibibytes`, then sets it back. The cache is a
    /// ceiling, so memory stays bounded whatever the file's size.
    func withPageCache<Result>(kibibytes: Int, _ body: () throws -> Result) throws -> Result {
        let previous = try fetchOne("PRAGMA cache_size") { try $0.get(0) as Int64 } ?? -2000
        try execute("PRAGMA cache_size = -\(kibibytes)")
        defer { try? execute("PRAGMA cache_size = \(previous)") }
        return try body()
    }
}
