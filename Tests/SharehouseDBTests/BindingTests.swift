import SharehouseDB
import Testing

@Suite("Binding and decoding")
struct BindingTests {
    let connection: Connection

    init() throws {
        connection = try Connection.inMemory()
        try connection.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, v ANY) STRICT")
    }

    /// Stores `value`, reads it back as `T`, and returns it with SQLite's `typeof`.
    func roundTrip<V: SQLiteBindable, T: SQLiteColumnDecodable>(_ value: V, as type: T.Type) throws -> (T, String) {
        try connection.execute("DELETE FROM t")
        try connection.execute("INSERT INTO t (id, v) VALUES (1, ?)", value)
        return try #require(
            try connection.fetchOne("SELECT v, typeof(v) FROM t") { row in
                (try row.get(0) as T, try row.get(1) as String)
            })
    }

    @Test func null() throws {
        let (value, storage) = try roundTrip(Int64?.none, as: Int64?.self)
        #expect(value == nil)
        #expect(storage == "null")
    }

    @Test(arguments: [Int64.min, Int64.min + 1, -1, 0, 1, Int64(Int32.max) + 1, Int64.max])
    func integers(_ number: Int64) throws {
        let (value, storage) = try roundTrip(number, as: Int64.self)
        #expect(value == number)
        #expect(storage == "integer")
    }

    @Test func intAndBool() throws {
        #expect(try roundTrip(Int.max, as: Int.self).0 == Int.max)
        #expect(try roundTrip(Int.min, as: Int.self).0 == Int.min)
        #expect(try roundTrip(true, as: Bool.self).0 == true)
        #expect(try roundTrip(false, as: Bool.self).0 == false)
    }

    @Test(arguments: [
        17.1, 15.86, -0.0, Double.pi, Double.greatestFiniteMagnitude,
        Double.leastNonzeroMagnitude, -Double.greatestFiniteMagnitude, 1e-300,
    ])
    func doubles(_ number: Double) throws {
        let (value, storage) = try roundTrip(number, as: Double.self)
        #expect(value == number)
        #expect(value.sign == number.sign)
        #expect(storage == "real")
    }

    @Test(arguments: ["", "China", "الصين", "الصّين", "👩🏽‍💻 emoji", "a\u{0}b", "line\nbreak", String(repeating: "x", count: 100_000)])
    func text(_ string: String) throws {
        let (value, storage) = try roundTrip(string, as: String.self)
        #expect(value == string)
        #expect(value.utf8.count == string.utf8.count)
        #expect(storage == "text", "an empty string must be stored as text, not NULL")
    }

    @Test(arguments: [[UInt8](), [0], [0, 1, 0, 255, 0], [UInt8](repeating: 0, count: 4096)])
    func blobs(_ bytes: [UInt8]) throws {
        let (value, storage) = try roundTrip(bytes, as: [UInt8].self)
        #expect(value == bytes)
        #expect(storage == "blob", "an empty blob must be stored as a blob, not NULL")
    }

    @Test func dynamicValues() throws {
        let values: [SQLiteValue] = [.null, .integer(-7), .real(2.5), .text("نص"), .blob([0, 9])]
        for value in values {
            #expect(try roundTrip(value, as: SQLiteValue.self).0 == value)
        }
    }

    @Test func strictDecodingRefusesTheWrongType() throws {
        try connection.execute("INSERT INTO t (id, v) VALUES (1, 'text')")
        #expect(throws: RowDecodingError.self) {
            _ = try connection.fetchOne("SELECT v FROM t") { try $0.get(0) as Int64 }
        }
        let error = try #require(throws: RowDecodingError.self) {
            _ = try connection.fetchOne("SELECT v AS value FROM t WHERE id = 1") { try $0.get(0) as Double }
        }
        #expect(error.column == "value")
        #expect(error.reason.contains("found text"))
    }

    @Test func nullIntoNonOptionalIsAnError() throws {
        try connection.execute("INSERT INTO t (id, v) VALUES (1, NULL)")
        let error = try #require(throws: RowDecodingError.self) {
            _ = try connection.fetchOne("SELECT v FROM t") { try $0.get(0) as String }
        }
        #expect(error.reason.contains("NULL"))
    }

    @Test func columnsByNameAndTheErrorListsTheColumnsThereAre() throws {
        try connection.execute("INSERT INTO t (id, v) VALUES (?, ?)", 7, "seven")
        let (id, value) = try #require(
            try connection.fetchOne("SELECT id, v AS Value FROM t") { row in
                (try row.get("ID") as Int64, try row.get("value") as String)
            })
        #expect(id == 7)
        #expect(value == "seven")
        let error = try #require(throws: RowDecodingError.self) {
            _ = try connection.fetchOne("SELECT id, v FROM t") { try $0.get("code") as String }
        }
        #expect(error.description.contains("the row has: id, v"))
    }

    @Test func wrongParameterCountIsAnError() throws {
        let error = try #require(throws: SQLiteError.self) {
            try connection.execute("INSERT INTO t (id, v) VALUES (?, ?)", 1)
        }
        #expect(error.code == .range)
        #expect(error.message.contains("2 parameter(s) but 1 value(s)"))
        #expect(try connection.fetchOne("SELECT count(*) FROM t") { try $0.get(0) as Int } == 0)
    }

    @Test func namedParameters() throws {
        let statement = try connection.prepare("INSERT INTO t (id, v) VALUES (:id, :value)")
        try statement.bind(5, named: ":id")
        try statement.bind("five", named: ":value")
        try statement.execute()
        #expect(try connection.fetchOne("SELECT v FROM t WHERE id = 5") { try $0.get(0) as String } == "five")
        #expect(throws: SQLiteError.self) { try statement.bind(1, named: ":nope") }
    }
}
