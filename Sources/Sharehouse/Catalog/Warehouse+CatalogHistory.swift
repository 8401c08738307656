import SharehouseDB

extension Warehouse {
    /// Corrects a source's descriptive fields (its URL moved, its title was mistranslated),
    /// keeping each change in the catalogue's history with `reason`: the citations of
    /// earlier reports stay reproducible (``sourceDetails(key:asOf:)``, `--as-of`). The
    /// key never changes. Values equal to the stored ones change nothing; an amendment that
    /// changes nothing is returned as such, not refused.
    /// - Throws: ``CatalogError/unknown(kind:key:suggestions:)`` with the keys close to
    ///   `key`; ``CatalogError/invalidValue(kind:key:field:expected:)``,
    ///   ``CatalogError/cannotClear(kind:key:field:)``, ``CatalogError/relayLoop(key:chain:)``
    ///   or ``CatalogError/unknownParent(key:parent:)`` for a value that cannot be; nothing
    ///   is changed then.
    @discardableResult
    public func amendSource(key: String, changes: SourceChanges, reason: String? = nil) throws -> CatalogAmendment {
        try database.write { try CatalogAmender.amend(source: key, with: changes, reason: reason, in: $0) }
    }

    /// Corrects a measure's name, universe, attribution or description, as
    /// ``amendSource(key:changes:reason:)`` does a source's. The unit never changes
    /// (``CatalogError/unitNeverChanges(key:unit:)``): every figure would change meaning.
    @discardableResult
    public func amendMeasure(key: String, changes: MeasureChanges, reason: String? = nil) throws -> CatalogAmendment {
        try database.write { try CatalogAmender.amend(measure: key, with: changes, reason: reason, in: $0) }
    }

    /// Every change of a source or measure, oldest first (empty when it was never amended).
    /// - Throws: ``CatalogError/unknown(kind:key:suggestions:)`` for a key not in the catalogue.
    public func catalogHistory(of kind: CatalogKind, key: String) throws -> [CatalogChange] {
        try database.read { connection in
            let exists =
                kind == .source
                ? try Catalog.source(key: key, in: connection) != nil : try Catalog.measure(key: key, in: connection) != nil
            guard exists else { throw try Catalog.unknown(kind, key: key, in: connection) }
            return try CatalogHistory.changes(of: kind, key: key, in: connection)
        }
    }

    /// A source, the sources it relays and their amendments, as the catalogue had them on
    /// `day` (nil: as they are now).
    /// - Throws: ``CatalogError/unknown(kind:key:suggestions:)`` for a key not in the catalogue.
    public func sourceDetails(key: String, asOf day: CalendarDate? = nil) throws -> SourceDetails {
        try database.read { connection in
            let chain = try Catalog.chain(of: key, asOf: day, in: connection)
            guard !chain.isEmpty else { throw try Catalog.unknown(.source, key: key, in: connection) }
            let changes = try chain.flatMap { try CatalogHistory.changes(of: .source, key: $0.key, in: connection) }
                .sorted { $0.id < $1.id }
            let (history, later) = Self.split(changes, by: day)
            return SourceDetails(asOf: day, chain: chain, history: history, laterChanges: later)
        }
    }

    /// A measure and its amendments, as the catalogue had them on `day` (nil: now).
    /// - Throws: ``CatalogError/unknown(kind:key:suggestions:)`` for a key not in the catalogue.
    public func measureDetails(key: String, asOf day: CalendarDate? = nil) throws -> MeasureDetails {
        try database.read { connection in
            guard let measure = try Catalog.measure(key: key, asOf: day, in: connection) else {
                throw try Catalog.unknown(.measure, key: key, in: connection)
            }
            let (history, later) = Self.split(try CatalogHistory.changes(of: .measure, key: key, in: connection), by: day)
            return MeasureDetails(asOf: day, measure: measure, history: history, laterChanges: later)
        }
    }

    /// The changes made by `day` (all when nil), and how many came after it.
    private static func split(_ changes: [CatalogChange], by day: CalendarDate?) -> ([CatalogChange], Int) {
        guard let day else { return (changes, 0) }
        let known = changes.filter { ($0.changedOn ?? day) <= day }
        return (known, changes.count - known.count)
    }
}
