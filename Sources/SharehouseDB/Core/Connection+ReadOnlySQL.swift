import SharehouseSQLite3

/// The answer to an ad-hoc query.
public struct QueryOutput: Sendable {
    /// The result columns' names, in order.
    public let columns: [String]
    /// The rows kept (at most the query's `maxRows`), each a value per column.
    public let rows: [[SQLiteValue]]
    /// True when the query had more rows than the limit; `rows` holds the first ones.
    public let truncated: Bool
}

/// What the read-only guard refused last, so the error can say it in words.
final class AuthorizerState {
    var refusal: String?
}

extension Connection {
    /// Runs one statement of SQL that a person typed, with everything that could change
    /// the database or reach outside it refused:
    ///
    /// - an authorizer allows reading tables and calling functions, and refuses writes,
    ///   schema changes, transactions, `ATTACH`/`DETACH`, `load_extension` and every
    ///   PRAGMA but a list of read-only ones (none with a value);
    /// - `PRAGMA query_only` is on while it runs, and a statement SQLite does not call
    ///   read-only (`VACUUM INTO`, say) is refused before it steps;
    /// - parameters are named (`:name`, `@name`, `$name`) and bound as text, never spliced;
    /// - a time limit stops a runaway query, at most `maxRows` rows are kept, and no
    ///   string or blob may grow past ``readOnlyQueryMaximumLength`` (`randomblob(1e9)`
    ///   is an error, not a gigabyte).
    ///
    /// A refusal is an ``SQLiteError`` with code `SQLITE_AUTH` and a message that names
    /// what was refused; nothing is written.
    ///
    /// Related SQLite documentation: <https://www.sqlite.org/c3ref/set_authorizer.html>
    public func runReadOnlyQuery(
        _ sql: String, parameters: [String: String] = [:], maxRows: Int,
        timeLimit: Duration
    ) throws -> QueryOutput {
        guard !isInTransaction else {
            throw SQLiteError(code: .misuse, message: "ad-hoc SQL runs outside any transaction")
        }
        try execute("PRAGMA query_only = ON")
        let state = AuthorizerState()
        installReadOnlyAuthorizer(state)
        let previousLength = sqlite3_limit(handle, SQLITE_LIMIT_LENGTH, Self.readOnlyQueryMaximumLength)
        defer {
            sqlite3_limit(handle, SQLITE_LIMIT_LENGTH, previousLength)
            sqlite3_set_authorizer(handle, nil, nil)
            try? execute("PRAGMA query_only = OFF")
            withExtendedLifetime(state) {}
        }
        let statement: Statement
        do {
            statement = try prepare(sql)
        } catch var error as SQLiteError {
            // SQLite reports some refusals as SQLITE_AUTH and others (a refused function)
            // as SQLITE_ERROR; the guard's own record tells which were refusals.
            if let refusal = state.refusal {
                error.code = .authorization
                error.message = "refused: \(refusal); sharehouse sql only reads"
            }
            throw error
        }
        guard statement.isReadOnly else {
            let keyword = SQLText.leadingWords(of: sql, count: 1).first ?? "the statement"
            throw SQLiteError(code: .authorization, message: "refused: \(keyword) writes; sharehouse sql only reads", sql: sql)
        }
        try bindNamed(parameters, to: statement)
        return try withTimeLimit(timeLimit) {
            var rows: [[SQLiteValue]] = []
            var truncated = false
            defer { statement.reset() }
            let row = Row(statement: statement)
            while try statement.step() {
                guard rows.count < maxRows else {
                    truncated = true
                    break
                }
                rows.append(row.values)
            }
            return QueryOutput(columns: statement.columnNames, rows: rows, truncated: truncated)
        }
    }

    /// The longest string or blob ad-hoc SQL may make: far above any text a warehouse
    /// holds, far below what would exhaust memory.
    public static let readOnlyQueryMaximumLength: Int32 = 16 << 20

    private func bindNamed(_ parameters: [String: String], to statement: Statement) throws {
        var used = Set<String>()
        for index in 1...max(1, statement.parameterCount) where statement.parameterCount > 0 {
            guard let cName = sqlite3_bind_parameter_name(statement.handle, Int32(index)) else {
                throw SQLiteError(
                    code: .range, message: "use named parameters (:name) so each value is given by name",
                    sql: statement.sql)
            }
            let name = String(String(cString: cName).dropFirst())
            guard let value = parameters[name] else {
                throw SQLiteError(
                    code: .range, message: "no value for the parameter :\(name) (give --param \(name)=VALUE)",
                    sql: statement.sql)
            }
            try statement.bind(value, at: index)
            used.insert(name)
        }
        if let unused = parameters.keys.sorted().first(where: { !used.contains($0) }) {
            throw SQLiteError(code: .range, message: "the query has no parameter :\(unused)", sql: statement.sql)
        }
    }

