import SharehouseDB

/// Every vintage of a figure.
public struct RevisionsResult: Sendable, Encodable {
    /// One vintage of one figure.
    public struct Row: Sendable, Encodable {
        /// The period.
        public let period: Period
        /// The entity's code.
        public let entity: String
        /// The source's key.
        public let source: String
        /// The figure of this vintage.
        public let value: PublishedValue
        /// When this figure became known (its snapshot's publication date).
        public let knownFrom: CalendarDate
        /// When the next vintage of the same measure, source and period was published;
        /// nil while this one is current.
        public let knownTo: CalendarDate?
        /// The change from the previous vintage's figure for the entity; nil for the first.
        public let change: Double?
        /// True when the previous vintage of the period did not list the entity.
        public let isNew: Bool
        /// The snapshot this figure's vintage corrects (the vintage before it, of the same
        /// publication); nil unless it is a correction.
        public let corrects: Int64?
        /// The snapshot whose correction replaced this vintage; nil unless corrected.
        public let correctedBy: Int64?
        /// The citation of this vintage.
        public let citation: Int
    }

    /// The measure, the source policy, the notes and the citations.
    public let context: QueryContext
    /// Every vintage, by period, entity and publication.
    public let rows: [Row]
}

extension Warehouse {
    /// Every vintage of the figures of `entities` (all when empty) for `period` (all when
    /// nil): what each publication said and when it became known, with the change from the
    /// vintage before. With an as-of date, only what was published by then.
    public func revisions(
        entities names: [String] = [], period: Period? = nil,
        scope: QueryScope = QueryScope()
    ) throws -> RevisionsResult {
        let codes = Set(try entityCodes(names))
        return try database.read { connection in
            let measure = try measureKey(for: scope, periods: period.map { [$0] }, entities: Array(codes), on: connection)
            let catalog = CatalogReader(connection: connection, asOf: scope.asOf)
            let measureDefinition = try catalog.measure(measure)
            struct Figure {
                let vintage: Vintage
                let period: Period
                let entity: String
                let value: PublishedValue
            }
            var figures: [Figure] = []
            // The vintages of each (source, period), in order, to date each figure's span: of
            // every entity, so that a figure a later vintage leaves out is not "current".
            var vintagesOf: [String: [Vintage]] = [:]
            try connection.cachedStatement(
                """
                SELECT s.id, s.source, s.published_on, s.verification, s.coverage, p.start_date, p.end_date,
                       o.entity_code, o.value, o.decimals
                FROM snapshots AS s JOIN observations AS o ON o.snapshot_id = s.id JOIN periods AS p ON p.id = o.period_id
                WHERE s.measure = ? AND (? IS NULL OR s.source = ?) AND (? IS NULL OR s.published_on <= ?)
                  AND (? IS NULL OR (p.start_date = ? AND p.end_date = ?))
                ORDER BY p.end_date, p.start_date, s.source, s.published_on, s.id, o.entity_code
                """
            ).forEachRow(
                binding: measure, scope.sources.sourceKey, scope.sources.sourceKey, scope.asOf?.description,
                scope.asOf?.description, period?.start.description, period?.start.description,
                period?.end.description
            ) { row in
                let vintage = Vintage(
                    snapshotID: try row.get(0), source: try row.get(1),
                    publishedOn: CalendarDate(try row.get(2) as String)!,
                    verification: Verification(rawValue: try row.get(3)) ?? .unverified,
                    coverage: Coverage(rawValue: try row.get(4)) ?? .topN)
                let entity: String = try row.get(7)
                let period = Period(start: CalendarDate(try row.get(5) as String)!, end: CalendarDate(try row.get(6) as String)!)!
                let key = vintage.source + "|" + period.description
                if vintagesOf[key]?.last != vintage { vintagesOf[key, default: []].append(vintage) }
                guard codes.isEmpty || codes.contains(entity) else { return }
                figures.append(
                    Figure(
                        vintage: vintage, period: period,
                        entity: entity, value: PublishedValue(value: try row.get(8), decimals: try row.get(9))))
            }
            guard !figures.isEmpty else { throw QueryError.noData("these figures in the measure \(measure)") }
            // Which vintages correct which (few rows: one per correction ever imported).
            var corrections = Set<[Int64]>()
            try connection.cachedStatement("SELECT snapshot_id, corrects_id FROM snapshot_corrections").forEachRow { row in
                corrections.insert([try row.get(0), try row.get(1)])
            }
            var citations = CitationList()
            var previous: [String: PublishedValue] = [:]
            var rows: [RevisionsResult.Row] = []
            for figure in figures {
                let spanKey = figure.vintage.source + "|" + figure.period.description
                let vintages = vintagesOf[spanKey]!
                let position = vintages.firstIndex(of: figure.vintage)!
                let next = position + 1 < vintages.count ? vintages[position + 1].publishedOn : nil
                let id = figure.vintage.snapshotID
                let previousID = position > 0 ? vintages[position - 1].snapshotID : nil
                let nextID = position + 1 < vintages.count ? vintages[position + 1].snapshotID : nil
                let figureKey = spanKey + "|" + figure.entity
                let before = previous[figureKey]
                rows.append(
                    .init(
                        period: figure.period, entity: figure.entity, source: figure.vintage.source, value: figure.value,
                        knownFrom: figure.vintage.publishedOn, knownTo: next,
                        change: before.map { rounded(figure.value.value - $0.value, decimals: max($0.decimals, figure.value.decimals)) },
                        isNew: before == nil && position > 0,
                        corrects: previousID.flatMap { corrections.contains([id, $0]) ? $0 : nil },
                        correctedBy: nextID.flatMap { corrections.contains([$0, id]) ? $0 : nil },
                        citation: try citations.number(for: figure.vintage, measure: measure, catalog: catalog)))
                previous[figureKey] = figure.value
            }
            return RevisionsResult(
                context: QueryContext(
                    measure: measureDefinition, scope: scope, notes: [],
                    citations: citations.citations), rows: rows)
        }
    }
}
