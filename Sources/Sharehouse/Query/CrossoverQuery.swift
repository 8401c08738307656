import SharehouseDB

/// When one entity overtook another.
public struct CrossoverResult: Sendable, Encodable {
    /// One time one entity overtook the other.
    public struct Crossing: Sendable, Encodable {
        /// The first period in which the new leader is ahead.
        public let period: Period
        /// The period before it, in which the other was ahead (or level).
        public let previousPeriod: Period
        /// The entity that moved ahead.
        public let leader: String
        /// The entity it overtook.
        public let overtaken: String
        /// The leader's figure in that period.
        public let leaderValue: PublishedValue
        /// The overtaken entity's figure in that period.
        public let overtakenValue: PublishedValue
        /// The snapshot that says so, and when it was published.
        public let citation: Int
        /// When the figures that show it were published.
        public let publishedOn: CalendarDate
    }

    /// The measure, the source policy, the notes and the citations.
    public let context: QueryContext
    /// The two entities' codes.
    public let entities: [String]
    /// The length of the periods compared.
    public let periodLength: PeriodLength
    /// True when each snapshot's own figures were searched, vintage by vintage.
    public let byVintage: Bool
    /// Every crossing, in time order.
    public let crossings: [Crossing]
}

extension Warehouse {
    /// The periods in which `first` and `second` change places, over periods of one
    /// length in time order. With `byVintage`, each snapshot's own figures are searched
    /// separately, so that the result says what each publication showed; otherwise the
    /// figures in force (under the scope) are.
    public func crossovers(
        _ first: String, _ second: String, length: PeriodLength? = nil, byVintage: Bool = false,
        scope: QueryScope = QueryScope()
    ) throws -> CrossoverResult {
        let codes = try entityCodes([first, second])
        guard codes.count == 2 else { throw QueryError.invalid("crossovers need two different entities") }
        let series = try self.series(entities: codes, length: length, scope: scope)
        let measure = series.context.measure.key
        var citations = CitationList()
        var crossings: [CrossoverResult.Crossing] = []
        if byVintage {
            try database.read { connection in
                let catalog = CatalogReader(connection: connection, asOf: scope.asOf)
                let vintages = try connection.fetchAll(
                    """
                    SELECT id, source, published_on, verification, coverage FROM snapshots
                    WHERE measure = ? AND (? IS NULL OR source = ?) AND (? IS NULL OR published_on <= ?) ORDER BY published_on, id
                    """, measure, scope.sources.sourceKey, scope.sources.sourceKey, scope.asOf?.description,
                    scope.asOf?.description
                ) { row in
                    Vintage(
                        snapshotID: try row.get(0), source: try row.get(1), publishedOn: CalendarDate(try row.get(2) as String)!,
                        verification: Verification(rawValue: try row.get(3)) ?? .unverified,
                        coverage: Coverage(rawValue: try row.get(4)) ?? .topN)
                }
                // The series' own rule for which periods are of its length (30-day windows
                // and the months of 30 days among them).
                let lengthRule = PeriodLengthRule(series.points.map(\.period))
                for vintage in vintages {
                    let pairs = try connection.fetchAll(
                        """
                        SELECT p.start_date, p.end_date, a.value, a.decimals, b.value, b.decimals
                        FROM observations AS a JOIN observations AS b ON b.snapshot_id = a.snapshot_id AND b.period_id = a.period_id
                        JOIN periods AS p ON p.id = a.period_id
                        WHERE a.snapshot_id = ? AND a.entity_code = ? AND b.entity_code = ?
                        ORDER BY p.end_date, p.start_date
                        """, vintage.snapshotID, codes[0], codes[1]
                    ) { row in
                        (
                            Period(start: CalendarDate(try row.get(0) as String)!, end: CalendarDate(try row.get(1) as String)!)!,
                            PublishedValue(value: try row.get(2), decimals: try row.get(3)),
                            PublishedValue(value: try row.get(4), decimals: try row.get(5))
                        )
                    }.filter { lengthRule.key(of: $0.0) == series.periodLength }
                    for crossing in Self.crossings(pairs, codes) {
                        crossings.append(
                            .init(
                                period: crossing.period, previousPeriod: crossing.previous, leader: crossing.leader,
                                overtaken: crossing.overtaken, leaderValue: crossing.leaderValue,
                                overtakenValue: crossing.overtakenValue,
                                citation: try citations.number(for: vintage, measure: measure, catalog: catalog),
                                publishedOn: vintage.publishedOn))
                    }
                }
            }
        } else {
            // The series already holds each period's citation, with its source chain.
            let byPeriod = Dictionary(grouping: series.points, by: \.period)
            let pairs = byPeriod.keys.sorted().compactMap { period -> (Period, PublishedValue, PublishedValue)? in
                let points = byPeriod[period]!
                guard let a = points.first(where: { $0.entity == codes[0] }),
                    let b = points.first(where: { $0.entity == codes[1] })
                else { return nil }
                return (period, a.value, b.value)
            }
            let vintageOf = Dictionary(series.points.map { ($0.period, $0.citation) }, uniquingKeysWith: { first, _ in first })
            for crossing in Self.crossings(pairs, codes) {
                let citation = series.context.citations[vintageOf[crossing.period]! - 1]
                crossings.append(
                    .init(
                        period: crossing.period, previousPeriod: crossing.previous, leader: crossing.leader,
                        overtaken: crossing.overtaken, leaderValue: crossing.leaderValue,
                        overtakenValue: crossing.overtakenValue,
                        citation: citations.number(reusing: citation), publishedOn: citation.publishedOn))
            }
        }
        var notes = series.context.notes
        if crossings.isEmpty { notes.append(.noCrossing(codes[0], codes[1])) }
        return CrossoverResult(
            context: QueryContext(
                measure: series.context.measure, scope: scope, notes: notes,
                citations: citations.citations),
            entities: codes, periodLength: series.periodLength, byVintage: byVintage, crossings: crossings)
    }

    /// The places where the sign of a - b changes, in time order; a tie is not a crossing
    /// until one pulls ahead.
    static func crossings(_ pairs: [(Period, PublishedValue, PublishedValue)], _ codes: [String])
        -> [(
            period: Period, previous: Period, leader: String, overtaken: String, leaderValue: PublishedValue, overtakenValue: PublishedValue
        )]
    {
        var result: [(Period, Period, String, String, PublishedValue, PublishedValue)] = []
        var lastLeader: Int?
        var previous: Period?
        for (period, a, b) in pairs {
            defer { previous = period }
            guard a.value != b.value else { continue }
            let leader = a.value > b.value ? 0 : 1
            if let lastLeader, lastLeader != leader, let previous {
                result.append((period, previous, codes[leader], codes[1 - leader], leader == 0 ? a : b, leader == 0 ? b : a))
            }
            lastLeader = leader
        }
        return result.map { (period: $0.0, previous: $0.1, leader: $0.2, overtaken: $0.3, leaderValue: $0.4, overtakenValue: $0.5) }
    }
}
