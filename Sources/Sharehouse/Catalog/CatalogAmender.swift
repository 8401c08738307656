import SharehouseDB

/// Amends sources and measures in the caller's transaction: checks every value given
/// first (a bad one changes nothing), records a change per field that differs, then
/// updates the row, which the triggers of migration 0009 allow only with that record.
enum CatalogAmender {
    static func amend(
        source key: String, with changes: SourceChanges, reason: String?, in connection: Connection
    ) throws -> CatalogAmendment {
        guard let stored = try Catalog.source(key: key, in: connection) else {
            throw try Catalog.unknown(.source, key: key, in: connection)
        }
        let reason = recorded(reason)
        var amended = stored
        var differing: [(field: String, old: String?, new: String?)] = []
        for (field, update) in changes.updates {
            let value = try checked(update, of: field, key: key)
            let old = stored.storedValue(of: field)
            guard value != old else { continue }
            if field == .derivedFrom, let parent = value { try checkRelay(of: key, to: parent, in: connection) }
            differing.append((field.rawValue, old, value))
            amended = amended.replacing(field, withStoredValue: value)
        }
        guard !differing.isEmpty else { return CatalogAmendment(kind: .source, key: key, changes: []) }
        let recorded = try differing.map { change in
            try CatalogHistory.record(
                .source, key: key, field: change.field, from: change.old, to: change.new, reason: reason, in: connection)
        }
        // Every column at once: the unchanged ones are equal, which the triggers let pass.
        try connection.execute(
            """
            UPDATE sources SET title = ?, publisher = ?, authors = ?, url = ?, published_on = ?, accessed_on = ?, language = ?,
                               kind = ?, license = ?, access_note = ?, derived_from = ?
            WHERE key = ?
            """, amended.title, amended.publisher, amended.authors, amended.url, amended.publishedOn?.description,
            amended.accessedOn?.description, amended.language, amended.kind.rawValue, amended.license, amended.accessNote,
            amended.derivedFrom, key)
        return CatalogAmendment(kind: .source, key: key, changes: recorded)
    }

    static func amend(
        measure key: String, with changes: MeasureChanges, reason: String?, in connection: Connection
    ) throws -> CatalogAmendment {
        guard let stored = try Catalog.measure(key: key, in: connection) else {
            throw try Catalog.unknown(.measure, key: key, in: connection)
        }
        if let unit = changes.unit, unit != stored.unit { throw CatalogError.unitNeverChanges(key: key, unit: stored.unit.rawValue) }
        let reason = recorded(reason)
        var amended = stored
        var differing: [(field: String, old: String?, new: String?)] = []
        for (field, update) in changes.updates {
            let value = try checked(update, of: field, key: key)
            let old = stored.storedValue(of: field)
            guard value != old else { continue }
            differing.append((field.rawValue, old, value))
            amended = amended.replacing(field, withStoredValue: value)
        }
        guard !differing.isEmpty else { return CatalogAmendment(kind: .measure, key: key, changes: []) }
        let recorded = try differing.map { change in
            try CatalogHistory.record(
                .measure, key: key, field: change.field, from: change.old, to: change.new, reason: reason, in: connection)
        }
        try connection.execute(
            "UPDATE measures SET name = ?, universe = ?, attribution = ?, description = ? WHERE key = ?",
            amended.name, amended.universe, amended.attribution, amended.description, key)
        return CatalogAmendment(kind: .measure, key: key, changes: recorded)
    }

    // MARK: Checks

    /// The reason as recorded: nil when none or blank.
    private static func recorded(_ reason: String?) -> String? {
        guard let reason, !reason.trimmingSpaces.isEmpty else { return nil }
        return reason
    }

    /// The text a source's field will store, checked as adding the source checks it.
    private static func checked(_ update: FieldUpdate<String>, of field: Source.Field, key: String) throws(CatalogError) -> String? {
        guard case .set(let value) = update else {
            if field.isRequired { throw .cannotClear(kind: "source", key: key, field: field.rawValue) }
            return nil
        }
        switch field {
        case .url where !(value.hasPrefix("https://") || value.hasPrefix("http://")):
            throw .invalidValue(kind: "source", key: key, field: "url", expected: "an http:// or https:// address")
        case .derivedFrom where !Catalog.isValidKey(value):
            throw .invalidValue(kind: "source", key: key, field: "derived_from", expected: Catalog.keyRule)
        case _ where value.trimmingSpaces.isEmpty:
            throw .invalidValue(
                kind: "source", key: key, field: field.rawValue,
                expected: field.isRequired ? "some text" : "some text (to remove the value, clear the field)")
        default:
            return value
        }
    }

    private static func checked(_ update: FieldUpdate<String>, of field: Measure.Field, key: String) throws(CatalogError) -> String? {
        guard case .set(let value) = update else {
            if field.isRequired { throw .cannotClear(kind: "measure", key: key, field: field.rawValue) }
            return nil
        }
        guard !value.trimmingSpaces.isEmpty else {
            throw .invalidValue(
                kind: "measure", key: key, field: field.rawValue,
                expected: field.isRequired ? "some text" : "some text (to remove the value, clear the field)")
        }
        return value
    }

    /// A source may relay one that exists and does not, through its own chain, relay it.
    private static func checkRelay(of key: String, to parent: String, in connection: Connection) throws {
        guard parent != key else { throw CatalogError.relayLoop(key: key, chain: [key]) }
        let chain = try Catalog.chain(of: parent, in: connection)
        guard !chain.isEmpty else { throw CatalogError.unknownParent(key: key, parent: parent) }
        if let loop = chain.firstIndex(where: { $0.key == key }) {
            throw CatalogError.relayLoop(key: key, chain: chain[...loop].map(\.key))
        }
    }
}
