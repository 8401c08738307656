/// Statements a migration may not contain, found before they run.
///
/// A migration runs inside one transaction with its history row. Statements that end
/// or escape that transaction would break the all-or-nothing promise, and some PRAGMAs
/// are silently ignored inside a transaction (the trap behind data-loss reports against
/// Rails, sqlx and Flyway). Refusing them with `file:line` beats ignoring them.
enum MigrationStatementPolicy {
    /// The reason `statement` may not run in a migration, or nil when it may.
    static func refusal(for statement: ScriptStatement) -> (statement: String, reason: String)? {
        let words = statement.leadingWords(3)
        guard let first = words.first else { return nil }
        switch first {
        case "BEGIN", "COMMIT", "END":
            return (first, "each migration already runs in its own transaction")
        case "ROLLBACK":
            // `ROLLBACK TO savepoint` undoes part of the migration and is fine.
            let rest = words.dropFirst()
            if rest.first == "TO" || (rest.first == "TRANSACTION" && rest.dropFirst().first == "TO") { return nil }
            return (first, "each migration already runs in its own transaction")
        case "VACUUM":
            return (first, "VACUUM cannot run inside a transaction")
        case "ATTACH", "DETACH":
            return (first, "a migration changes only the database it runs against")
        case "PRAGMA" where words.count >= 2:
            let pragma = words[1].split(separator: ".").last.map(String.init) ?? words[1]
            if let reason = refusedPragmas[pragma] {
                return ("PRAGMA \(pragma.lowercased())", reason)
            }
            return nil
        default:
            return nil
        }
    }

    private static let refusedPragmas: [String: String] = [
        "FOREIGN_KEYS": "it has no effect inside a transaction; the engine already turns foreign keys off "
            + "while a migration runs and checks them (foreign_key_check) before commit",
        "JOURNAL_MODE": "the journal mode cannot change inside a transaction; connections set it when they open",
        "LOCKING_MODE": "the locking mode belongs to the connection, not the schema",
        "SYNCHRONOUS": "it belongs to the connection, not the schema",
        "PAGE_SIZE": "it only takes effect on an empty database or after VACUUM",
        "AUTO_VACUUM": "it only takes effect on an empty database or after VACUUM",
        "ENCODING": "it only takes effect on an empty database",
        "WRITABLE_SCHEMA": "editing the schema table directly can corrupt the database",
    ]
}
