import Foundation
import SharehouseDB
import SharehouseTestSupport
import Testing

@Suite("Concurrent migrators")
struct ConcurrentMigrationTests {
    /// Two connections (as two processes would) migrate one new file at the same moment.
    /// Each migration must be applied exactly once, and neither side may fail.
    @Test(arguments: 1...3)
    func twoMigratorsApplyEachMigrationOnce(_ round: Int) throws {
        let directory = try TemporaryDirectory("concurrent")
        let path = directory.file("shared.sqlite")
        // Slow migrations widen the window in which the two could collide.
        let files = (1...4).map { version in
            (
                fileName: String(format: "%04d_step.sql", version),
                contents: """
                CREATE TABLE step_\(version) (x INTEGER);
                INSERT INTO step_\(version)
                    WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 20000) SELECT x FROM n;
                """
            )
        }
        let set = try MigrationSet(name: "concurrent", origin: "test", files: files)
        let results = Locked<[Result<[Int64], any Error>]>([])
        let group = DispatchGroup()
        let start = DispatchSemaphore(value: 0)
        for _ in 0..<2 {
            group.enter()
            Thread.detachNewThread {
                start.wait()
                let result = Result<[Int64], any Error> {
                    let connection = try Connection(path: path, options: .init(busyTimeout: .seconds(30)))
                    return try Migrator(set: set).migrate(connection).map(\.version)
                }
                results.withLock { $0.append(result) }
                group.leave()
            }
        }
        start.signal()
        start.signal()
        group.wait()
        let applied = try results.withLock { try $0.map { try $0.get() } }
        #expect(applied.flatMap { $0 }.sorted() == [1, 2, 3, 4], "every migration applied exactly once across both")
        let connection = try Connection(path: path)
        for version in 1...4 {
            #expect(try connection.fetchOne("SELECT count(*) FROM step_\(version)") { try $0.get(0) as Int } == 20000)
        }
        #expect(try connection.fetchOne("SELECT count(*) FROM sharehouse_migrations") { try $0.get(0) as Int } == 4)
    }
}
