import SharehouseDB

/// One snapshot as a query sees it.
struct Vintage: Sendable, Hashable {
    let snapshotID: Int64
    let source: String
    let publishedOn: CalendarDate
    let verification: Verification
    let coverage: Coverage

    /// The source policy's order: better verified, then later published, then by key.
    static func preferred(_ a: Vintage, over b: Vintage) -> Bool {
        let rank: (Verification) -> Int = { [.primary: 0, .secondary: 1, .unverified: 2][$0]! }
        if rank(a.verification) != rank(b.verification) { return rank(a.verification) < rank(b.verification) }
        if a.publishedOn != b.publishedOn { return a.publishedOn > b.publishedOn }
        if a.source != b.source { return a.source < b.source }
        return a.snapshotID > b.snapshotID
    }
}

/// The figures in force for one period: from one snapshot, chosen by the vintage rule and
/// the source policy.
struct PeriodFigures: Sendable {
    let period: Period
    let periodID: Int64
    let vintage: Vintage
    /// Entity code -> figure.
    let figures: [String: PublishedValue]
}

/// Reads measures, sources and citation chains for queries, on one connection.
struct CatalogReader {
    let connection: Connection

    func measure(_ key: String) throws -> Measure {
        guard let measure = try Catalog.measure(key: key, in: connection) else { throw QueryError.unknownMeasure(key) }
        return measure
    }

    func chain(of key: String) throws -> [Source] {
        var chain: [Source] = []
        var next: String? = key
        while let current = next, chain.count < 16, !chain.contains(where: { $0.key == current }),
              let source = try Catalog.source(key: current, in: connection) {
            chain.append(source)
            next = source.derivedFrom
        }
        return chain
    }
}

/// The figures of one measure in force under a scope: per period, one snapshot.
///
/// The vintage rule (DESIGN.md): for each measure, source and period, the current figures
/// are those of the latest-published snapshot that covers the period (ties: the later
/// import), among snapshots published on or before the as-of date. The source policy then
/// picks one source per period.
struct FigureBook {
    let measure: Measure
    let periods: [PeriodFigures]

    /// - Parameter entities: when given, only these entities' figures are read (a series
    ///   of one country need not read 249 per period).
    static func load(measure key: String, scope: QueryScope, on connection: Connection, entities: [String]? = nil,
                     periods wanted: ((Period) -> Bool)? = nil) throws -> FigureBook {
        let measure = try CatalogReader(connection: connection).measure(key)
        if case .only(let source) = scope.sources, try Catalog.source(key: source, in: connection) == nil {
            throw QueryError.unknownSource(source)
        }
        // Every snapshot of the measure in scope, and the periods each covers.
        var candidates: [Int64: (period: Period, vintages: [Vintage])] = [:]
        let snapshots = try connection.fetchAll("""
            SELECT id, source, published_on, verification, coverage FROM snapshots
            WHERE measure = ? AND (? IS NULL OR source = ?) AND (? IS NULL OR published_on <= ?)
            ORDER BY id
            """, key, scope.sources.sourceKey, scope.sources.sourceKey, scope.asOf?.description, scope.asOf?.description) { row in
            Vintage(snapshotID: try row.get(0), source: try row.get(1), publishedOn: CalendarDate(try row.get(2) as String)!,
                    verification: Verification(rawValue: try row.get(3)) ?? .unverified,
                    coverage: Coverage(rawValue: try row.get(4)) ?? .topN)
        }
        let periodsOfSnapshot = try connection.cachedStatement("""
            SELECT c.period_id, p.start_date, p.end_date
            FROM snapshot_periods AS c JOIN periods AS p ON p.id = c.period_id WHERE c.snapshot_id = ?
            """)
        for vintage in snapshots {
            try periodsOfSnapshot.forEachRow(binding: vintage.snapshotID) { row in
                let period = Period(start: CalendarDate(try row.get(1) as String)!, end: CalendarDate(try row.get(2) as String)!)!
                if let wanted, !wanted(period) { return }
                let id: Int64 = try row.get(0)
                candidates[id, default: (period, [])].vintages.append(vintage)
            }
        }
        let figures = try connection.cachedStatement(
            "SELECT entity_code, value, decimals FROM observations WHERE snapshot_id = ? AND period_id = ?")
        let figure = try connection.cachedStatement(
            "SELECT value, decimals FROM observations WHERE snapshot_id = ? AND period_id = ? AND entity_code = ?")
        var result: [PeriodFigures] = []
        for (periodID, candidate) in candidates {
            // Vintage rule within each source: latest published, ties to the later import.
            var currentBySource: [String: Vintage] = [:]
            for vintage in candidate.vintages {
                if let current = currentBySource[vintage.source],
                   (current.publishedOn, current.snapshotID) > (vintage.publishedOn, vintage.snapshotID) { continue }
                currentBySource[vintage.source] = vintage
            }
            guard let chosen = currentBySource.values.sorted(by: Vintage.preferred).first else { continue }
            var values: [String: PublishedValue] = [:]
            if let entities {
                for code in entities {
                    if let value = try figure.first(binding: chosen.snapshotID, periodID, code, map: { row in
                        PublishedValue(value: try row.get(0), decimals: try row.get(1))
                    }) { values[code] = value }
                }
            } else {
                try figures.forEachRow(binding: chosen.snapshotID, periodID) { row in
                    values[try row.get(0)] = PublishedValue(value: try row.get(1), decimals: try row.get(2))
                }
            }
            result.append(PeriodFigures(period: candidate.period, periodID: periodID, vintage: chosen, figures: values))
        }
        return FigureBook(measure: measure, periods: result.sorted { $0.period < $1.period })
    }
}

extension SourcePolicy {
    var sourceKey: String? {
        if case .only(let key) = self { return key }
        return nil
    }
}
