/// Where each migration of a set stands against one database.
public struct MigrationStatus: Sendable, Encodable {
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

    public struct Item: Sendable, Encodable {
        public let version: Int64
        public let name: String
        public let fileName: String
        public let state: State
        public let appliedAt: String?
        public let checksum: String?
    }

    public let set: String
    public let origin: String
    public let items: [Item]

    /// The refusal that `migrate` would give, if any: the first problem in the order
    /// newer database, changed file, missing file, out-of-order file.
    public let problem: MigrationError?

    /// True when every migration is applied and nothing is wrong.
    public var isUpToDate: Bool {
        problem == nil && items.allSatisfy { $0.state == .applied || $0.state == .baselined }
    }

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
    public let version: Int64
    public let name: String
    public let fileName: String
    public let milliseconds: Int64
}
