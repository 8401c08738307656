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
        // Every snapshot of the measure in scope (a few), then, from the latest to the
        // earliest, the periods each covers: the first vintage of a (period, source) met
        // this way is its current one. A statement per snapshot reads its periods in key
        // order from the index; one statement for all of them had SQLite sort every
        // vintage's coverage by period first (0.29 ms of a 1.1 ms series, BENCHMARKS.md).
        let source = scope.sources.sourceKey
        let asOf = scope.asOf?.description
        let snapshots = try connection.cachedStatement(source == nil ? SQL.snapshots : SQL.snapshotsOfSource)
        var vintages: [Vintage] = []
        let visitSnapshot: (Row) throws -> Void = { row in
            vintages.append(
                Vintage(
                    snapshotID: try row.get(0), source: try row.get(1), publishedOn: CalendarDate(try row.get(2) as String)!,
                    verification: Verification(rawValue: try row.get(3)) ?? .unverified,
                    coverage: Coverage(rawValue: try row.get(4)) ?? .topN))
        }
        if let source {
            try snapshots.forEachRow(binding: key, asOf, source, body: visitSnapshot)
        } else {
            try snapshots.forEachRow(binding: key, asOf, body: visitSnapshot)
        }
        vintages.sort { ($0.publishedOn, $0.snapshotID) > ($1.publishedOn, $1.snapshotID) }
        var candidates: [(periodID: Int64, period: Period, vintages: [(vintage: Vintage, figures: Int)])] = []
        var place: [Int64: Int] = [:]
        var skipped: Set<Int64> = []
        let periodsOfSnapshot = try connection.cachedStatement(SQL.periodsOfSnapshot)
        for vintage in vintages {
            try periodsOfSnapshot.forEachRow(binding: vintage.snapshotID) { row in
                let periodID = try row.integer(at: 0)
                if let index = place[periodID] {
                    // Within a source, only the first (latest) vintage is current.
                    if !candidates[index].vintages.contains(where: { $0.vintage.source == vintage.source }) {
                        candidates[index].vintages.append((vintage, Int(try row.integer(at: 3))))
                    }
                    return
                }
                guard !skipped.contains(periodID) else { return }
                let period = Period(start: CalendarDate(try row.text(at: 1))!, end: CalendarDate(try row.text(at: 2))!)!
                if let wanted, !wanted(period) {
                    skipped.insert(periodID)
                    return
                }
                place[periodID] = candidates.count
                candidates.append((periodID, period, [(vintage, Int(try row.integer(at: 3)))]))
            }
        }
        // In period order, each period's sources in key order, as the choice expects.
        candidates.sort { $0.periodID < $1.periodID }
        for index in candidates.indices where candidates[index].vintages.count > 1 {
            candidates[index].vintages.sort { $0.vintage.source < $1.vintage.source }
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
        /// The periods one snapshot covers, in key order, with their dates and how many
        /// figures it gives for each (kept at import since schema version 6, counted on the
        /// primary key for older snapshots): snapshot_periods_by_snapshot, periods by id.
        static let periodsOfSnapshot = """
            SELECT c.period_id, p.start_date, p.end_date,
                coalesce(c.figures, (SELECT count(*) FROM observations AS o WHERE o.snapshot_id = c.snapshot_id AND o.period_id = c.period_id))
            FROM snapshot_periods AS c JOIN periods AS p ON p.id = c.period_id
            WHERE c.snapshot_id = ?1
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
