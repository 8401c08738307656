import SharehouseDB

/// The figures of one measure in force under a scope: per period, one snapshot.
///
/// The vintage rule (docs/ARCHITECTURE.md, "The vintage rule"): for each measure, source and period, the current figures
/// are those of the latest-published snapshot that covers the period (ties: the later
/// import), among snapshots published on or before the as-of date. The source policy then
/// picks one source per period.
struct FigureBook {
    let measure: Measure
    let periods: [PeriodFigures]

    /// - Parameters:
    ///   - entities: when given, only these entities' figures are read (a series of one
    ///     country need not read 249 per period).
    ///   - fullness: when given, the entities a period's source must list some of (a
    ///     group's members on the period's last day): sources listing none come last.
    static func load(
        measure key: String, scope: QueryScope, on connection: Connection, entities: [String]? = nil,
        periods wanted: ((Period) -> Bool)? = nil, fullness: ((Period) -> Set<String>)? = nil
    ) throws -> FigureBook {
        let catalog = CatalogReader(connection: connection, asOf: scope.asOf)
        let measure = try catalog.measure(key)
        if case .only(let source) = scope.sources, try Catalog.source(key: source, in: connection) == nil {
            throw QueryError.unknownSource(source)
        }
        // Every snapshot of the measure in scope (a few), then which of them cover each
        // period, in one pass ordered so that each source's current vintage of a period
        // comes first: the vintage rule is the first row of each (period, source).
        let source = scope.sources.sourceKey
        let asOf = scope.asOf?.description
        let snapshots = try connection.cachedStatement(source == nil ? SQL.snapshots : SQL.snapshotsOfSource)
        let coverage = try connection.cachedStatement(source == nil ? SQL.coverage : SQL.coverageOfSource)
        func visit(_ statement: Statement, _ body: (Row) throws -> Void) throws {
            if let source {
                try statement.forEachRow(binding: key, asOf, source, body: body)
            } else {
                try statement.forEachRow(binding: key, asOf, body: body)
            }
        }
        var vintages: [Int64: Vintage] = [:]
        try visit(snapshots) { row in
            let id: Int64 = try row.get(0)
            vintages[id] = Vintage(
                snapshotID: id, source: try row.get(1), publishedOn: CalendarDate(try row.get(2) as String)!,
                verification: Verification(rawValue: try row.get(3)) ?? .unverified,
                coverage: Coverage(rawValue: try row.get(4)) ?? .topN)
        }
        var candidates: [(periodID: Int64, period: Period, vintages: [(vintage: Vintage, figures: Int)])] = []
        var skipping: Int64?
        try visit(coverage) { row in
            let periodID = try row.integer(at: 0)
            guard periodID != skipping else { return }
            guard let vintage = vintages[try row.integer(at: 1)] else { return }
            if candidates.last?.periodID != periodID {
                let period = Period(start: CalendarDate(try row.text(at: 2))!, end: CalendarDate(try row.text(at: 3))!)!
                if let wanted, !wanted(period) {
                    skipping = periodID
                    return
                }
                candidates.append((periodID, period, []))
            }
            // Within a source, only the first (latest) vintage is current.
            if candidates[candidates.count - 1].vintages.last?.vintage.source != vintage.source {
                candidates[candidates.count - 1].vintages.append((vintage, Int(try row.integer(at: 4))))
            }
        }
        let figures = try connection.cachedStatement(SQL.figuresOfPeriod)
        let figure = try connection.cachedStatement(SQL.figureOfEntity)
        var result: [PeriodFigures] = []
        var relaySteps: [String: Int] = [:]
        func steps(_ source: String) throws -> Int {
            if let known = relaySteps[source] { return known }
            let count = max(0, try catalog.chain(of: source).count - 1)
            relaySteps[source] = count
            return count
        }
        for candidate in candidates {
            let periodID = candidate.periodID
            var weighed: [SourceCandidate] = []
            for (vintage, count) in candidate.vintages {
                // Relay steps only break ties between sources: one candidate needs none (and
                // no walk of its source chain).
                let relays = candidate.vintages.count > 1 ? try steps(vintage.source) : 0
                var weight = SourceCandidate(vintage: vintage, entities: count, relaySteps: relays)
                if let fullness {
                    // The default choice stands when it lists some of the entities wanted
                    // (a group's members), so that one report's sources agree; a source
                    // that lists none of them comes last.
                    let wanted = fullness(candidate.period)
                    var listed = 0
                    try figures.forEachRow(binding: vintage.snapshotID, periodID) { row in
                        if wanted.contains(try row.text(at: 0)) { listed += 1 }
                    }
                    weight.isEligible = listed > 0
                }
                weighed.append(weight)
            }
            guard let (picked, choice) = SourceCandidate.choose(weighed) else { continue }
            let chosen = picked.vintage
            var values = FigureTable()
            if let entities {
                for code in entities {
                    if let value = try figure.first(
                        binding: chosen.snapshotID, periodID, code,
                        map: { row in
                            PublishedValue(value: try row.real(at: 0), decimals: Int(try row.integer(at: 1)))
                        })
                    {
                        values.append(code, value)
                    }
                }
            } else {
                try figures.forEachRow(binding: chosen.snapshotID, periodID) { row in
                    values.append(try row.text(at: 0), PublishedValue(value: try row.real(at: 1), decimals: Int(try row.integer(at: 2))))
                }
            }
            values.finish()
            result.append(
                PeriodFigures(
                    period: candidate.period, periodID: periodID, vintage: chosen, choice: source == nil ? choice : nil,
                    figures: values))
        }
        return FigureBook(measure: measure, periods: result.sorted { $0.period < $1.period })
    }
}

