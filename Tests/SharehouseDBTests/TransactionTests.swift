import Foundation
import SharehouseDB
import SharehouseTestSupport
import Testing

private struct Boom: Error, Equatable {}

@Suite("Transactions, locks, interruption and the statement cache")
struct TransactionTests {
    let connection: Connection

    init() throws {
        connection = try Connection.inMemory()
        try connection.execute("CREATE TABLE t (v INTEGER PRIMARY KEY)")
    }

    func values() throws -> [Int] {
        try connection.fetchAll("SELECT v FROM t ORDER BY v") { try $0.get(0) }
    }

    @Test func commitsWhenTheBodyReturns() throws {
        let result = try connection.transaction {
            try connection.execute("INSERT INTO t VALUES (1)")
            return "done"
        }
        #expect(result == "done")
        #expect(try values() == [1])
        #expect(!connection.isInTransaction)
    }

    @Test func rollsBackOnThrowAndKeepsTheFirstError() throws {
        #expect(throws: Boom()) {
            try connection.transaction {
                try connection.execute("INSERT INTO t VALUES (1)")
                throw Boom()
            }
        }
        #expect(try values() == [])
        #expect(!connection.isInTransaction)
    }

    @Test func aFailedStatementRollsBackEverythingBeforeIt() throws {
        #expect(throws: SQLiteError.self) {
            try connection.transaction {
                try connection.execute("INSERT INTO t VALUES (1)")
                try connection.execute("INSERT INTO t VALUES (1)")
            }
        }
        #expect(try values() == [])
    }

    @Test func nestedTransactionsAreSavepoints() throws {
        try connection.transaction {
            try connection.execute("INSERT INTO t VALUES (1)")
            // The inner failure undoes only the inner work.
            #expect(throws: Boom()) {
                try connection.transaction {
                    try connection.execute("INSERT INTO t VALUES (2)")
                    try connection.savepoint {
                        try connection.execute("INSERT INTO t VALUES (3)")
                    }
                    throw Boom()
                }
            }
            try connection.savepoint {
                try connection.execute("INSERT INTO t VALUES (4)")
            }
        }
        #expect(try values() == [1, 4])
        // An outer failure undoes the inner savepoints that succeeded.
        #expect(throws: Boom()) {
            try connection.transaction {
                try connection.savepoint { try connection.execute("INSERT INTO t VALUES (5)") }
                throw Boom()
            }
        }
        #expect(try values() == [1, 4])
    }

    @Test func nothingRunsAfterSQLiteRolledTheTransactionBackByItself() throws {
        // An interrupted INSERT inside a transaction makes SQLite roll back all of it. A
        // caller that swallows that error must not go on writing in autocommit.
        let error = try #require(throws: SQLiteError.self) {
            try connection.transaction {
                try connection.execute("INSERT INTO t VALUES (1)")
                _ = try? connection.savepoint {
                    try connection.withTimeLimit(.milliseconds(50)) {
                        try connection.execute(
                            """
                            INSERT INTO t WITH RECURSIVE n(x) AS (SELECT 100 UNION ALL SELECT x + 1 FROM n) SELECT x FROM n
                            """)
                    }
                }
                try connection.execute("INSERT INTO t VALUES (2)")
            }
        }
        #expect(error.code == .abort)
        #expect(error.message.contains("rolled the transaction back"))
        #expect(try values() == [])
        // The connection is usable again once the transaction has unwound.
        try connection.transaction { try connection.execute("INSERT INTO t VALUES (3)") }
        #expect(try values() == [3])
    }

    @Test func theSameQueryInsideItsOwnRowLoopGetsItsOwnStatement() throws {
        try connection.executeScript(
            """
            CREATE TABLE node (id INTEGER PRIMARY KEY, parent INTEGER);
            INSERT INTO node VALUES (1, NULL), (2, 1), (3, 1), (4, 2), (5, 3);
            """)
        func descendants(of id: Int) throws -> [Int] {
            try connection.fetchAll("SELECT id FROM node WHERE parent = ? ORDER BY id", id) { row in
                let child: Int = try row.get(0)
                return [child] + (try descendants(of: child))
            }.flatMap { $0 }
        }
        #expect(try descendants(of: 1) == [2, 4, 3, 5])
    }

    @Test func columnNamesFollowASchemaChange() throws {
        try connection.execute("CREATE TABLE pair (a INTEGER, b TEXT)")
        try connection.execute("INSERT INTO pair VALUES (1, 'one')")
        #expect(try connection.fetchOne("SELECT * FROM pair") { try $0.get("b") as String } == "one")
        try connection.executeScript(
            """
            DROP TABLE pair;
            CREATE TABLE pair (z INTEGER, b TEXT, a INTEGER);
            INSERT INTO pair VALUES (9, 'nine', 8);
            """)
        #expect(try connection.fetchOne("SELECT * FROM pair") { try $0.get("b") as String } == "nine")
        #expect(try connection.fetchOne("SELECT * FROM pair") { try $0.get("a") as Int } == 8)
    }

    @Test func theStatementCacheReusesStatements() throws {
        let first = try connection.cachedStatement("INSERT INTO t VALUES (?)")
        let second = try connection.cachedStatement("INSERT INTO t VALUES (?)")
        #expect(first === second)
        let cachedBefore = connection.cachedStatementCount
        for value in 1...1000 {
            try connection.execute("INSERT INTO t VALUES (?)", value)
        }
        #expect(connection.cachedStatementCount == cachedBefore)
        #expect(connection.liveStatementCount == connection.cachedStatementCount)
        #expect(try values().count == 1000)
    }

    @Test func aStatementThatFailedIsDroppedFromTheCache() throws {
        try connection.execute("INSERT INTO t VALUES (1)")
        let before = try connection.cachedStatement("INSERT INTO t VALUES (?)")
        #expect(throws: SQLiteError.self) { try connection.execute("INSERT INTO t VALUES (?)", 1) }
        let after = try connection.cachedStatement("INSERT INTO t VALUES (?)")
        #expect(before !== after)
    }

    @Test func aRunawayQueryIsStoppedAtTheTimeLimit() throws {
        let started = ContinuousClock.now
        let error = try #require(throws: SQLiteError.self) {
            try connection.withTimeLimit(.milliseconds(200)) {
                _ = try connection.fetchOne(
                    """
                    WITH RECURSIVE forever(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM forever)
                    SELECT count(*) FROM forever
                    """
                ) { try $0.get(0) as Int }
            }
        }
        #expect(error.code.primary == .interrupt)
        #expect(error.message.contains("time limit of 200 ms"))
        #expect(ContinuousClock.now - started >= .milliseconds(200))
        // The connection works afterwards, with no limit left behind.
        #expect(try connection.fetchOne("SELECT 41 + 1") { try $0.get(0) as Int } == 42)
    }

    @Test func aQueryWithinTheLimitIsUntouched() throws {
        let total = try connection.withTimeLimit(.seconds(10)) {
            try connection.fetchOne(
                """
                WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 10000)
                SELECT sum(x) FROM n
                """
            ) { try $0.get(0) as Int }
        }
        #expect(total == 50_005_000)
    }

    @Test func aWriterWaitsForTheWriteLockInsteadOfFailing() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("locks.sqlite")
        let holder = try Connection(path: path)
        try holder.execute("CREATE TABLE t (v INTEGER)")
        try holder.execute("BEGIN IMMEDIATE")
        try holder.execute("INSERT INTO t VALUES (1)")

        let outcome = Locked<Result<ContinuousClock.Instant, any Error>?>(nil)
        let finished = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            let result = Result<ContinuousClock.Instant, any Error> {
                let waiter = try Connection(path: path, options: .init(busyTimeout: .seconds(10)))
                try waiter.transaction { try waiter.execute("INSERT INTO t VALUES (2)") }
                return ContinuousClock.now
            }
            outcome.withLock { $0 = result }
            finished.signal()
        }
        Thread.sleep(forTimeInterval: 0.3)
        let released = ContinuousClock.now
        try holder.execute("COMMIT")
        finished.wait()
        let committed = try outcome.withLock { try #require($0).get() }
        #expect(committed >= released, "the second writer committed only after the first released the lock")
        #expect(try holder.fetchAll("SELECT v FROM t ORDER BY v") { try $0.get(0) as Int } == [1, 2])
    }

    @Test func withoutABusyTimeoutTheSecondWriterFailsWithBusy() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("busy.sqlite")
        let holder = try Connection(path: path)
        try holder.execute("CREATE TABLE t (v INTEGER)")
        try holder.execute("BEGIN IMMEDIATE")
        let impatient = try Connection(path: path, options: .init(busyTimeout: .zero))
        let error = try #require(throws: SQLiteError.self) {
            try impatient.transaction { try impatient.execute("INSERT INTO t VALUES (2)") }
        }
        #expect(error.code.primary == .busy)
        try holder.execute("ROLLBACK")
    }
}
