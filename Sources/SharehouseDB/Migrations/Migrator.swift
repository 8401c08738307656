/// Applies a ``MigrationSet`` to a database, and tells where it stands.
///
/// The engine is generic: the warehouse runs its own schema through it, and any program
/// or user folder brings its own set. Its promises:
///
/// - **One transaction per migration.** `BEGIN IMMEDIATE`, the migration's statements,
///   its history row, a foreign-key check, `COMMIT`. A failure rolls all of it back: the
///   database is exactly as before that migration, and the error names `file:line:column`.
/// - **Safe against concurrent migrators.** The pending set is read *after* the write
///   lock is taken, for every migration, so two processes migrating one file serialize
///   and each migration is applied exactly once; the second process finds nothing to do.
///   There is no lock row that a crash could leave behind.
/// - **Refusals before anything runs.** An applied migration whose file changed or is
///   missing, a database newer than the set, or a pending migration numbered below an
///   applied one: each stops the run with a message that says what to do.
/// - **Foreign keys as SQLite's table-rebuild recipe needs them.** Enforcement is off
///   while a migration runs (it cannot change inside a transaction) and
///   `PRAGMA foreign_key_check` must find no violation before commit.
///
/// Related SQLite documentation: <https://www.sqlite.org/lang_altertable.html#otheralter>
public struct Migrator: Sendable {
    /// The migrations this engine applies.
    public let set: MigrationSet
    /// Whether to mirror the highest applied version into `PRAGMA user_version`, so
    /// other tools can read the schema version cheaply. Only one set per database should.
    public var mirrorsUserVersion: Bool

    /// An engine for `set`; with `mirrorsUserVersion` it also keeps `PRAGMA user_version` at the set's latest applied version.
    public init(set: MigrationSet, mirrorsUserVersion: Bool = false) {
        self.set = set
        self.mirrorsUserVersion = mirrorsUserVersion
    }

    // MARK: Status and plan (read only)

    /// Where each migration stands. Writes nothing, so it runs on a read-only connection.
    public func status(of connection: Connection) throws -> MigrationStatus {
        evaluate(try MigrationLedger.entries(of: set.name, in: connection))
    }

    /// The migrations `migrate` would apply, in order, without writing anything.
    /// - Throws: the refusal `migrate` would give.
    public func plan(for connection: Connection, upTo target: Int64? = nil) throws -> [Migration] {
        try checkTarget(target)
        let status = try status(of: connection)
        if let problem = status.problem { throw problem }
        return pending(in: status, upTo: target)
    }

    // MARK: Migrate

    /// Applies every pending migration (up to `target`, when given), each in its own
    /// transaction, and returns what it applied; an empty array when up to date.
    ///
    /// - Parameters:
    ///   - connection: a connection to the database, outside any transaction.
    ///   - target: the last version to apply; nil applies every pending one.
    ///   - applied: called after each migration commits.
    @discardableResult
    public func migrate(
        _ connection: Connection, upTo target: Int64? = nil,
        applied: ((AppliedMigration) -> Void)? = nil
    ) throws -> [AppliedMigration] {
        try checkTarget(target)
        guard !connection.isInTransaction else {
            throw SQLiteError(code: .misuse, message: "migrations must run outside a transaction: each takes its own")
        }
        var done: [AppliedMigration] = []
        while let result = try applyNext(connection, upTo: target) {
            done.append(result)
            applied?(result)
        }
        return done
    }