    private func installReadOnlyAuthorizer(_ state: AuthorizerState) {
        let context = Unmanaged.passUnretained(state).toOpaque()
        sqlite3_set_authorizer(
            handle,
            { context, action, first, second, _, _ in
                let state = Unmanaged<AuthorizerState>.fromOpaque(context!).takeUnretainedValue()
                let name = first.map { String(cString: $0) }
                switch action {
                case SQLITE_SELECT, SQLITE_READ, SQLITE_RECURSIVE:
                    return SQLITE_OK
                case SQLITE_FUNCTION:
                    let function = second.map { String(cString: $0) }?.lowercased() ?? ""
                    if ReadOnlyPolicy.refusedFunctions.contains(function) {
                        state.refusal = "the function \(function)() is not allowed"
                        return SQLITE_DENY
                    }
                    return SQLITE_OK
                case SQLITE_PRAGMA:
                    let pragma = name?.lowercased() ?? ""
                    if ReadOnlyPolicy.reportingPragmas.contains(pragma) { return SQLITE_OK }
                    if second == nil, ReadOnlyPolicy.readableSettings.contains(pragma) { return SQLITE_OK }
                    state.refusal =
                        second == nil || ReadOnlyPolicy.readableSettings.contains(pragma) == false
                        ? "PRAGMA \(pragma) is not allowed" : "PRAGMA \(pragma) = ... writes"
                    return SQLITE_DENY
                default:
                    state.refusal = ReadOnlyPolicy.describe(action)
                    return SQLITE_DENY
                }
            }, context)
    }
}

/// What read-only SQL may do.
enum ReadOnlyPolicy {
    /// PRAGMAs that only report, whatever their argument (a table's name).
    static let reportingPragmas: Set<String> = [
        "table_info", "table_xinfo", "table_list", "index_list", "index_info", "index_xinfo", "foreign_key_list",
        "collation_list", "function_list", "pragma_list", "compile_options", "foreign_key_check", "integrity_check",
        "quick_check",
    ]

    /// Settings that may be read, never given a value.
    static let readableSettings: Set<String> = [
        "user_version", "schema_version", "data_version", "page_count", "page_size", "freelist_count", "encoding",
        "journal_mode", "foreign_keys",
    ]

    /// Functions that reach outside the database or change the process.
    static let refusedFunctions: Set<String> = ["load_extension", "readfile", "writefile", "edit", "fts3_tokenizer"]

    static func describe(_ action: Int32) -> String {
        switch action {
        case SQLITE_ATTACH: "ATTACH is not allowed"
        case SQLITE_DETACH: "DETACH is not allowed"
        case SQLITE_INSERT: "INSERT writes"
        case SQLITE_UPDATE: "UPDATE writes"
        case SQLITE_DELETE: "DELETE writes"
        case SQLITE_TRANSACTION, SQLITE_SAVEPOINT: "transactions are not allowed"
        case SQLITE_ALTER_TABLE: "ALTER TABLE changes the schema"
        case SQLITE_REINDEX, SQLITE_ANALYZE: "REINDEX and ANALYZE write"
        case SQLITE_CREATE_INDEX, SQLITE_CREATE_TABLE, SQLITE_CREATE_TEMP_INDEX, SQLITE_CREATE_TEMP_TABLE,
            SQLITE_CREATE_TEMP_TRIGGER, SQLITE_CREATE_TEMP_VIEW, SQLITE_CREATE_TRIGGER, SQLITE_CREATE_VIEW,
            SQLITE_CREATE_VTABLE:
            "CREATE changes the schema"
        case SQLITE_DROP_INDEX, SQLITE_DROP_TABLE, SQLITE_DROP_TEMP_INDEX, SQLITE_DROP_TEMP_TABLE, SQLITE_DROP_TEMP_TRIGGER,
            SQLITE_DROP_TEMP_VIEW, SQLITE_DROP_TRIGGER, SQLITE_DROP_VIEW, SQLITE_DROP_VTABLE:
            "DROP changes the schema"
        default: "this statement is not allowed (authorizer action \(action))"
        }
    }
}
