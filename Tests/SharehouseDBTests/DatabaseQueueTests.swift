import SharehouseDB
import SharehouseTestSupport
import Testing

@Suite("DatabaseQueue")
struct DatabaseQueueTests {
    @Test func manyTasksShareOneQueue() async throws {
        let directory = try TemporaryDirectory()
        let database = try DatabaseQueue(path: directory.file("q.sqlite"))
        try await database.write { try $0.execute("CREATE TABLE t (v INTEGER PRIMARY KEY)") }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for value in 1...200 {
                group.addTask {
                    try await database.write { try $0.execute("INSERT INTO t VALUES (?)", value) }
                }
            }
            try await group.waitForAll()
        }
        let (count, sum) = try await database.read { connection in
            try #require(
                try connection.fetchOne("SELECT count(*), sum(v) FROM t") { row in
                    (try row.get(0) as Int, try row.get(1) as Int)
                })
        }
        #expect(count == 200)
        #expect(sum == 200 * 201 / 2)
    }

    @Test func aTransactionLeftOpenIsRolledBack() throws {
        let database = try DatabaseQueue(inMemoryWith: .init())
        try database.write { try $0.execute("CREATE TABLE t (v INTEGER)") }
        let error = try #require(throws: SQLiteError.self) {
            try database.withConnection { connection in
                try connection.execute("BEGIN")
                try connection.execute("INSERT INTO t VALUES (1)")
            }
        }
        #expect(error.code == .misuse)
        try database.write { try $0.execute("INSERT INTO t VALUES (2)") }
        #expect(try database.read { try $0.fetchAll("SELECT v FROM t") { try $0.get(0) as Int } } == [2])
    }

    @Test func aFailedWriteRollsBack() throws {
        let database = try DatabaseQueue(inMemoryWith: .init())
        try database.write { try $0.execute("CREATE TABLE t (v INTEGER PRIMARY KEY)") }
        #expect(throws: SQLiteError.self) {
            try database.write { connection in
                try connection.execute("INSERT INTO t VALUES (1)")
                try connection.execute("INSERT INTO t VALUES (1)")
            }
        }
        #expect(try database.read { try $0.fetchOne("SELECT count(*) FROM t") { try $0.get(0) as Int } } == 0)
    }
}