    /// Applies the next pending migration in one transaction, or returns nil when there
    /// is none. The history is read under the write lock, so what is pending is decided
    /// by the one process that holds it.
    private func applyNext(_ connection: Connection, upTo target: Int64?) throws -> AppliedMigration? {
        let foreignKeysWereOn = try connection.fetchOne("PRAGMA foreign_keys") { try $0.get(0) as Bool } ?? false
        if foreignKeysWereOn { try connection.execute("PRAGMA foreign_keys = OFF") }
        defer { if foreignKeysWereOn { try? connection.execute("PRAGMA foreign_keys = ON") } }

        return try connection.transaction(.immediate) { () throws -> AppliedMigration? in
            try MigrationLedger.create(in: connection)
            let status = evaluate(try MigrationLedger.entries(of: set.name, in: connection))
            if let problem = status.problem { throw problem }
            guard let migration = pending(in: status, upTo: target).first else { return nil }

            let started = ContinuousClock.now
            try run(migration, on: connection)
            let milliseconds = (ContinuousClock.now - started).milliseconds
            try MigrationLedger.record(
                migration, set: set.name, method: "applied",
                executionMilliseconds: milliseconds, in: connection)
            try checkForeignKeys(after: migration, on: connection)
            if mirrorsUserVersion {
                try connection.execute("PRAGMA user_version = \(Int32(clamping: migration.version))")
            }
            return AppliedMigration(
                version: migration.version, name: migration.name,
                fileName: migration.fileName, milliseconds: milliseconds)
        }
    }

    private func run(_ migration: Migration, on connection: Connection) throws {
        let path = set.path(of: migration.fileName)
        do {
            try connection.executeScript(migration.script) { statement in
                if let refusal = MigrationStatementPolicy.refusal(for: statement) {
                    throw MigrationError.forbiddenStatement(
                        path: path, location: statement.location,
                        statement: refusal.statement, reason: refusal.reason)
                }
            }
        } catch let error as SQLiteError {
            throw MigrationError.statementFailed(path: path, location: error.location, error: error)
        }
    }

    private func checkForeignKeys(after migration: Migration, on connection: Connection) throws {
        let violations = try connection.fetchAll("PRAGMA foreign_key_check") { row -> String in
            let table: String = try row.get(0)
            let rowid: Int64? = try row.get(1)
            let parent: String = try row.get(2)
            return "\(table) row \(rowid.map(String.init) ?? "?") refers to a missing row of \(parent)"
        }
        guard violations.isEmpty else {
            throw MigrationError.foreignKeyViolations(path: set.path(of: migration.fileName), violations: violations)
        }
    }

    // MARK: Baseline

    /// Records every migration up to `version` as applied without running it, for a
    /// database whose schema was made before its migrations were tracked. Refused when
    /// the set already has history in this database.
    @discardableResult
    public func baseline(_ connection: Connection, version: Int64) throws -> [Migration] {
        try checkTarget(version)
        return try connection.transaction(.immediate) {
            try MigrationLedger.create(in: connection)
            let entries = try MigrationLedger.entries(of: set.name, in: connection)
            guard entries.isEmpty else {
                throw MigrationError.baselineRefused(
                    set: set.name,
                    reason: "the database already records \(entries.count) applied migration(s) of this set; "
                        + "baseline is only for a database whose migrations were never tracked")
            }
            let marked = set.migrations.filter { $0.version <= version }
            for migration in marked {
                try MigrationLedger.record(
                    migration, set: set.name, method: "baseline",
                    executionMilliseconds: 0, in: connection)
            }
            if mirrorsUserVersion, let last = marked.last {
                try connection.execute("PRAGMA user_version = \(Int32(clamping: last.version))")
            }
            return marked
        }
    }

    // MARK: Evaluation

    private func checkTarget(_ target: Int64?) throws {
        if let target, !set.migrations.contains(where: { $0.version == target }) {
            throw MigrationError.unknownVersion(target, origin: set.origin)
        }
    }

    private func pending(in status: MigrationStatus, upTo target: Int64?) -> [Migration] {
        let pendingVersions = Set(status.items.filter { $0.state == .pending }.map(\.version))
        return set.migrations.filter { pendingVersions.contains($0.version) && $0.version <= (target ?? .max) }
    }

