import Foundation
import Sharehouse
import SharehouseDB
import SharehouseTestSupport
import Testing

/// Several processes and tasks on one warehouse: readers never see half an import, two
/// imports at once both land (one waits for the other), a writer that waits too long says
/// so, and many tasks of one program share one `Warehouse`.
@Suite("Concurrent use", .serialized)
struct ConcurrencyTests {
    let directory: TemporaryDirectory
    let database: String

    init() throws {
        directory = try TemporaryDirectory("concurrency")
        database = directory.file("w.sqlite")
        let setUp = try SharehouseBinary.run(["import", Repository.path("Fixtures/eoi-12m-ft-2025-11-26.json"), "--db", database])
        guard setUp.status == 0 else { throw SetUpFailed(message: setUp.stderr) }
    }

    struct SetUpFailed: Error { let message: String }

    func start(_ arguments: [String]) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: SharehouseBinary.path)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        return process
    }

    /// What a reader must always find: no snapshot left unsealed, and every snapshot
    /// with all of its figures.
    static let halfImported = """
        SELECT (SELECT count(*) FROM snapshots WHERE content_sha256 = '\(String(repeating: "0", count: 64))')
             + (SELECT count(*) FROM snapshots AS s
                WHERE (SELECT count(*) FROM observations WHERE snapshot_id = s.id)
                   <> (SELECT coalesce(sum(figures), 0) FROM snapshot_periods WHERE snapshot_id = s.id))
        """

    @Test func readersDuringAnImportSeeTheStateBeforeOrAfter() throws {
        let file = try LargeShareFile.write("large.csv", in: directory, warehouse: database, published: "2026-01-15", seed: 7)
        let importing = try start(["import", file, "--db", database])
        var reads = 0
        var readsWhileImporting = 0
        var cliReads = 0
        var snapshotCounts = Set<Int64>()
        repeat {
            let running = importing.isRunning
            let warehouse = try Warehouse(path: database, options: .init(readOnly: true))
            let output = try warehouse.query(Self.halfImported + ", (SELECT count(*) FROM snapshots)")
            guard case .integer(let broken) = output.rows[0][0], case .integer(let count) = output.rows[0][1] else {
                Issue.record("unexpected answer \(output.rows)")
                break
            }
            #expect(broken == 0, "a reader saw a snapshot without all its figures")
            snapshotCounts.insert(count)
            reads += 1
            if running { readsWhileImporting += 1 }
            if reads % 5 == 0 {
                let cli = try SharehouseBinary.run(["sql", "SELECT count(*) FROM observations", "--db", database])
                #expect(cli.status == 0, "\(cli.stderr)")
                cliReads += 1
            }
        } while importing.isRunning
        importing.waitUntilExit()
        #expect(importing.terminationStatus == 0)
        #expect(readsWhileImporting > 0, "no read overlapped the import")
        #expect(snapshotCounts.isSubset(of: [1, 2]), "only the state before (1 snapshot) or after (2): \(snapshotCounts)")
        print(
            "concurrency: \(reads) library reads (\(readsWhileImporting) during the import) and \(cliReads) `sharehouse sql` runs saw no half import"
        )
    }

    @Test func twoImportsAtOnceBothLand() throws {
        let first = try LargeShareFile.write("first.csv", in: directory, warehouse: database, published: "2026-01-15", seed: 1)
        let second = try LargeShareFile.write("second.csv", in: directory, warehouse: database, published: "2026-02-15", seed: 2)
        let one = try start(["import", first, "--db", database])
        let two = try start(["import", second, "--db", database])
        one.waitUntilExit()
        two.waitUntilExit()
        #expect(one.terminationStatus == 0)
        #expect(two.terminationStatus == 0)
        let warehouse = try Warehouse(path: database, options: .init(readOnly: true))
        #expect(try warehouse.query("SELECT count(*) FROM snapshots WHERE measure = 'crash_share'").rows[0][0] == .integer(2))
        #expect(try warehouse.query(Self.halfImported).rows[0][0] == .integer(0))
    }

    @Test func aWriterThatWaitsTooLongSaysWhy() throws {
        // Another program holds the write lock.
        let holder = try Connection(path: database)
        try holder.execute("BEGIN IMMEDIATE")
        defer { try? holder.execute("ROLLBACK") }
        let before = try fileBytes(database)
        let started = ContinuousClock.now
        let blocked = try SharehouseBinary.run([
            "import", Repository.path("Fixtures/eoi-12m-argaam-2025-11.json"),
            "--db", database, "--wait", "0.5",
        ])
        let waited = ContinuousClock.now - started
        #expect(blocked.status == 1)
        #expect(blocked.stderr.contains("is busy: another process kept it locked for longer than"), "\(blocked.stderr)")
        #expect(!blocked.stderr.contains("database is locked"))
        #expect(waited >= .milliseconds(500) && waited < .seconds(8), "waited \(waited)")
        #expect(try fileBytes(database) == before)
        // Readers are not blocked by a writer.
        #expect(try SharehouseBinary.run(["report", "--db", database]).status == 0)
    }

    @Test func manyTasksShareOneWarehouse() async throws {
        let warehouse = try Warehouse(path: database)
        let files = try (0..<4).map { index in
            try LargeShareFile.write(
                "task\(index).csv", in: directory, warehouse: database, months: 12,
                published: "2026-0\(index + 1)-15", seed: UInt64(index))
        }
        final class Failures: Sendable { let list = Locked<[String]>([]) }
        let failures = Failures()
        await withTaskGroup(of: Void.self) { group in
            for file in files {
                group.addTask {
                    do { _ = try warehouse.importSnapshots(from: [.file(file)]) } catch {
                        failures.list.withLock { $0.append("import \(file): \(error)") }
                    }
                }
            }
            for task in 0..<16 {
                group.addTask {
                    do {
                        for _ in 0..<10 {
                            let broken = try warehouse.query(Self.halfImported).rows[0][0]
                            if broken != .integer(0) { failures.list.withLock { $0.append("task \(task) saw a half import") } }
                            _ = try warehouse.leaders(scope: QueryScope(measure: "eoi_download_share_12m"))
                        }
                    } catch { failures.list.withLock { $0.append("reader \(task): \(error)") } }
                }
            }
        }
        #expect(failures.list.withLock { $0 }.isEmpty, "\(failures.list.withLock { $0 })")
        #expect(try warehouse.query("SELECT count(*) FROM snapshots WHERE measure = 'crash_share'").rows[0][0] == .integer(4))
    }
}