extension FigureBook {
    /// The statements every query runs through. A test checks their query plans, so that a
    /// schema change cannot silently lose the index one of them needs.
    enum SQL {
        /// The snapshots of a measure in scope: the snapshots_by_series index. Binds the
        /// measure and the as-of date (or NULL).
        static let snapshots = """
            SELECT id, source, published_on, verification, coverage FROM snapshots
            WHERE measure = ?1 AND (?2 IS NULL OR published_on <= ?2)
            """
        /// The same of one source: measure, as-of date, source. A statement of its own (not
        /// `?3 IS NULL OR source = ?3`) so that the index serves the source too.
        static let snapshotsOfSource = """
            SELECT id, source, published_on, verification, coverage FROM snapshots
            WHERE measure = ?1 AND (?2 IS NULL OR published_on <= ?2) AND source = ?3
            """
        /// Which of them cover each period, and how many figures each gives for it (kept at
        /// import since schema version 6, counted on the primary key for older snapshots):
        /// snapshot_periods by snapshot, periods by id.
        static let coverage = """
            SELECT c.period_id, c.snapshot_id, p.start_date, p.end_date,
                coalesce(c.figures, (SELECT count(*) FROM observations AS o WHERE o.snapshot_id = c.snapshot_id AND o.period_id = c.period_id))
            FROM snapshots AS s JOIN snapshot_periods AS c ON c.snapshot_id = s.id JOIN periods AS p ON p.id = c.period_id
            WHERE s.measure = ?1 AND (?2 IS NULL OR s.published_on <= ?2)
            ORDER BY c.period_id, s.source, s.published_on DESC, s.id DESC
            """
        /// The same of one source (with four sources, a quarter of the rows to sort).
        static let coverageOfSource = """
            SELECT c.period_id, c.snapshot_id, p.start_date, p.end_date,
                coalesce(c.figures, (SELECT count(*) FROM observations AS o WHERE o.snapshot_id = c.snapshot_id AND o.period_id = c.period_id))
            FROM snapshots AS s JOIN snapshot_periods AS c ON c.snapshot_id = s.id JOIN periods AS p ON p.id = c.period_id
            WHERE s.measure = ?1 AND (?2 IS NULL OR s.published_on <= ?2) AND s.source = ?3
            ORDER BY c.period_id, s.published_on DESC, s.id DESC
            """
        /// Every figure of one period of one snapshot: a range of the primary key.
        static let figuresOfPeriod = "SELECT entity_code, value, decimals FROM observations WHERE snapshot_id = ? AND period_id = ?"
        /// One figure: a primary-key lookup.
        static let figureOfEntity = "SELECT value, decimals FROM observations WHERE snapshot_id = ? AND period_id = ? AND entity_code = ?"
    }
}

extension SourcePolicy {
    var sourceKey: String? {
        if case .only(let key) = self { return key }
        return nil
    }
}
