import SharehouseDB

/// The catalogue's history (migration 0009): the changes amendments recorded, and the
/// catalogue as it was on a day, read by undoing, newest first, the changes made after it.
/// Changes are dated in UTC; the catalogue as of a day includes that day's changes, as the
/// figures as of a day include that day's publications.
enum CatalogHistory {
    /// Every change of one source or measure, oldest first.
    static func changes(of kind: CatalogKind, key: String, in connection: Connection) throws -> [CatalogChange] {
        try connection.fetchAll(
            """
            SELECT id, kind, key, field, old_value, new_value, changed_at, reason FROM catalog_changes
            WHERE kind = ? AND key = ? ORDER BY id
            """, kind.rawValue, key, map: decode)
    }

    /// The changes of one kind (of one key, or of all) made after `day`, newest first: the
    /// order in which undoing them goes back in time.
    static func changes(
        of kind: CatalogKind, key: String? = nil, after day: CalendarDate, in connection: Connection
    ) throws -> [CatalogChange] {
        try connection.fetchAll(
            """
            SELECT id, kind, key, field, old_value, new_value, changed_at, reason FROM catalog_changes
            WHERE kind = ? AND (? IS NULL OR key = ?) AND substr(changed_at, 1, 10) > ? ORDER BY id DESC
            """, kind.rawValue, key, key, day.description, map: decode)
    }

    /// Records a change of one field, before the UPDATE that makes it (the triggers of
    /// migration 0009 refuse the UPDATE otherwise). The time is the database's own.
    static func record(
        _ kind: CatalogKind, key: String, field: String, from old: String?, to new: String?, reason: String?,
        in connection: Connection
    ) throws -> CatalogChange {
        try connection.execute(
            "INSERT INTO catalog_changes (kind, key, field, old_value, new_value, reason) VALUES (?, ?, ?, ?, ?, ?)",
            kind.rawValue, key, field, old, new, reason)
        let id = connection.lastInsertedRowID
        guard
            let change = try connection.fetchOne(
                """
                SELECT id, kind, key, field, old_value, new_value, changed_at, reason FROM catalog_changes WHERE id = ?
                """, id, map: decode)
        else { throw CatalogError.storage("the change of \(kind.rawValue) \(key) was not recorded") }
        return change
    }

    /// `source` with `changes` (newest first) undone.
    static func rewind(_ source: Source, undoing changes: [CatalogChange]) -> Source {
        changes.reduce(source) { source, change in
            guard change.kind == .source, change.key == source.key, let field = Source.Field(rawValue: change.field) else {
                return source
            }
            return source.replacing(field, withStoredValue: change.oldValue)
        }
    }

    /// `measure` with `changes` (newest first) undone.
    static func rewind(_ measure: Measure, undoing changes: [CatalogChange]) -> Measure {
        changes.reduce(measure) { measure, change in
            guard change.kind == .measure, change.key == measure.key, let field = Measure.Field(rawValue: change.field) else {
                return measure
            }
            return measure.replacing(field, withStoredValue: change.oldValue)
        }
    }

    /// Whether `source` is what the stored one with its key was at some time: a file
    /// written before an amendment still names the source as it then was.
    static func wasOnceStored(_ source: Source, in connection: Connection) throws -> Bool {
        guard var state = try Catalog.source(key: source.key, in: connection) else { return false }
        for amendment in amendments(newestFirst: try changes(of: .source, key: source.key, in: connection).reversed()) {
            state = rewind(state, undoing: amendment)
            if state == source { return true }
        }
        return false
    }

    /// Whether `measure` is what the stored one with its key was at some time.
    static func wasOnceStored(_ measure: Measure, in connection: Connection) throws -> Bool {
        guard var state = try Catalog.measure(key: measure.key, in: connection) else { return false }
        for amendment in amendments(newestFirst: try changes(of: .measure, key: measure.key, in: connection).reversed()) {
            state = rewind(state, undoing: amendment)
            if state == measure { return true }
        }
        return false
    }

    /// Changes grouped by the amendment that made them (one time and reason), so that
    /// undoing them passes only through states the catalogue had, never half of one.
    private static func amendments(newestFirst changes: some Sequence<CatalogChange>) -> [[CatalogChange]] {
        var groups: [[CatalogChange]] = []
        for change in changes {
            if let last = groups.last?.last, last.changedAt == change.changedAt, last.reason == change.reason {
                groups[groups.count - 1].append(change)
            } else {
                groups.append([change])
            }
        }
        return groups
    }

    private static func decode(_ row: Row) throws -> CatalogChange {
        CatalogChange(
            id: try row.get(0), kind: CatalogKind(rawValue: try row.get(1)) ?? .source, key: try row.get(2),
            field: try row.get(3), oldValue: try row.get(4), newValue: try row.get(5), changedAt: try row.get(6),
            reason: try row.get(7))
    }
}
