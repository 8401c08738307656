/// Where each migration of a set stands against one database.
public struct MigrationStatus: Sendable, Encodable {
    /// Where one migration stands.
    public enum State: String, Sendable, Encodable {
        /// Applied, and the file still has the text that ran.
        case applied
        /// Recorded as applied by `baseline`, without running.
        case baselined
        /// Not applied yet.
        case pending
        /// Not applied, but numbered below a migration that is.
        case outOfOrder = "out-of-order"
        /// Applied, but the file's text has changed since.
        case changed
        /// Applied, but the file is gone.
        case missing
        /// Applied, and newer than every file: the database is ahead of this set.
        case newer
    }

    /// One migration of the set, or one applied that the set no longer has.
    public struct Item: Sendable, Encodable {
        /// The migration's version.
        public let version: Int64
        /// The migration's description.
        public let name: String
        /// The migration's file name.
        public let fileName: String
        /// Where it stands.
        public let state: State
        /// When it was applied (ISO 8601, UTC); nil when it was not.
        public let appliedAt: String?
        /// The checksum recorded when it was applied; nil when it was not.
        public let checksum: String?
    }

    /// The migration set's name.
    public let set: String
    /// Where the set's files come from: a folder, or the built-in schema.
    public let origin: String
    /// Every migration of the set, and every applied one it no longer has, by version.
    public let items: [Item]

    /// The refusal that `migrate` would give, if any: the first problem in the order
    /// newer database, changed file, missing file, out-of-order file.
    public let problem: MigrationError?

    /// True when every migration is applied and nothing is wrong.
    public var isUpToDate: Bool {
        problem == nil && items.allSatisfy { $0.state == .applied || $0.state == .baselined }
    }

    /// How many migrations are pending.
    public var pendingCount: Int { items.filter { $0.state == .pending }.count }

    private enum CodingKeys: String, CodingKey {
        case set, origin
        case items = "migrations"
        case problem
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(set, forKey: .set)
        try container.encode(origin, forKey: .origin)
        try container.encode(items, forKey: .items)
        try container.encodeIfPresent(problem?.description, forKey: .problem)
    }
}

/// A migration that `migrate` applied.
public struct AppliedMigration: Sendable, Encodable {
    /// The migration's version.
    public let version: Int64
    /// The migration's description.
    public let name: String
    /// The migration's file name.
    public let fileName: String
    /// How long it took to run, in milliseconds.
    public let milliseconds: Int64
}