    /// Compares the set with the history: one item per version on either side.
    func evaluate(_ entries: [MigrationLedger.Entry]) -> MigrationStatus {
        let applied = Dictionary(entries.map { ($0.version, $0) }, uniquingKeysWith: { first, _ in first })
        let files = Dictionary(set.migrations.map { ($0.version, $0) }, uniquingKeysWith: { first, _ in first })
        let highestApplied = entries.map(\.version).max() ?? 0
        var items: [MigrationStatus.Item] = []
        var newer: MigrationError?
        var changed: MigrationError?
        var missing: MigrationError?
        var outOfOrder: MigrationError?

        for version in Set(applied.keys).union(files.keys).sorted() {
            switch (files[version], applied[version]) {
            case (let file?, let entry?):
                let same = entry.checksum == file.checksum && entry.checksumAlgorithm == CanonicalText.algorithm
                let state: MigrationStatus.State = !same ? .changed : entry.method == "baseline" ? .baselined : .applied
                items.append(
                    .init(
                        version: version, name: file.name, fileName: file.fileName, state: state,
                        appliedAt: entry.appliedAt, checksum: entry.checksum))
                if !same, changed == nil {
                    changed = .changed(
                        path: set.path(of: file.fileName), version: version, appliedAt: entry.appliedAt,
                        difference: Self.difference(applied: entry, now: file))
                }
            case (let file?, nil):
                let state: MigrationStatus.State = version < highestApplied ? .outOfOrder : .pending
                items.append(
                    .init(
                        version: version, name: file.name, fileName: file.fileName, state: state,
                        appliedAt: nil, checksum: nil))
                if state == .outOfOrder, outOfOrder == nil {
                    outOfOrder = .outOfOrder(
                        path: set.path(of: file.fileName), version: version,
                        highestApplied: highestApplied)
                }
            case (nil, let entry?):
                let isNewer = version > set.latestVersion
                items.append(
                    .init(
                        version: version, name: entry.name, fileName: entry.fileName,
                        state: isNewer ? .newer : .missing, appliedAt: entry.appliedAt,
                        checksum: entry.checksum))
                if isNewer, newer == nil {
                    newer = .databaseNewer(
                        set: set.name, appliedFileName: entry.fileName, appliedVersion: version,
                        latestKnownVersion: set.latestVersion, origin: set.origin)
                } else if !isNewer, missing == nil {
                    missing = .missing(
                        fileName: entry.fileName, version: version, appliedAt: entry.appliedAt,
                        origin: set.origin)
                }
            case (nil, nil):
                break
            }
        }
        if let highest = entries.last, newer != nil {
            // Name the newest applied migration, not the first unknown one.
            newer = .databaseNewer(
                set: set.name, appliedFileName: highest.fileName, appliedVersion: highest.version,
                latestKnownVersion: set.latestVersion, origin: set.origin)
        }
        return MigrationStatus(
            set: set.name, origin: set.origin, items: items,
            problem: newer ?? changed ?? missing ?? outOfOrder)
    }

    /// The first line that differs between the text that was applied and the file now.
    static func difference(applied entry: MigrationLedger.Entry, now file: Migration) -> String? {
        if entry.checksumAlgorithm != CanonicalText.algorithm {
            return "its checksum was recorded with \(entry.checksumAlgorithm), which this version does not know"
        }
        guard let old = entry.sql else { return nil }
        let oldLines = old.split(separator: "\n", omittingEmptySubsequences: false)
        let newLines = file.sql.split(separator: "\n", omittingEmptySubsequences: false)
        for index in 0..<max(oldLines.count, newLines.count) {
            let was = index < oldLines.count ? String(oldLines[index]) : nil
            let now = index < newLines.count ? String(newLines[index]) : nil
            guard was != now else { continue }
            func show(_ line: String?) -> String { line.map { "`\($0.prefix(120))`" } ?? "(no line)" }
            return "line \(index + 1) was \(show(was)) and is now \(show(now))"
        }
        return nil
    }
}
