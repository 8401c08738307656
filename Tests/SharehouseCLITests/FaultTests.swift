import Foundation
import SharehouseDB
import SharehouseTestSupport
import Testing

/// What the machine does wrong: a file that cannot be written, a disk that fills up. Each
/// gives a clear error and leaves the warehouse as it was.
@Suite("Faults of the machine", .serialized)
struct FaultTests {
    let directory: TemporaryDirectory
    let database: String

    init() throws {
        directory = try TemporaryDirectory("faults")
        database = directory.file("w.sqlite")
        let setUp = try SharehouseBinary.run(["import", Repository.path("Fixtures/eoi-12m-ft-2025-11-26.json"), "--db", database])
        guard setUp.status == 0 else { throw SetUpFailed(message: setUp.stderr) }
    }

    struct SetUpFailed: Error { let message: String }

    func integrity() throws -> String {
        try Connection(path: database).fetchAll("PRAGMA integrity_check") { try $0.get(0) as String }.joined(separator: "; ")
    }

    /// Makes the warehouse unwritable even for root (the immutable attribute), or with
    /// file permissions for anyone else; nil when neither is possible here.
    func makeReadOnly() throws -> (() -> Void)? {
        if (try? runProcess("/usr/bin/chattr", ["+i", database]).status) == 0 {
            return { _ = try? runProcess("/usr/bin/chattr", ["-i", database]) }
        }
        guard getuid() != 0 else { return nil }
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: database)
        return { try? FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: database) }
    }

    @Test func aReadOnlyWarehouseIsRefusedByNameAndStillReads() throws {
        let before = try fileBytes(database)
        guard let restore = try makeReadOnly() else {
            print("faults: skipped the read-only case (root without chattr)")
            return
        }
        defer { restore() }
        let result = try SharehouseBinary.run(["import", Repository.path("Fixtures/eoi-12m-argaam-2025-11.json"), "--db", database])
        #expect(result.status == 77, "\(result.stderr)")
        #expect(result.stderr.contains("w.sqlite"), "the message names the warehouse, not the input: \(result.stderr)")
        #expect(result.stderr.contains("cannot be written"))
        let migrate = try SharehouseBinary.run(["migrate", "up", "--db", database])
        #expect(migrate.status == 77, "\(migrate.stderr)")
        #expect(try fileBytes(database) == before)
        // Reading still works.
        #expect(try SharehouseBinary.run(["report", "--db", database]).status == 0)
    }

    /// ThreadSanitizer's runtime dies of SIGBUS under `ulimit -f`, before the program runs.
    static let fileSizeLimitWorks = !Sanitizer.isThread

    @Test(.enabled(if: fileSizeLimitWorks, "ThreadSanitizer's runtime cannot run under ulimit -f"))
    func aFullDiskGivesAClearErrorAndLosesNothing() throws {
        let file = try LargeShareFile.write(
            "large.csv", in: directory, warehouse: database, months: 120,
            published: "2026-01-15", seed: 3)
        let before = try fileBytes(database)
        let fingerprint = try databaseFingerprint(database)
        // A limit on the size of any file this process writes: the write-ahead log of the
        // import outgrows it, as it would outgrow a full disk.
        let limitKB = before.count / 1024 + 256
        let limited = try runProcess(
            "/bin/bash",
            [
                "-c", "ulimit -f \(limitKB) && exec \"$0\" \"$@\"",
                SharehouseBinary.path, "import", file, "--db", database,
            ])
        #expect(limited.status == 1, "\(limited.stderr)")
        #expect(limited.stderr.contains("the disk may be full or a file-size limit reached"), "\(limited.stderr)")
        #expect(try integrity() == "ok")
        #expect(try databaseFingerprint(database) == fingerprint, "the failed import left nothing behind")
        // With room again, the same import succeeds.
        let again = try SharehouseBinary.run(["import", file, "--db", database])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(try integrity() == "ok")
    }

    @Test(.enabled(if: fileSizeLimitWorks, "ThreadSanitizer's runtime cannot run under ulimit -f"))
    func aMigrationOnAFullDiskLeavesThePreviousVersion() throws {
        try directory.write("mine/0001_notes.sql", "CREATE TABLE my_notes (note TEXT NOT NULL);")
        // Larger than the limit below: 50,000 rows of 32 hex digits and an index over them.
        try directory.write(
            "mine/0002_big.sql",
            """
            CREATE TABLE my_big (n INTEGER NOT NULL, label TEXT NOT NULL);
            INSERT INTO my_big WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 50000)
                SELECT n, hex(randomblob(16)) FROM r;
            CREATE INDEX my_big_by_label ON my_big (label);
            """)
        let folder = directory.file("mine")
        let first = try SharehouseBinary.run(["migrate", "up", "--dir", folder, "--to", "1", "--db", database])
        #expect(first.status == 0, "\(first.stderr)")
        let fingerprint = try databaseFingerprint(database)
        let limitKB = try fileBytes(database).count / 1024 + 256
        let limited = try runProcess(
            "/bin/bash",
            [
                "-c", "ulimit -f \(limitKB) && exec \"$0\" \"$@\"",
                SharehouseBinary.path, "migrate", "up", "--dir", folder, "--db", database,
            ])
        #expect(limited.status == 1, "\(limited.stderr)")
        #expect(limited.stderr.contains("0002_big.sql"), "the message names the migration: \(limited.stderr)")
        #expect(limited.stderr.contains("the disk may be full or a file-size limit reached"), "\(limited.stderr)")
        #expect(try integrity() == "ok")
        #expect(try databaseFingerprint(database) == fingerprint, "the failed migration left version 1 as it was")
        let again = try SharehouseBinary.run(["migrate", "up", "--dir", folder, "--db", database])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(try integrity() == "ok")
    }
}
